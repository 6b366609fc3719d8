// Original file: xr/gateway/v1/cases.proto

import type { Long } from '@grpc/proto-loader';

export interface Material {
  'name'?: (string);
  /**
   * Hex SHA-256 of the file; the file itself travels by the partners' file exchange.
   */
  'sha256'?: (string);
  'size'?: (number | string | Long);
  'mediaType'?: (string);
}

export interface Material__Output {
  'name': (string);
  /**
   * Hex SHA-256 of the file; the file itself travels by the partners' file exchange.
   */
  'sha256': (string);
  'size': (number);
  'mediaType': (string);
}

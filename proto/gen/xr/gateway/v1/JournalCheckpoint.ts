// Original file: xr/gateway/v1/ops.proto

import type { Long } from '@grpc/proto-loader';

export interface JournalCheckpoint {
  /**
   * `<prefix>.journal.<region>/<partition>`.
   */
  'origin'?: (string);
  'size'?: (number | string | Long);
  /**
   * Standard base64 of the RFC 6962 root hash at `size`.
   */
  'rootHash'?: (string);
  /**
   * The C2SP signed note (checkpoint body, blank line, the region's signature line).
   */
  'note'?: (string);
}

export interface JournalCheckpoint__Output {
  /**
   * `<prefix>.journal.<region>/<partition>`.
   */
  'origin': (string);
  'size': (number);
  /**
   * Standard base64 of the RFC 6962 root hash at `size`.
   */
  'rootHash': (string);
  /**
   * The C2SP signed note (checkpoint body, blank line, the region's signature line).
   */
  'note': (string);
}

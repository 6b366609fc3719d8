// Original file: xr/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface Position {
  'topic'?: (string);
  'partition'?: (number);
  'offset'?: (number | string | Long);
}

export interface Position__Output {
  'topic': (string);
  'partition': (number);
  'offset': (number);
}

// Original file: xr/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface GetConsistencyProofRequest {
  'origin'?: (string);
  'oldSize'?: (number | string | Long);
  'newSize'?: (number | string | Long);
}

export interface GetConsistencyProofRequest__Output {
  'origin': (string);
  'oldSize': (number);
  'newSize': (number);
}

// Original file: xr/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface ConsistencyProof {
  'origin'?: (string);
  'oldSize'?: (number | string | Long);
  'newSize'?: (number | string | Long);
  'hashes'?: (Buffer | Uint8Array | string)[];
  /**
   * The signed checkpoints of both sizes, when the region published them.
   */
  'oldCheckpoint'?: (string);
  'newCheckpoint'?: (string);
  /**
   * The same as a file `xr audit check` verifies offline (docs/WIRE.md).
   */
  'proofFile'?: (string);
}

export interface ConsistencyProof__Output {
  'origin': (string);
  'oldSize': (number);
  'newSize': (number);
  'hashes': (Buffer)[];
  /**
   * The signed checkpoints of both sizes, when the region published them.
   */
  'oldCheckpoint': (string);
  'newCheckpoint': (string);
  /**
   * The same as a file `xr audit check` verifies offline (docs/WIRE.md).
   */
  'proofFile': (string);
}

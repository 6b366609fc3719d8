// Original file: xr/audit/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface InclusionProof {
  'origin'?: (string);
  'index'?: (number | string | Long);
  'treeSize'?: (number | string | Long);
  'hashes'?: (Buffer | Uint8Array | string)[];
  /**
   * The checkpoint proved against (signed note with cosignatures).
   */
  'checkpoint'?: (string);
  /**
   * The same as a self-contained C2SP tlog-proof file (record bytes in `extra`).
   */
  'tlogProof'?: (string);
  'record'?: (Buffer | Uint8Array | string);
}

export interface InclusionProof__Output {
  'origin': (string);
  'index': (number);
  'treeSize': (number);
  'hashes': (Buffer)[];
  /**
   * The checkpoint proved against (signed note with cosignatures).
   */
  'checkpoint': (string);
  /**
   * The same as a self-contained C2SP tlog-proof file (record bytes in `extra`).
   */
  'tlogProof': (string);
  'record': (Buffer);
}

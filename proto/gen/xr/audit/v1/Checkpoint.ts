// Original file: xr/audit/v1/audit.proto

import type { Position as _xr_audit_v1_Position, Position__Output as _xr_audit_v1_Position__Output } from '../../../xr/audit/v1/Position.js';
import type { Long } from '@grpc/proto-loader';

export interface Checkpoint {
  'origin'?: (string);
  'size'?: (number | string | Long);
  'rootHash'?: (Buffer | Uint8Array | string);
  /**
   * The signed note: the checkpoint body, the log's signature and every valid cosignature
   * gathered for it (c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature).
   */
  'note'?: (string);
  /**
   * Names of the witnesses whose cosignature verified.
   */
  'witnesses'?: (string)[];
  /**
   * Whether those meet the region's witness policy (quorum of the listed witnesses).
   */
  'witnessed'?: (boolean);
  'quorum'?: (number);
  /**
   * Where the checkpoint record is in `<prefix>.checkpoints`.
   */
  'position'?: (_xr_audit_v1_Position | null);
}

export interface Checkpoint__Output {
  'origin': (string);
  'size': (number);
  'rootHash': (Buffer);
  /**
   * The signed note: the checkpoint body, the log's signature and every valid cosignature
   * gathered for it (c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature).
   */
  'note': (string);
  /**
   * Names of the witnesses whose cosignature verified.
   */
  'witnesses': (string)[];
  /**
   * Whether those meet the region's witness policy (quorum of the listed witnesses).
   */
  'witnessed': (boolean);
  'quorum': (number);
  /**
   * Where the checkpoint record is in `<prefix>.checkpoints`.
   */
  'position': (_xr_audit_v1_Position__Output | null);
}

// Original file: xr/gateway/v1/ops.proto

import type { Counter as _xr_gateway_v1_Counter, Counter__Output as _xr_gateway_v1_Counter__Output } from '../../../xr/gateway/v1/Counter.js';
import type { Outbox as _xr_gateway_v1_Outbox, Outbox__Output as _xr_gateway_v1_Outbox__Output } from '../../../xr/gateway/v1/Outbox.js';
import type { JournalCheckpoint as _xr_gateway_v1_JournalCheckpoint, JournalCheckpoint__Output as _xr_gateway_v1_JournalCheckpoint__Output } from '../../../xr/gateway/v1/JournalCheckpoint.js';
import type { Long } from '@grpc/proto-loader';

export interface Stats {
  'region'?: (string);
  'counters'?: (_xr_gateway_v1_Counter)[];
  'cases'?: (number | string | Long);
  /**
   * One per partner this gateway has delivered to (or must): a failing partner shows here alone.
   */
  'outboxes'?: (_xr_gateway_v1_Outbox)[];
  /**
   * False while the inbox pipeline is not running yet (after a start it joins its consumer
   * group; after a crash the broker may hold the dead member's partitions for its session
   * timeout). Reads are served meanwhile; requests are written and answered once it runs.
   */
  'pipelineRunning'?: (boolean);
  /**
   * The latest signed checkpoint of each journal partition that has one (docs/WIRE.md, "Merkle
   * tree, checkpoints and cosignatures"), as written to `<prefix>.checkpoints`.
   */
  'checkpoints'?: (_xr_gateway_v1_JournalCheckpoint)[];
}

export interface Stats__Output {
  'region': (string);
  'counters': (_xr_gateway_v1_Counter__Output)[];
  'cases': (number);
  /**
   * One per partner this gateway has delivered to (or must): a failing partner shows here alone.
   */
  'outboxes': (_xr_gateway_v1_Outbox__Output)[];
  /**
   * False while the inbox pipeline is not running yet (after a start it joins its consumer
   * group; after a crash the broker may hold the dead member's partitions for its session
   * timeout). Reads are served meanwhile; requests are written and answered once it runs.
   */
  'pipelineRunning': (boolean);
  /**
   * The latest signed checkpoint of each journal partition that has one (docs/WIRE.md, "Merkle
   * tree, checkpoints and cosignatures"), as written to `<prefix>.checkpoints`.
   */
  'checkpoints': (_xr_gateway_v1_JournalCheckpoint__Output)[];
}

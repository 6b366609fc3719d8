// Original file: xr/audit/v1/audit.proto

import type { Position as _xr_audit_v1_Position, Position__Output as _xr_audit_v1_Position__Output } from '../../../xr/audit/v1/Position.js';

export interface JournalEvent {
  'position'?: (_xr_audit_v1_Position | null);
  /**
   * The region whose journal holds the record.
   */
  'region'?: (string);
  'eventId'?: (string);
  'caseId'?: (string);
  'type'?: (string);
  'source'?: (string);
  'target'?: (string);
  /**
   * The envelope's time (RFC 3339), signed by the sender.
   */
  'time'?: (string);
  /**
   * The journal's `recordedAt`.
   */
  'recordedAt'?: (string);
  /**
   * The journal record's value bytes exactly as stored (RFC 8785 JSON): its Merkle leaf is
   * SHA-256(0x00 ‖ record).
   */
  'record'?: (Buffer | Uint8Array | string);
}

export interface JournalEvent__Output {
  'position': (_xr_audit_v1_Position__Output | null);
  /**
   * The region whose journal holds the record.
   */
  'region': (string);
  'eventId': (string);
  'caseId': (string);
  'type': (string);
  'source': (string);
  'target': (string);
  /**
   * The envelope's time (RFC 3339), signed by the sender.
   */
  'time': (string);
  /**
   * The journal's `recordedAt`.
   */
  'recordedAt': (string);
  /**
   * The journal record's value bytes exactly as stored (RFC 8785 JSON): its Merkle leaf is
   * SHA-256(0x00 ‖ record).
   */
  'record': (Buffer);
}

// Original file: xr/audit/v1/audit.proto

import type { Position as _xr_audit_v1_Position, Position__Output as _xr_audit_v1_Position__Output } from '../../../xr/audit/v1/Position.js';

export interface StreamEventsRequest {
  /**
   * Only this region's journal (GB/T 2260 code); empty: every region's.
   */
  'region'?: (string);
  /**
   * Only this case's events; empty: all.
   */
  'caseId'?: (string);
  /**
   * Only these event types (e.g. "case.submitted"); empty: all.
   */
  'types'?: (string)[];
  /**
   * Only events whose envelope time is in [from_time, to_time) (RFC 3339); empty: unbounded.
   */
  'fromTime'?: (string);
  'toTime'?: (string);
  /**
   * Resume: for each journal partition listed, start after this position (as sent in
   * JournalEvent.position); partitions not listed start at offset 0.
   */
  'after'?: (_xr_audit_v1_Position)[];
  /**
   * Keep the stream open and send new records as they are journaled.
   */
  'follow'?: (boolean);
}

export interface StreamEventsRequest__Output {
  /**
   * Only this region's journal (GB/T 2260 code); empty: every region's.
   */
  'region': (string);
  /**
   * Only this case's events; empty: all.
   */
  'caseId': (string);
  /**
   * Only these event types (e.g. "case.submitted"); empty: all.
   */
  'types': (string)[];
  /**
   * Only events whose envelope time is in [from_time, to_time) (RFC 3339); empty: unbounded.
   */
  'fromTime': (string);
  'toTime': (string);
  /**
   * Resume: for each journal partition listed, start after this position (as sent in
   * JournalEvent.position); partitions not listed start at offset 0.
   */
  'after': (_xr_audit_v1_Position__Output)[];
  /**
   * Keep the stream open and send new records as they are journaled.
   */
  'follow': (boolean);
}

// Original file: xr/gateway/v1/ops.proto

import type { Long } from '@grpc/proto-loader';

export interface Outbox {
  'target'?: (string);
  /**
   * Journaled events not yet delivered to the partner's inbox.
   */
  'backlog'?: (number | string | Long);
  /**
   * Delivered since the gateway started.
   */
  'delivered'?: (number | string | Long);
  /**
   * The last delivery failure (empty once a delivery succeeds), its time (RFC 3339) and how
   * many attempts in a row failed.
   */
  'lastError'?: (string);
  'lastErrorAt'?: (string);
  'failedAttempts'?: (number);
}

export interface Outbox__Output {
  'target': (string);
  /**
   * Journaled events not yet delivered to the partner's inbox.
   */
  'backlog': (number);
  /**
   * Delivered since the gateway started.
   */
  'delivered': (number);
  /**
   * The last delivery failure (empty once a delivery succeeds), its time (RFC 3339) and how
   * many attempts in a row failed.
   */
  'lastError': (string);
  'lastErrorAt': (string);
  'failedAttempts': (number);
}

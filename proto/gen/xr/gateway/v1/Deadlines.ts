// Original file: xr/gateway/v1/cases.proto

import type { DeadlineUnknown as _xr_gateway_v1_DeadlineUnknown, DeadlineUnknown__Output as _xr_gateway_v1_DeadlineUnknown__Output } from '../../../xr/gateway/v1/DeadlineUnknown.js';

/**
 * Deadlines in working days under the licensing law, as YYYY-MM-DD China dates (empty when not running).
 */
export interface Deadlines {
  /**
   * Art. 32: the 补正 notice is due within 5 working days of 签收.
   */
  'supplementNoticeDue'?: (string);
  /**
   * Art. 42: the decision is due within the promised limit from 受理 (plus one extension; suspensions not counted).
   */
  'decisionDue'?: (string);
  /**
   * Art. 44: the result is delivered within 10 working days of the decision.
   */
  'deliveryDue'?: (string);
  'overdue'?: (boolean);
  'atRisk'?: (boolean);
  /**
   * While suspended: working days left when the clock resumes.
   */
  'pausedRemainingDays'?: (number);
  /**
   * True when a deadline shown here counts days of a year whose holiday notice is not published
   * yet: its days off come from the law alone (《全国年节及纪念日放假办法》), without the notice's
   * bridge days and 调休 working weekends. Such a date changes by itself once the notice is
   * published through the registry (deadlines are derived, never stored).
   */
  'provisional'?: (boolean);
  /**
   * Which of the deadlines are provisional: "supplement-notice", "decision", "delivery".
   */
  'provisionalDeadlines'?: (string)[];
  /**
   * Deadlines that could not be computed, each with its reason; the others above still hold.
   */
  'unknown'?: (_xr_gateway_v1_DeadlineUnknown)[];
}

/**
 * Deadlines in working days under the licensing law, as YYYY-MM-DD China dates (empty when not running).
 */
export interface Deadlines__Output {
  /**
   * Art. 32: the 补正 notice is due within 5 working days of 签收.
   */
  'supplementNoticeDue': (string);
  /**
   * Art. 42: the decision is due within the promised limit from 受理 (plus one extension; suspensions not counted).
   */
  'decisionDue': (string);
  /**
   * Art. 44: the result is delivered within 10 working days of the decision.
   */
  'deliveryDue': (string);
  'overdue': (boolean);
  'atRisk': (boolean);
  /**
   * While suspended: working days left when the clock resumes.
   */
  'pausedRemainingDays': (number);
  /**
   * True when a deadline shown here counts days of a year whose holiday notice is not published
   * yet: its days off come from the law alone (《全国年节及纪念日放假办法》), without the notice's
   * bridge days and 调休 working weekends. Such a date changes by itself once the notice is
   * published through the registry (deadlines are derived, never stored).
   */
  'provisional': (boolean);
  /**
   * Which of the deadlines are provisional: "supplement-notice", "decision", "delivery".
   */
  'provisionalDeadlines': (string)[];
  /**
   * Deadlines that could not be computed, each with its reason; the others above still hold.
   */
  'unknown': (_xr_gateway_v1_DeadlineUnknown__Output)[];
}

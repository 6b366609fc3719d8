// Original file: xr/gateway/v1/cases.proto


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
}

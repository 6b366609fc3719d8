// Original file: xr/gateway/v1/cases.proto


export interface DeadlineUnknown {
  /**
   * "supplement-notice", "decision" or "delivery".
   */
  'deadline'?: (string);
  /**
   * Stable code, e.g. XR_CALENDAR_OUT_OF_RANGE.
   */
  'code'?: (string);
  'reason'?: (string);
}

export interface DeadlineUnknown__Output {
  /**
   * "supplement-notice", "decision" or "delivery".
   */
  'deadline': (string);
  /**
   * Stable code, e.g. XR_CALENDAR_OUT_OF_RANGE.
   */
  'code': (string);
  'reason': (string);
}

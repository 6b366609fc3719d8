// Original file: xr/gateway/v1/cases.proto


export interface SuspendReviewRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  /**
   * hearing, testing, inspection, quarantine, expert-review, appraisal.
   */
  'reason'?: (string);
  'note'?: (string);
}

export interface SuspendReviewRequest__Output {
  'requestId': (string);
  'caseId': (string);
  /**
   * hearing, testing, inspection, quarantine, expert-review, appraisal.
   */
  'reason': (string);
  'note': (string);
}

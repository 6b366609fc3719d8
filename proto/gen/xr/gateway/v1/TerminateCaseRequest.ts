// Original file: xr/gateway/v1/cases.proto


export interface TerminateCaseRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  /**
   * deferred-materials-not-supplied, commitment-false or supplement-not-provided.
   */
  'reason'?: (string);
  'note'?: (string);
}

export interface TerminateCaseRequest__Output {
  'requestId': (string);
  'caseId': (string);
  /**
   * deferred-materials-not-supplied, commitment-false or supplement-not-provided.
   */
  'reason': (string);
  'note': (string);
}

// Original file: xr/gateway/v1/cases.proto


export interface ResumeReviewRequest {
  'requestId'?: (string);
  'caseId'?: (string);
}

export interface ResumeReviewRequest__Output {
  'requestId': (string);
  'caseId': (string);
}

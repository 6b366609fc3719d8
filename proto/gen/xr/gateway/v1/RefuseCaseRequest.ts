// Original file: xr/gateway/v1/cases.proto


export interface RefuseCaseRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  'reason'?: (string);
  'legalBasis'?: (string);
}

export interface RefuseCaseRequest__Output {
  'requestId': (string);
  'caseId': (string);
  'reason': (string);
  'legalBasis': (string);
}

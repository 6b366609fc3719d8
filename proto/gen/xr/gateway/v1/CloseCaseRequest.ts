// Original file: xr/gateway/v1/cases.proto


export interface CloseCaseRequest {
  'requestId'?: (string);
  'caseId'?: (string);
}

export interface CloseCaseRequest__Output {
  'requestId': (string);
  'caseId': (string);
}

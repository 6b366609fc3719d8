// Original file: xr/gateway/v1/cases.proto


export interface WatchCaseRequest {
  'caseId'?: (string);
}

export interface WatchCaseRequest__Output {
  'caseId': (string);
}

// Original file: xr/gateway/v1/cases.proto


export interface WithdrawCaseRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  'reason'?: (string);
}

export interface WithdrawCaseRequest__Output {
  'requestId': (string);
  'caseId': (string);
  'reason': (string);
}

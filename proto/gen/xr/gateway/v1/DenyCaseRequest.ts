// Original file: xr/gateway/v1/cases.proto


export interface DenyCaseRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  'decisionNo'?: (string);
  'reason'?: (string);
  'legalBasis'?: (string);
}

export interface DenyCaseRequest__Output {
  'requestId': (string);
  'caseId': (string);
  'decisionNo': (string);
  'reason': (string);
  'legalBasis': (string);
}

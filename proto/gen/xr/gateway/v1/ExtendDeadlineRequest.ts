// Original file: xr/gateway/v1/cases.proto


export interface ExtendDeadlineRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  'days'?: (number);
  'approvedBy'?: (string);
}

export interface ExtendDeadlineRequest__Output {
  'requestId': (string);
  'caseId': (string);
  'days': (number);
  'approvedBy': (string);
}

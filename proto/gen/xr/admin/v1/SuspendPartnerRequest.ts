// Original file: xr/admin/v1/admin.proto


export interface SuspendPartnerRequest {
  'requestId'?: (string);
  'region'?: (string);
  'reason'?: (string);
}

export interface SuspendPartnerRequest__Output {
  'requestId': (string);
  'region': (string);
  'reason': (string);
}

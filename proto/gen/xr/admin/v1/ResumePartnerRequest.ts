// Original file: xr/admin/v1/admin.proto


export interface ResumePartnerRequest {
  'requestId'?: (string);
  'region'?: (string);
}

export interface ResumePartnerRequest__Output {
  'requestId': (string);
  'region': (string);
}

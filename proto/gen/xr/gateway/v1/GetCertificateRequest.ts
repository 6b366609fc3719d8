// Original file: xr/gateway/v1/certificates.proto


export interface GetCertificateRequest {
  'caseId'?: (string);
}

export interface GetCertificateRequest__Output {
  'caseId': (string);
}

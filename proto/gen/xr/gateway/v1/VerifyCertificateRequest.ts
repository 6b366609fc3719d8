// Original file: xr/gateway/v1/certificates.proto


export interface VerifyCertificateRequest {
  'credential'?: (string);
}

export interface VerifyCertificateRequest__Output {
  'credential': (string);
}

// Original file: xr/gateway/v1/cases.proto


export interface CertificateRef {
  'type'?: (string);
  'id'?: (string);
}

export interface CertificateRef__Output {
  'type': (string);
  'id': (string);
}

// Original file: xr/gateway/v1/certificates.proto


export interface CertificateReason {
  /**
   * XR_CERT_REVOKED, XR_CERT_SUSPENDED, XR_CERT_EXPIRED, XR_CERT_NOT_YET_VALID,
   * XR_CERT_NOT_RECOGNISED, XR_CERT_SIGNATURE_INVALID, XR_CERT_KEY_REVOKED, XR_CERT_KEY_UNKNOWN,
   * XR_CERT_MALFORMED, XR_CERT_TYPE_INVALID, XR_CERT_ID_CHECKSUM, XR_CERT_STATUS_UNKNOWN, …
   */
  'code'?: (string);
  'message'?: (string);
  /**
   * JSON Pointer into {header, payload, signature}.
   */
  'field'?: (string);
}

export interface CertificateReason__Output {
  /**
   * XR_CERT_REVOKED, XR_CERT_SUSPENDED, XR_CERT_EXPIRED, XR_CERT_NOT_YET_VALID,
   * XR_CERT_NOT_RECOGNISED, XR_CERT_SIGNATURE_INVALID, XR_CERT_KEY_REVOKED, XR_CERT_KEY_UNKNOWN,
   * XR_CERT_MALFORMED, XR_CERT_TYPE_INVALID, XR_CERT_ID_CHECKSUM, XR_CERT_STATUS_UNKNOWN, …
   */
  'code': (string);
  'message': (string);
  /**
   * JSON Pointer into {header, payload, signature}.
   */
  'field': (string);
}

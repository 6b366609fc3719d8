// Original file: xr/gateway/v1/certificates.proto


export interface ChangeCertificateStatusRequest {
  /**
   * Makes a retry harmless: the same request id changes the status at most once. A retry (same
   * id, certificate, change and reason) is answered with the first request's outcome and changes
   * nothing, even when the status has moved since; the same id for another change is
   * XR_REQUEST_CONFLICT.
   */
  'requestId'?: (string);
  /**
   * 证照标识.
   */
  'certificateId'?: (string);
  /**
   * A reason code, e.g. "fraud", "holder-request", "superseded" (lower case, digits and -).
   */
  'reason'?: (string);
}

export interface ChangeCertificateStatusRequest__Output {
  /**
   * Makes a retry harmless: the same request id changes the status at most once. A retry (same
   * id, certificate, change and reason) is answered with the first request's outcome and changes
   * nothing, even when the status has moved since; the same id for another change is
   * XR_REQUEST_CONFLICT.
   */
  'requestId': (string);
  /**
   * 证照标识.
   */
  'certificateId': (string);
  /**
   * A reason code, e.g. "fraud", "holder-request", "superseded" (lower case, digits and -).
   */
  'reason': (string);
}

// Original file: xr/gateway/v1/certificates.proto


export interface ChangeCertificateStatusRequest {
  /**
   * Makes a retry harmless: the same request id changes the status once.
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
   * Makes a retry harmless: the same request id changes the status once.
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

// Original file: xr/gateway/v1/certificates.proto


export interface GetStatusListRequest {
  /**
   * "revocation" or "suspension".
   */
  'purpose'?: (string);
  /**
   * Which list of the issuer (indexes 0–131071 are list 0, …); default 0.
   */
  'list'?: (number);
}

export interface GetStatusListRequest__Output {
  /**
   * "revocation" or "suspension".
   */
  'purpose': (string);
  /**
   * Which list of the issuer (indexes 0–131071 are list 0, …); default 0.
   */
  'list': (number);
}

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
  /**
   * The issuing authority's 统一社会信用代码; may be empty when the region has one.
   */
  'issuerUscc'?: (string);
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
  /**
   * The issuing authority's 统一社会信用代码; may be empty when the region has one.
   */
  'issuerUscc': (string);
}

// Original file: xr/admin/v1/admin.proto


export interface RevokeKeyRequest {
  'requestId'?: (string);
  'region'?: (string);
  'kid'?: (string);
  /**
   * Records signed at or after this time are refused; earlier ones still verify.
   */
  'effectiveAt'?: (string);
}

export interface RevokeKeyRequest__Output {
  'requestId': (string);
  'region': (string);
  'kid': (string);
  /**
   * Records signed at or after this time are refused; earlier ones still verify.
   */
  'effectiveAt': (string);
}

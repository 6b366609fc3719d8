// Original file: xr/gateway/v1/cases.proto


export interface Commitment {
  'statement'?: (string);
  /**
   * RFC 3339; now when empty.
   */
  'signedAt'?: (string);
}

export interface Commitment__Output {
  'statement': (string);
  /**
   * RFC 3339; now when empty.
   */
  'signedAt': (string);
}

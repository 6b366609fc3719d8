// Original file: xr/admin/v1/admin.proto


/**
 * An Ed25519 public key (RFC 8037). kid is "<region>.k<generation>", e.g. "370200.k1".
 */
export interface Jwk {
  'kty'?: (string);
  'crv'?: (string);
  'x'?: (string);
  'kid'?: (string);
  'alg'?: (string);
  'use'?: (string);
}

/**
 * An Ed25519 public key (RFC 8037). kid is "<region>.k<generation>", e.g. "370200.k1".
 */
export interface Jwk__Output {
  'kty': (string);
  'crv': (string);
  'x': (string);
  'kid': (string);
  'alg': (string);
  'use': (string);
}

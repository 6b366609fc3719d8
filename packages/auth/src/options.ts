/** What the authenticator trusts: token issuers with their public keys, and the token rules. */
import type { Role } from './caller.js';

/** A public verification key: Ed25519 (EdDSA) or P-256 (ES256). */
export type IssuerJwk =
  | { readonly kty: 'OKP'; readonly crv: 'Ed25519'; readonly x: string; readonly kid?: string; readonly alg?: 'EdDSA' | 'Ed25519'; readonly use?: 'sig' }
  | { readonly kty: 'EC'; readonly crv: 'P-256'; readonly x: string; readonly y: string; readonly kid?: string; readonly alg?: 'ES256'; readonly use?: 'sig' };

export interface IssuerConfig {
  readonly iss: string;
  /** A JWKS document (`{ keys: [...] }`) or its key list. */
  readonly keys: { readonly keys: readonly IssuerJwk[] } | readonly IssuerJwk[];
  /** When set, this issuer's tokens may only act for this region. */
  readonly region?: string;
  /** When set, the roles this issuer may grant; otherwise any. */
  readonly roles?: readonly Role[];
}

export interface AuthOptions {
  readonly issuers: readonly IssuerConfig[];
  /** Expected `aud`; default `xr-gateway`. */
  readonly audience?: string;
  /** Longest accepted `exp - iat` (and token age); default 86 400 (24 h). */
  readonly maxLifetimeSeconds?: number;
  /** Default 30. */
  readonly clockToleranceSeconds?: number;
  /**
   * Accept a verified mTLS client certificate (SAN URI `urn:xr:region:<code>:role:<role>`) as the
   * caller's identity when a call carries no bearer token. Default false.
   */
  readonly peerCertificates?: boolean;
  /** The time source; default the system clock. */
  readonly clock?: () => Date;
}

export const DEFAULT_AUDIENCE = 'xr-gateway';
export const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 3600;
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

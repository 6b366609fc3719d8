/**
 * What a verifier brings: every lookup is a pure function of the verifier's own view (the registry it
 * follows, the status it has consumed or a cached status list), so verification makes no call to the
 * issuing region.
 */
import type { VerificationKey } from '@xr/crypto';
import type { XrErrorCode } from '@xr/domain';
import type { StatusPurpose } from './model.js';

/**
 * The key named `kid`, judged at `at` (RFC 3339: the credential's `iat`): a key rotated out since but
 * valid then is returned; one revoked at or before `at` is `{ code: 'XR_KEY_REVOKED' }`; an unknown
 * one `{ code: 'XR_KEY_UNKNOWN' }` (the registry's `keyFor` answers exactly this).
 */
export type KeyAt = (kid: string, at: string) => VerificationKey | { readonly code: XrErrorCode; readonly message: string };

export interface StatusQuery {
  /** The credential's issuer id (`<base>/issuers/<region>/<uscc>`). */
  readonly issuer: string;
  readonly purpose: StatusPurpose;
  readonly index: number;
  /** The entry's `statusListCredential` URL. */
  readonly list: string;
}

/** A status as the verifier knows it, and as of when (RFC 3339); `unknown` when its view has no such list. */
export type StatusAnswer =
  | { readonly status: 'ok' | 'revoked' | 'suspended'; readonly asOf: string }
  | { readonly status: 'unknown'; readonly message: string };

export type StatusLookup = (query: StatusQuery) => StatusAnswer;

/** True when `verifier` (a region) accepts certificates of `typeCode` issued in `issuerRegion` (the registry's `recognises`). */
export type Recognition = (verifier: string, issuerRegion: string, typeCode: string) => boolean;

export interface VerifyContext {
  readonly keyAt: KeyAt;
  /** Epoch ms. */
  readonly now: number;
  readonly status: StatusLookup;
  /** The verifying region; its own certificates need no agreement. */
  readonly region: string;
  readonly recognises: Recognition;
  /** Tolerated clock difference for `iat` in the future; default 5 minutes. */
  readonly clockSkewMs?: number;
}

/** A key refusal as a certificate reason: unknown and revoked keys get the XR_CERT_ codes; others (rotated out, partner suspended) keep theirs. */
export function certKeyCode(code: XrErrorCode): XrErrorCode {
  if (code === 'XR_KEY_REVOKED') return 'XR_CERT_KEY_REVOKED';
  if (code === 'XR_KEY_UNKNOWN') return 'XR_CERT_KEY_UNKNOWN';
  return code;
}

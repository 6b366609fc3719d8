/**
 * Stable codes the registry adds to the domain's list (`XR_ERROR_CODES` of @xr/domain). Until they
 * are merged there, a registry problem carries either kind of code; edges map the new ones.
 */
import type { XrErrorCode } from '@xr/domain';

export const REGISTRY_ERROR_CODES = [
  /** A registry record whose admin signature is missing, malformed or wrong. */
  'XR_REGISTRY_SIGNATURE_INVALID',
  /** A registry record signed by a key that is not a configured trust anchor. */
  'XR_REGISTRY_ADMIN_UNKNOWN',
  /** A registry change that contradicts the registry (region registered with other content, stale key generation). */
  'XR_REGISTRY_CONFLICT',
  /** A record signed by a revoked key at or after the revocation's effective time. */
  'XR_KEY_REVOKED',
  /** A record signed by a rotated key at or after the end of its overlap. */
  'XR_KEY_ROTATED_OUT',
  /** A record from a partner that is suspended. */
  'XR_PARTNER_SUSPENDED',
] as const;

export type RegistryErrorCode = (typeof REGISTRY_ERROR_CODES)[number];

export type RegistryCode = RegistryErrorCode | XrErrorCode;

/** An expected failure of the registry, as a value (the shape of the domain's `Problem`). */
export interface RegistryProblem {
  readonly code: RegistryCode;
  readonly message: string;
  /** JSON Pointer into the record (`/payload/keys/keys/0/kid`) or a header (`headers.xr-jws`). */
  readonly field?: string;
  readonly violations?: readonly { readonly field: string; readonly message: string }[];
}

export function problem(code: RegistryCode, message: string, field?: string, violations?: RegistryProblem['violations']): RegistryProblem {
  return { code, message, ...(field === undefined ? {} : { field }), ...(violations ? { violations } : {}) };
}

export function isRegistryErrorCode(code: string): code is RegistryErrorCode {
  return (REGISTRY_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The registry's codes, problems and results are the domain's (XR_ERROR_CLASS, `Problem`,
 * `problem` of @xr/domain). These names stay for the packages that import them from here.
 */
import { isXrErrorCode, problem, type Problem, type XrErrorCode } from '@xr/domain';

export { problem };

/** Codes only the registry produces; each is documented, with its class, in the domain's list. */
export const REGISTRY_ERROR_CODES = [
  'XR_REGISTRY_SIGNATURE_INVALID',
  'XR_REGISTRY_ADMIN_UNKNOWN',
  'XR_REGISTRY_CONFLICT',
  'XR_KEY_REVOKED',
  'XR_KEY_ROTATED_OUT',
  'XR_PARTNER_SUSPENDED',
] as const satisfies readonly XrErrorCode[];

export type RegistryErrorCode = (typeof REGISTRY_ERROR_CODES)[number];

/** The domain's `XrErrorCode`, under its former registry name. */
export type RegistryCode = XrErrorCode;

/** The domain's `Problem`, under its former registry name. */
export type RegistryProblem = Problem;

export function isRegistryErrorCode(code: string): code is RegistryErrorCode {
  return isXrErrorCode(code) && (REGISTRY_ERROR_CODES as readonly string[]).includes(code);
}

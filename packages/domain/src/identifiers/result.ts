/**
 * Outcome of checking an identifier, a date or a calendar computation.
 * Expected failures are values with a stable code, never exceptions. The codes are a part of the
 * one list (XR_ERROR_CLASS in errors.ts), which documents each.
 */
import type { Problem, XrErrorCode } from '../errors.js';

export const CHECK_CODES = [
  'XR_ID_FORMAT',
  'XR_ID_CHECKSUM',
  'XR_ID_BIRTHDATE',
  'XR_ID_REGION',
  'XR_USCC_FORMAT',
  'XR_USCC_CHECKSUM',
  'XR_REGION_FORMAT',
  'XR_REGION_UNKNOWN',
  'XR_CERT_ID_FORMAT',
  'XR_CERT_ID_CHECKSUM',
  'XR_CERT_ID_USCC',
  'XR_DATE_FORMAT',
  'XR_CALENDAR_CONFLICT',
  'XR_CALENDAR_OUT_OF_RANGE',
  'XR_CALENDAR_ARGUMENT',
] as const satisfies readonly XrErrorCode[];

export type CheckCode = (typeof CHECK_CODES)[number];

/** The domain's `Result<T>` with the codes a check can give: the same flat failure as everywhere. */
export type Check<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Problem & { readonly code: CheckCode });

export function ok<T>(value: T): Check<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: CheckCode, message: string): Check<T> {
  return { ok: false, code, message };
}

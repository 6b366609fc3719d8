import { formatLocalDate, parseLocalDate } from '../calendar/local-date.js';
import { mod11_2 } from './iso-7064.js';
import { isProvinceCode } from './region-code.js';
import { fail, ok, type Check } from './result.js';

/**
 * 公民身份号码 (GB 11643-1999), 18 characters:
 *   1–6 address code (GB/T 2260 as it was at issue) · 7–14 birth date YYYYMMDD ·
 *   15–17 sequence (odd male, even female) · 18 check, ISO 7064 MOD 11-2 (0–9 or X).
 * Only the canonical form (upper-case X) is accepted; normalise at the input boundary.
 */
export interface ResidentIdInfo {
  readonly id: string;
  readonly addressCode: string;
  /** 'YYYY-MM-DD'. */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
}

export interface ResidentIdOptions {
  /** Today's local date 'YYYY-MM-DD' (injected: the domain reads no clock). */
  readonly today: string;
}

/** Earliest birth date accepted; anything before is taken to be a typing error. */
const EARLIEST_BIRTH = '1850-01-01';
/**
 * 830000 is not a GB/T 2260 code but is the address code of 台湾居民居住证 numbers
 * (港澳台居民居住证 use 810000 / 820000 / 830000), which share this format.
 */
const PERMIT_ONLY_PROVINCES = new Set(['83']);

/** Check character for 17 digits, or an error value if they are not 17 digits. */
export function computeResidentIdCheck(first17: string): Check<string> {
  if (!/^\d{17}$/.test(first17)) return fail('XR_ID_FORMAT', 'expected 17 digits');
  return ok(mod11_2(first17));
}

export function checkResidentId(id: string, options: ResidentIdOptions): Check<ResidentIdInfo> {
  const today = parseLocalDate(options.today);
  if (!today.ok) return today;
  if (!/^\d{17}[\dX]$/.test(id)) {
    const hint = /^\d{17}x$/.test(id) ? ' (check character must be upper-case X)' : '';
    return fail('XR_ID_FORMAT', `expected 17 digits and a check character 0-9 or X${hint}`);
  }
  if (mod11_2(id) !== id.charAt(17)) return fail('XR_ID_CHECKSUM', 'check character does not match (ISO 7064 MOD 11-2)');

  const addressCode = id.slice(0, 6);
  const province = addressCode.slice(0, 2);
  // Abolished codes stay valid inside ID numbers, so only the province part is checked.
  if (!isProvinceCode(province) && !PERMIT_ONLY_PROVINCES.has(province)) {
    return fail('XR_ID_REGION', `address code ${addressCode} does not start with a province code`);
  }

  const birth = parseLocalDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
  if (!birth.ok) return fail('XR_ID_BIRTHDATE', `birth date ${id.slice(6, 14)} is not a calendar date`);
  const earliest = parseLocalDate(EARLIEST_BIRTH);
  if (earliest.ok && birth.value < earliest.value) return fail('XR_ID_BIRTHDATE', `birth date is before ${EARLIEST_BIRTH}`);
  if (birth.value > today.value) return fail('XR_ID_BIRTHDATE', `birth date is after today (${options.today})`);

  return ok({
    id,
    addressCode,
    birthDate: formatLocalDate(birth.value),
    sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
  });
}

export function isResidentId(id: string, options: ResidentIdOptions): boolean {
  return checkResidentId(id, options).ok;
}

/** For display and logs: keeps only the first 2 and last 2 characters (personal data). */
export function maskResidentId(id: string): string {
  if (id.length <= 4) return '*'.repeat(id.length);
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`;
}

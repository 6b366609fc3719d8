import { fail, ok, type Check } from '../identifiers/result.js';

/**
 * Plain calendar dates ('YYYY-MM-DD', China local dates) as whole day numbers
 * (days since 1970-01-01), using proleptic Gregorian arithmetic only. No `Date`
 * objects, so no time zone can ever shift a date by a day.
 */
export type DayNumber = number;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 for a valid y/m/d (H. Hinnant's days_from_civil). */
function fromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function toCivil(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses 'YYYY-MM-DD' as a real calendar date (year 0001–9999). */
export function parseLocalDate(text: string): Check<DayNumber> {
  const m = DATE_PATTERN.exec(text);
  if (m === null) return fail('XR_DATE_FORMAT', `not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('XR_DATE_FORMAT', `no such calendar date: ${text}`);
  }
  return ok(fromCivil(year, month, day));
}

export function formatLocalDate(dayNumber: DayNumber): string {
  const { year, month, day } = toCivil(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

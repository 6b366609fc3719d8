/**
 * The China local date (UTC+8, no daylight saving) of an RFC 3339 time, by integer arithmetic:
 * no `Date`, so neither the host's time zone nor its clock can shift a deadline.
 */
import { formatLocalDate, parseLocalDate } from '../calendar/local-date.js';

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const CHINA_OFFSET_MINUTES = 8 * 60;
const MINUTES_PER_DAY = 24 * 60;

/** 'YYYY-MM-DD' in China for an RFC 3339 time such as 2025-09-30T17:30:00Z (→ 2025-10-01); undefined if malformed. */
export function chinaDate(time: string): string | undefined {
  const m = RFC3339.exec(time);
  if (m === null) return undefined;
  const day = parseLocalDate(m[1]!);
  if (!day.ok) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59 || Number(m[4]) > 60) return undefined;
  let offset = 0;
  if (m[5] === undefined) {
    const oh = Number(m[7]);
    const om = Number(m[8]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[6] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utcMinutes = day.value * MINUTES_PER_DAY + hours * 60 + minutes - offset;
  return formatLocalDate(Math.floor((utcMinutes + CHINA_OFFSET_MINUTES) / MINUTES_PER_DAY));
}

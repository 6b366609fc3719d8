/**
 * The statutory public holidays of 《全国年节及纪念日放假办法》 (2024 revision, in force from
 * 2025-01-01), Art. 2: 元旦 1 day (1 January); 春节 4 days (除夕 and 正月初一 to 初三); 清明节
 * 1 day (the day of the solar term); 劳动节 2 days (1–2 May); 端午节 1 day (五月初五); 中秋节 1 day
 * (八月十五); 国庆节 3 days (1–3 October). Lunar dates and the solar term come from
 * `lunar-typescript` (astronomical computation, no I/O).
 *
 * A provisional year has these days off and weekends otherwise. The State Council's notice for
 * the year adds what the law leaves to it (bridge days, 调休 working weekends, moving a holiday off
 * a weekend), so published deadlines may fall later or earlier than provisional ones.
 */
import { Lunar } from 'lunar-typescript';
import { formatLocalDate, parseLocalDate } from './local-date.js';
import type { CalendarYear, HolidayPeriod } from './calendar-year.js';

/** The first year the 2024 revision governs; earlier years had other rules (春节 3 days, 劳动节 1 day). */
export const HOLIDAY_LAW_FROM = 2025;
/** The last year provisional calendars are computed for. */
export const HOLIDAY_LAW_UNTIL = 2099;


function run(first: string, days: number): string[] {
  const start = parseLocalDate(first);
  if (!start.ok) throw new RangeError(start.message);
  return Array.from({ length: days }, (_, i) => formatLocalDate(start.value + i));
}

function lunarDay(year: number, month: number, day: number): string {
  return Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

/** 清明: the solar term falls on 4, 5 or 6 April. */
function qingming(year: number): string {
  const term = Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'];
  if (term === undefined || term.getYear() !== year) throw new RangeError(`no 清明 found for ${year}`);
  return term.toYmd();
}

/** The statutory days of `year` as holiday periods, or undefined outside HOLIDAY_LAW_FROM–UNTIL. */
export function provisionalYear(year: number): CalendarYear | undefined {
  if (!Number.isInteger(year) || year < HOLIDAY_LAW_FROM || year > HOLIDAY_LAW_UNTIL) return undefined;
  const springFestival = parseLocalDate(lunarDay(year, 1, 1));
  if (!springFestival.ok) return undefined;
  const periods: HolidayPeriod[] = [
    { name: `${year} 元旦`, daysOff: [`${year}-01-01`], worked: [] },
    { name: `${year} 春节`, daysOff: run(formatLocalDate(springFestival.value - 1), 4), worked: [] },
    { name: `${year} 清明节`, daysOff: [qingming(year)], worked: [] },
    { name: `${year} 劳动节`, daysOff: run(`${year}-05-01`, 2), worked: [] },
    { name: `${year} 端午节`, daysOff: [lunarDay(year, 5, 5)], worked: [] },
    { name: `${year} 中秋节`, daysOff: [lunarDay(year, 8, 15)], worked: [] },
    { name: `${year} 国庆节`, daysOff: run(`${year}-10-01`, 3), worked: [] },
  ];
  // 中秋 can fall inside 国庆 (2028-10-03): one day off, counted once.
  const seen = new Set<string>();
  const distinct = periods
    .map((p) => ({ ...p, daysOff: p.daysOff.filter((d) => (seen.has(d) ? false : (seen.add(d), true))) }))
    .filter((p) => p.daysOff.length > 0);
  return { year, basis: 'provisional', periods: distinct };
}


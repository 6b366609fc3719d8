/**
 * One year of the working-day calendar: the public holidays and 调休 working weekends of the
 * State Council's notice for that year (国务院办公厅关于<year>年部分节假日安排的通知), or, while no
 * notice is published, the statutory days computed from the law (`provisionalYear`).
 */
import { fail, ok, type Check, type CheckCode } from '../identifiers/result.js';
import { dayOfWeek, formatLocalDate, parseLocalDate, type DayNumber } from './local-date.js';
import { provisionalYear } from './holiday-law.js';

export interface HolidayPeriod {
  readonly name: string;
  /** Every day off of the period, its weekend days included. */
  readonly daysOff: readonly string[];
  /** 调休: Saturdays and Sundays worked for this period. */
  readonly worked: readonly string[];
}

export interface HolidayNotice {
  /** e.g. 国务院办公厅关于2027年部分节假日安排的通知 */
  readonly title: string;
  /** The day the notice was issued, YYYY-MM-DD. */
  readonly date: string;
}

export interface CalendarYear {
  readonly year: number;
  /** `published`: from the year's notice (built in or through the registry); `provisional`: from the law alone. */
  readonly basis: 'published' | 'provisional';
  readonly notice?: HolidayNotice;
  readonly periods: readonly HolidayPeriod[];
}

/** A check that names the offending field, as a JSON Pointer into the year (`/periods/1/daysOff/0`). */
export type YearCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: CheckCode; readonly reason: string; readonly field: string };

/**
 * How far before 1 January a notice may reach: a 元旦 period can start in late December of the
 * year before (the 2019 notice gave 2018-12-30 and 12-31 off and had 2018-12-29 worked).
 */
export const NOTICE_LEAD_DAYS = 7;

/** The days a year's notice may name: from NOTICE_LEAD_DAYS before 1 January to 31 December. */
export function noticeWindow(year: number): { readonly from: DayNumber; readonly to: DayNumber } {
  const first = parseLocalDate(`${String(year).padStart(4, '0')}-01-01`);
  const last = parseLocalDate(`${String(year).padStart(4, '0')}-12-31`);
  if (!first.ok || !last.ok) throw new RangeError(`no such year ${year}`);
  return { from: first.value - NOTICE_LEAD_DAYS, to: last.value };
}

function refuse(code: CheckCode, reason: string, field: string): YearCheck<never> {
  return { ok: false, code, reason, field };
}

/**
 * A year as a notice states it: real dates inside the year's window, no day listed twice (in one
 * period or across periods, as a day off or as worked), every worked day a Saturday or Sunday,
 * each period's days off one run of consecutive days, the notice issued before the year ends, and
 * (from 2025, under the 2024 revision of the law) every statutory holiday a day off: a notice may
 * add days, never drop one the law grants, so a typo cannot put 春节 to work.
 */
export function checkCalendarYear(year: CalendarYear): YearCheck<CalendarYear> {
  if (!Number.isInteger(year.year) || year.year < 1901 || year.year > 2099) return refuse('XR_CALENDAR_ARGUMENT', `year must be from 1901 to 2099, got ${year.year}`, '/year');
  const window = noticeWindow(year.year);
  if (year.notice !== undefined) {
    const issued = parseLocalDate(year.notice.date);
    if (!issued.ok) return refuse(issued.code, `notice date: ${issued.message}`, '/notice/date');
    if (issued.value > window.to) return refuse('XR_CALENDAR_ARGUMENT', `the notice for ${year.year} is dated ${year.notice.date}, after the year it arranges`, '/notice/date');
    if (year.notice.title.trim() === '') return refuse('XR_CALENDAR_ARGUMENT', 'the notice needs its title', '/notice/title');
  }
  const listed = new Map<DayNumber, string>();
  for (const [p, period] of year.periods.entries()) {
    if (period.name.trim() === '') return refuse('XR_CALENDAR_ARGUMENT', 'a holiday period needs a name', `/periods/${p}/name`);
    if (period.daysOff.length === 0) return refuse('XR_CALENDAR_ARGUMENT', `${period.name} lists no day off`, `/periods/${p}/daysOff`);
    let previous: DayNumber | undefined;
    for (const [kind, dates] of [['daysOff', period.daysOff], ['worked', period.worked]] as const) {
      for (const [i, date] of dates.entries()) {
        const field = `/periods/${p}/${kind}/${i}`;
        const day = parseLocalDate(date);
        if (!day.ok) return refuse(day.code, day.message, field);
        if (day.value < window.from || day.value > window.to) {
          return refuse('XR_CALENDAR_OUT_OF_RANGE', `${date} is outside ${year.year} (a notice may reach back to ${formatLocalDate(window.from)} for 元旦)`, field);
        }
        const earlier = listed.get(day.value);
        if (earlier !== undefined) return refuse('XR_CALENDAR_CONFLICT', `${date} is listed twice (${earlier} and ${period.name})`, field);
        listed.set(day.value, period.name);
        if (kind === 'worked') {
          const weekday = dayOfWeek(day.value);
          if (weekday !== 0 && weekday !== 6) return refuse('XR_CALENDAR_CONFLICT', `worked day ${date} of ${period.name} is not a Saturday or Sunday`, field);
        } else {
          if (previous !== undefined && day.value !== previous + 1) return refuse('XR_CALENDAR_CONFLICT', `the days off of ${period.name} are not one run of consecutive days (${date} does not follow ${formatLocalDate(previous)})`, field);
          previous = day.value;
        }
      }
    }
  }
  if (year.basis === 'published') {
    for (const period of provisionalYear(year.year)?.periods ?? []) {
      const missing = period.daysOff.find((date) => listed.get((parseLocalDate(date) as { value: DayNumber }).value) === undefined || year.periods.some((p) => p.worked.includes(date)));
      if (missing !== undefined) {
        return refuse('XR_CALENDAR_CONFLICT', `${missing} (${period.name}) is a statutory holiday under 《全国年节及纪念日放假办法》 Art. 2, but no period lists it as a day off`, '/periods');
      }
    }
  }
  return { ok: true, value: year };
}

/** Plain `Check` of a year, for callers that need no field. */
export function validYear(year: CalendarYear): Check<CalendarYear> {
  const checked = checkCalendarYear(year);
  return checked.ok ? ok(checked.value) : fail(checked.code, `${checked.field}: ${checked.reason}`);
}

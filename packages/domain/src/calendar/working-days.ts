import { fail, ok, type Check } from '../identifiers/result.js';
import { dayOfWeek, formatLocalDate, parseLocalDate, type DayNumber } from './local-date.js';

/**
 * Working-day calendar for statutory time limits.
 *
 * 行政许可法 Art. 82: the time limits of the Law are counted in working days, not
 * including statutory holidays; under the State Council's 调休 arrangement some
 * weekends are worked and so count. Counting follows 民法典 Art. 201: a period
 * counted in days starts on the next day (期间开始之日不计算在内). The result is
 * always a working day, so Art. 203 (a period ending on a holiday runs to the next
 * working day) holds by construction.
 * 行政许可法 Art. 45: time taken by hearings, tendering, auction, testing, inspection,
 * quarantine, appraisal and expert review is not counted (see deadlineWithSuspensions).
 */
export interface CalendarSpec {
  /** Public holidays 'YYYY-MM-DD', including the weekend days of each holiday period. */
  readonly holidays: readonly string[];
  /** 调休: Saturdays and Sundays that are working days. */
  readonly workingWeekends: readonly string[];
  /** Dates for which the lists are complete; looking outside is an error value, not a guess. */
  readonly coverage?: { readonly from: string; readonly to: string };
}

/** Art. 45 suspension, both ends inclusive; no `to` while it is still running. */
export interface Suspension {
  readonly from: string;
  readonly to?: string;
}

export type Deadline =
  | { readonly state: 'due'; readonly date: string }
  | {
      readonly state: 'paused';
      /** Start of the open suspension that stopped the clock. */
      readonly since: string;
      readonly usedWorkingDays: number;
      readonly remainingWorkingDays: number;
    };

export interface WorkingDayCalendar {
  isWorkingDay(date: string): Check<boolean>;
  /** The date on which the n-th working day after `start` falls (`start` itself not counted). */
  addWorkingDays(start: string, n: number): Check<string>;
  /** Working days d with a < d ≤ b; negative when b is before a. */
  workingDaysBetween(a: string, b: string): Check<number>;
  /** Like addWorkingDays, but days inside suspensions are not counted. */
  deadlineWithSuspensions(start: string, n: number, suspensions: readonly Suspension[]): Check<Deadline>;
}

/** Longest span a computation may walk (about 100 years): guards against runaway input. */
const MAX_SPAN_DAYS = 36_600;
const MAX_WORKING_DAYS = 10_000;

function parseAll(dates: readonly string[], label: string): Check<Set<DayNumber>> {
  const days = new Set<DayNumber>();
  for (const date of dates) {
    const day = parseLocalDate(date);
    if (!day.ok) return fail(day.code, `${label}: ${day.reason}`);
    days.add(day.value);
  }
  return ok(days);
}

function checkCount(n: number): Check<number> {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    return fail('XR_CALENDAR_ARGUMENT', `working-day count must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${n}`);
  }
  return ok(n);
}

interface Window {
  readonly from: DayNumber;
  readonly to: DayNumber;
}

function parseCoverage(spec: CalendarSpec): Check<Window | undefined> {
  if (spec.coverage === undefined) return ok(undefined);
  const from = parseLocalDate(spec.coverage.from);
  if (!from.ok) return fail(from.code, `coverage.from: ${from.reason}`);
  const to = parseLocalDate(spec.coverage.to);
  if (!to.ok) return fail(to.code, `coverage.to: ${to.reason}`);
  if (to.value < from.value) return fail('XR_CALENDAR_ARGUMENT', 'coverage.to is before coverage.from');
  return ok({ from: from.value, to: to.value });
}

function parseSuspensions(list: readonly Suspension[]): Check<{ from: DayNumber; to: DayNumber | undefined }[]> {
  const parsed: { from: DayNumber; to: DayNumber | undefined }[] = [];
  for (const s of list) {
    const from = parseLocalDate(s.from);
    if (!from.ok) return fail(from.code, `suspension.from: ${from.reason}`);
    if (s.to === undefined) {
      parsed.push({ from: from.value, to: undefined });
      continue;
    }
    const to = parseLocalDate(s.to);
    if (!to.ok) return fail(to.code, `suspension.to: ${to.reason}`);
    if (to.value < from.value) return fail('XR_CALENDAR_ARGUMENT', `suspension ends (${s.to}) before it starts (${s.from})`);
    parsed.push({ from: from.value, to: to.value });
  }
  return ok(parsed);
}

export function createCalendar(spec: CalendarSpec): Check<WorkingDayCalendar> {
  const holidays = parseAll(spec.holidays, 'holidays');
  if (!holidays.ok) return holidays;
  const worked = parseAll(spec.workingWeekends, 'workingWeekends');
  if (!worked.ok) return worked;
  const coverage = parseCoverage(spec);
  if (!coverage.ok) return coverage;
  const window = coverage.value;
  for (const day of worked.value) {
    const date = formatLocalDate(day);
    if (holidays.value.has(day)) return fail('XR_CALENDAR_CONFLICT', `${date} is listed both as a holiday and as a working weekend`);
    const weekday = dayOfWeek(day);
    if (weekday !== 0 && weekday !== 6) return fail('XR_CALENDAR_CONFLICT', `working weekend ${date} is not a Saturday or Sunday`);
  }
  if (window !== undefined) {
    for (const day of [...holidays.value, ...worked.value]) {
      if (day < window.from || day > window.to) return fail('XR_CALENDAR_CONFLICT', `${formatLocalDate(day)} lies outside the coverage`);
    }
  }

  const working = (day: DayNumber): Check<boolean> => {
    if (window !== undefined && (day < window.from || day > window.to)) {
      return fail('XR_CALENDAR_OUT_OF_RANGE', `${formatLocalDate(day)} is outside the calendar's coverage`);
    }
    if (holidays.value.has(day)) return ok(false);
    if (worked.value.has(day)) return ok(true);
    const weekday = dayOfWeek(day);
    return ok(weekday !== 0 && weekday !== 6);
  };

  const deadline = (start: string, n: number, suspensions: readonly Suspension[]): Check<Deadline> => {
    const first = parseLocalDate(start);
    if (!first.ok) return first;
    const count = checkCount(n);
    if (!count.ok) return count;
    const pauses = parseSuspensions(suspensions);
    if (!pauses.ok) return pauses;
    let day = first.value;
    let used = 0;
    while (used < n) {
      day += 1;
      if (day - first.value > MAX_SPAN_DAYS) return fail('XR_CALENDAR_ARGUMENT', 'deadline lies more than 100 years ahead');
      const covering = pauses.value.filter((p) => p.from <= day && (p.to === undefined || day <= p.to));
      if (covering.length > 0) {
        const open = covering.filter((p) => p.to === undefined).map((p) => p.from);
        if (open.length > 0) {
          const since = formatLocalDate(Math.min(...open));
          return ok({ state: 'paused', since, usedWorkingDays: used, remainingWorkingDays: n - used });
        }
        continue;
      }
      const isWorking = working(day);
      if (!isWorking.ok) return isWorking;
      if (isWorking.value) used += 1;
    }
    return ok({ state: 'due', date: formatLocalDate(day) });
  };

  return ok({
    isWorkingDay(date) {
      const day = parseLocalDate(date);
      return day.ok ? working(day.value) : day;
    },
    addWorkingDays(start, n) {
      const result = deadline(start, n, []);
      if (!result.ok) return result;
      // Without suspensions the clock never pauses.
      return result.value.state === 'due' ? ok(result.value.date) : fail('XR_CALENDAR_ARGUMENT', 'unexpected pause');
    },
    workingDaysBetween(a, b) {
      const from = parseLocalDate(a);
      if (!from.ok) return from;
      const to = parseLocalDate(b);
      if (!to.ok) return to;
      const [low, high, sign] = from.value <= to.value ? [from.value, to.value, 1] : [to.value, from.value, -1];
      if (high - low > MAX_SPAN_DAYS) return fail('XR_CALENDAR_ARGUMENT', 'dates are more than 100 years apart');
      let count = 0;
      for (let day = low + 1; day <= high; day++) {
        const isWorking = working(day);
        if (!isWorking.ok) return isWorking;
        if (isWorking.value) count += 1;
      }
      return ok(count === 0 ? 0 : sign * count);
    },
    deadlineWithSuspensions: deadline,
  });
}

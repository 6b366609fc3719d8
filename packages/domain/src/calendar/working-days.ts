import { fail, ok, type Check } from '../identifiers/result.js';
import { checkCalendarYear, type CalendarYear } from './calendar-year.js';
import { provisionalYear } from './holiday-law.js';
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
  /**
   * True when some day from `from` to `to` (both included, either order) lies in a year judged
   * provisionally: no notice published for it, its days off computed from the law alone.
   */
  provisional(from: string, to: string): boolean;
  /** How a year is judged: by its published notice, provisionally, or not at all (outside the calendar). */
  basisOf(year: number): 'published' | 'provisional' | undefined;
}

/** Longest span a computation may walk (about 100 years): guards against runaway input. */
const MAX_SPAN_DAYS = 36_600;
const MAX_WORKING_DAYS = 10_000;

function parseAll(dates: readonly string[], label: string): Check<Set<DayNumber>> {
  const days = new Set<DayNumber>();
  for (const date of dates) {
    const day = parseLocalDate(date);
    if (!day.ok) return fail(day.code, `${label}: ${day.message}`);
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
  if (!from.ok) return fail(from.code, `coverage.from: ${from.message}`);
  const to = parseLocalDate(spec.coverage.to);
  if (!to.ok) return fail(to.code, `coverage.to: ${to.message}`);
  if (to.value < from.value) return fail('XR_CALENDAR_ARGUMENT', 'coverage.to is before coverage.from');
  return ok({ from: from.value, to: to.value });
}

function parseSuspensions(list: readonly Suspension[]): Check<{ from: DayNumber; to: DayNumber | undefined }[]> {
  const parsed: { from: DayNumber; to: DayNumber | undefined }[] = [];
  for (const s of list) {
    const from = parseLocalDate(s.from);
    if (!from.ok) return fail(from.code, `suspension.from: ${from.message}`);
    if (s.to === undefined) {
      parsed.push({ from: from.value, to: undefined });
      continue;
    }
    const to = parseLocalDate(s.to);
    if (!to.ok) return fail(to.code, `suspension.to: ${to.message}`);
    if (to.value < from.value) return fail('XR_CALENDAR_ARGUMENT', `suspension ends (${s.to}) before it starts (${s.from})`);
    parsed.push({ from: from.value, to: to.value });
  }
  return ok(parsed);
}

/** How one day counts, and whether a provisional year says so. */
interface DayVerdict {
  readonly working: boolean;
  readonly provisional: boolean;
}

type Classify = (day: DayNumber) => Check<DayVerdict>;

const weekday = (day: DayNumber): boolean => {
  const d = dayOfWeek(day);
  return d !== 0 && d !== 6;
};

/** Every computation of the calendar, on one rule for a single day. */
function calendarOn(classify: Classify, basisOf: (year: number) => 'published' | 'provisional' | undefined): WorkingDayCalendar {
  const working = (day: DayNumber): Check<boolean> => {
    const verdict = classify(day);
    return verdict.ok ? ok(verdict.value.working) : verdict;
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

  return {
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
    provisional(a, b) {
      const [low, high] = [a, b].sort();
      const first = Number(low?.slice(0, 4));
      const last = Number(high?.slice(0, 4));
      if (!Number.isInteger(first) || !Number.isInteger(last)) return false;
      for (let year = first; year <= last && year - first <= 100; year++) if (basisOf(year) === 'provisional') return true;
      return false;
    },
    basisOf,
  };
}

/** A calendar from one flat list of holidays and worked weekends (a fixed table, never provisional). */
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
    if (weekday(day)) return fail('XR_CALENDAR_CONFLICT', `working weekend ${date} is not a Saturday or Sunday`);
  }
  if (window !== undefined) {
    for (const day of [...holidays.value, ...worked.value]) {
      if (day < window.from || day > window.to) return fail('XR_CALENDAR_CONFLICT', `${formatLocalDate(day)} lies outside the coverage`);
    }
  }
  const classify: Classify = (day) => {
    if (window !== undefined && (day < window.from || day > window.to)) {
      return fail('XR_CALENDAR_OUT_OF_RANGE', `${formatLocalDate(day)} is outside the calendar's coverage`);
    }
    if (holidays.value.has(day)) return ok({ working: false, provisional: false });
    if (worked.value.has(day)) return ok({ working: true, provisional: false });
    return ok({ working: weekday(day), provisional: false });
  };
  const covers = (year: number): boolean => window === undefined || (Number(formatLocalDate(window.from).slice(0, 4)) <= year && year <= Number(formatLocalDate(window.to).slice(0, 4)));
  return ok(calendarOn(classify, (year) => (covers(year) ? 'published' : undefined)));
}

export interface YearlyCalendarOptions {
  /** The calendar of a year with no published notice; default `provisionalYear` (the law, 2025–2099). */
  readonly provisional?: (year: number) => CalendarYear | undefined;
}

const yearOf = (day: DayNumber): number => Number(formatLocalDate(day).slice(0, 4));

/**
 * A calendar from years: the published ones (built in or from the registry) and, for any other
 * year, the provisional one computed from the law. A day named by a published notice counts as
 * that notice says (where two notices name a day — a 元旦 period reaching back into December —
 * the later year's notice wins); any other day of a published year counts by weekday; a day of an
 * unpublished year counts as the provisional year says, and is marked provisional. A year given
 * twice: the last one given wins. Years outside both are XR_CALENDAR_OUT_OF_RANGE.
 */
export function createYearlyCalendar(years: readonly CalendarYear[], options: YearlyCalendarOptions = {}): Check<WorkingDayCalendar> {
  const published = new Map<number, CalendarYear>();
  for (const year of years) {
    const checked = checkCalendarYear(year);
    if (!checked.ok) return fail(checked.code, `${year.year}${checked.field}: ${checked.reason}`);
    published.set(year.year, year);
  }
  const named = new Map<DayNumber, boolean>();
  for (const year of [...published.values()].sort((a, b) => a.year - b.year)) {
    for (const period of year.periods) {
      for (const date of period.daysOff) named.set((parseLocalDate(date) as { value: DayNumber }).value, false);
      for (const date of period.worked) named.set((parseLocalDate(date) as { value: DayNumber }).value, true);
    }
  }
  const provisionalOf = options.provisional ?? provisionalYear;
  const provisionalDays = new Map<number, ReadonlySet<DayNumber> | undefined>();
  const provisionalSet = (year: number): ReadonlySet<DayNumber> | undefined => {
    if (!provisionalDays.has(year)) {
      const made = provisionalOf(year);
      provisionalDays.set(year, made === undefined ? undefined : new Set(made.periods.flatMap((p) => p.daysOff).map((d) => (parseLocalDate(d) as { value: DayNumber }).value)));
    }
    return provisionalDays.get(year);
  };
  const basisOf = (year: number): 'published' | 'provisional' | undefined => {
    if (published.has(year)) return 'published';
    return provisionalSet(year) === undefined ? undefined : 'provisional';
  };
  const classify: Classify = (day) => {
    const verdict = named.get(day);
    if (verdict !== undefined) return ok({ working: verdict, provisional: false });
    const year = yearOf(day);
    if (published.has(year)) return ok({ working: weekday(day), provisional: false });
    const off = provisionalSet(year);
    if (off === undefined) return fail('XR_CALENDAR_OUT_OF_RANGE', `${formatLocalDate(day)}: no holiday notice for ${year} and no provisional calendar for it`);
    return ok({ working: !off.has(day) && weekday(day), provisional: true });
  };
  return ok(calendarOn(classify, basisOf));
}

/**
 * Years of the working-day calendar: published notices (built in, or through the registry), and
 * provisional years computed from 《全国年节及纪念日放假办法》 (2024 revision) while no notice exists.
 * The built-in tables are cross-checked day by day against the `chinese-days` package.
 */
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { checkCalendarYear, type CalendarYear } from '../src/calendar/calendar-year.js';
import { BUILT_IN_YEARS } from '../src/calendar/cn-2025-2026.js';
import { provisionalYear } from '../src/calendar/holiday-law.js';
import { formatLocalDate, parseLocalDate } from '../src/calendar/local-date.js';
import { createYearlyCalendar, type WorkingDayCalendar } from '../src/calendar/working-days.js';
import { caseDeadlines } from '../src/case/deadlines.js';
import type { CaseState } from '../src/case/model.js';
import { caseFlow, given } from '../src/case/testing.js';
import type { Check } from '../src/identifiers/result.js';

function value<T>(check: Check<T>): T {
  if (!check.ok) throw new Error(`${check.code}: ${check.message}`);
  return check.value;
}

const days = (year: CalendarYear): string[] => year.periods.flatMap((p) => p.daysOff);

function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = value(parseLocalDate(from)); d <= value(parseLocalDate(to)); d++) out.push(formatLocalDate(d));
  return out;
}

/** A made-up 2027 notice (the README's example, docs/examples/holiday-notice-2027.json; the domain reads no files): a bridge Monday after 元旦, 调休 weekends for 春节, 劳动节 and 国庆. */
export const NOTICE_2027: CalendarYear = {
  year: 2027,
  basis: 'published',
  notice: { title: '国务院办公厅关于2027年部分节假日安排的通知（示例，非正式发布）', date: '2026-11-10' },
  periods: [
    { name: '2027 元旦', daysOff: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'], worked: [] },
    { name: '2027 春节', daysOff: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'], worked: ['2027-02-20'] },
    { name: '2027 清明节', daysOff: ['2027-04-03', '2027-04-04', '2027-04-05'], worked: [] },
    { name: '2027 劳动节', daysOff: ['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'], worked: ['2027-04-25', '2027-05-08'] },
    { name: '2027 端午节', daysOff: ['2027-06-09'], worked: [] },
    { name: '2027 中秋节', daysOff: ['2027-09-15'], worked: [] },
    { name: '2027 国庆节', daysOff: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'], worked: ['2027-09-26', '2027-10-09'] },
  ],
};

describe('provisional years from the law (2024 revision: 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3)', () => {
  it('2027: 13 statutory days, lunar dates and the solar term computed (除夕 2027-02-05, 清明 04-05, 端午 06-09, 中秋 09-15)', () => {
    const y = provisionalYear(2027)!;
    expect(y.basis).toBe('provisional');
    expect(days(y)).toEqual([
      '2027-01-01',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08',
      '2027-04-05',
      '2027-05-01', '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01', '2027-10-02', '2027-10-03',
    ]);
  });

  it('a 中秋 inside 国庆 (2028-10-03) is one day off, counted once', () => {
    const off = days(provisionalYear(2028)!);
    expect(off.filter((d) => d === '2028-10-03')).toHaveLength(1);
    expect(off).toHaveLength(12);
  });

  it('the statutory days the rule gives for 2025 and 2026 are all in the published tables (which add bridge days and 调休)', () => {
    for (const published of BUILT_IN_YEARS) {
      const provisional = days(provisionalYear(published.year)!);
      expect(provisional).toHaveLength(13);
      expect(days(published)).toEqual(expect.arrayContaining(provisional));
      expect(days(published).length).toBeGreaterThan(provisional.length);
    }
  });

  it('before the 2024 revision took effect, and past 2099, there is no provisional year', () => {
    expect(provisionalYear(2024)).toBeUndefined();
    expect(provisionalYear(2100)).toBeUndefined();
  });
});

describe('the built-in tables agree with chinese-days day by day', () => {
  it('every day of 2025 and 2026: working day or not, as chinese-days 1.5 says', () => {
    const cal = value(createYearlyCalendar(BUILT_IN_YEARS));
    const disagree = everyDay('2025-01-01', '2026-12-31').filter((d) => value(cal.isWorkingDay(d)) !== chineseDays.isWorkday(d));
    expect(disagree).toEqual([]);
  });
});

describe('a calendar of published and provisional years', () => {
  const builtIn: WorkingDayCalendar = value(createYearlyCalendar(BUILT_IN_YEARS));
  const with2027: WorkingDayCalendar = value(createYearlyCalendar([...BUILT_IN_YEARS, NOTICE_2027]));

  it('a year without a notice is provisional; weekends and the statutory days are off', () => {
    expect(builtIn.basisOf(2026)).toBe('published');
    expect(builtIn.basisOf(2027)).toBe('provisional');
    expect(builtIn.basisOf(2024)).toBeUndefined();
    expect(value(builtIn.isWorkingDay('2027-01-01'))).toBe(false);
    expect(value(builtIn.isWorkingDay('2027-01-04'))).toBe(true);
    expect(value(builtIn.isWorkingDay('2027-01-02'))).toBe(false);
    expect(builtIn.provisional('2026-12-20', '2026-12-31')).toBe(false);
    expect(builtIn.provisional('2026-12-20', '2027-01-18')).toBe(true);
  });

  it('once published, the notice decides: bridge days are off, 调休 Saturdays are worked, nothing is provisional', () => {
    expect(value(with2027.isWorkingDay('2027-02-10'))).toBe(false);
    expect(value(with2027.isWorkingDay('2027-02-20'))).toBe(true);
    expect(with2027.provisional('2026-12-20', '2027-12-31')).toBe(false);
    expect(with2027.basisOf(2028)).toBe('provisional');
  });

  it('outside both (2024 has no table and precedes the revision) a computation is XR_CALENDAR_OUT_OF_RANGE', () => {
    expect(builtIn.addWorkingDays('2024-12-20', 20)).toMatchObject({ ok: false, code: 'XR_CALENDAR_OUT_OF_RANGE' });
  });
});

function acceptedOn(time: string): CaseState {
  const flow = caseFlow();
  return given(
    flow.submitted(time),
    flow.event('case.received', { receivedAt: time }, time),
    flow.event('case.accepted', { receiptNo: 'R1', basis: 'standard' }, time),
  ).state!;
}

describe('deadlines across the year end (Art. 42, 20 working days)', () => {
  const builtIn = value(createYearlyCalendar(BUILT_IN_YEARS));
  const state = acceptedOn('2026-12-20T10:00:00+08:00');

  it('accepted 2026-12-20: the decision is due 2027-01-18 on the provisional 2027, marked provisional', () => {
    const d = caseDeadlines(state, { calendar: builtIn, today: '2026-12-21' });
    expect(d).toMatchObject({ decisionDue: '2027-01-18', next: 'decision', overdue: false, unknown: [] });
    expect(d.provisional).toContain('decision');
  });

  it('with the 2027 notice published (元旦 bridge to 01-03, a weekend anyway) it is published, not provisional', () => {
    const d = caseDeadlines(state, { calendar: value(createYearlyCalendar([...BUILT_IN_YEARS, NOTICE_2027])), today: '2026-12-21' });
    expect(d).toMatchObject({ decisionDue: '2027-01-19', provisional: [] });
  });

  it('on 2027-01-04 the case still counts: at risk three working days before, overdue after', () => {
    expect(caseDeadlines(state, { calendar: builtIn, today: '2027-01-13' })).toMatchObject({ remainingWorkingDays: 3, atRisk: true, overdue: false });
    expect(caseDeadlines(state, { calendar: builtIn, today: '2027-01-19' })).toMatchObject({ overdue: true, atRisk: false });
  });

  it('no all-or-nothing: with no calendar for 2027 at all, the decision is unknown with its reason and the 补正 window still shows', () => {
    const noProvisional = value(createYearlyCalendar(BUILT_IN_YEARS, { provisional: () => undefined }));
    const received = given(caseFlow().submitted('2026-12-28T10:00:00+08:00')).state!;
    const flow = caseFlow();
    const early = given(flow.submitted('2026-12-10T10:00:00+08:00'), flow.event('case.received', { receivedAt: '2026-12-10T10:00:00+08:00' }, '2026-12-10T10:00:00+08:00'), flow.event('case.accepted', { receiptNo: 'R2', basis: 'standard' }, '2026-12-20T10:00:00+08:00')).state!;
    const d = caseDeadlines(early, { calendar: noProvisional, today: '2026-12-21' });
    expect(d.supplementNoticeDue).toBe('2026-12-17');
    expect(d.decisionDue).toBeUndefined();
    expect(d.unknown).toEqual([{ deadline: 'decision', code: 'XR_CALENDAR_OUT_OF_RANGE', reason: expect.stringContaining('2027') as unknown }]);
    expect(d).toMatchObject({ next: 'decision', overdue: false, atRisk: false });
    expect(caseDeadlines(received, { calendar: noProvisional, today: '2026-12-28' }).unknown).toEqual([]);
  });
});

describe('checking a year as a notice states it', () => {
  const base = NOTICE_2027;
  /** The notice with its 元旦 period replaced. */
  const period = (over: Partial<CalendarYear['periods'][number]>) => ({ ...base, periods: [{ name: '2027 元旦', daysOff: ['2027-01-01'], worked: [], ...over }, ...base.periods.slice(1)] });
  const field = (y: CalendarYear) => {
    const c = checkCalendarYear(y);
    return c.ok ? 'ok' : `${c.code} ${c.field}`;
  };

  it('accepts the notice; a 元旦 period may reach back a week into December (the 2019 notice did)', () => {
    expect(field(base)).toBe('ok');
    expect(field(period({ daysOff: ['2026-12-30', '2026-12-31', '2027-01-01'], worked: ['2026-12-26'] }))).toBe('ok');
  });

  it('names the offending field: outside the year, not a date, listed twice, a worked weekday, a gap in the days off, a late notice', () => {
    expect(field(period({ daysOff: ['2028-01-01'] }))).toBe('XR_CALENDAR_OUT_OF_RANGE /periods/0/daysOff/0');
    expect(field(period({ daysOff: ['2027-02-30'] }))).toBe('XR_DATE_FORMAT /periods/0/daysOff/0');
    expect(field(period({ daysOff: ['2027-01-01', '2027-01-01'] }))).toBe('XR_CALENDAR_CONFLICT /periods/0/daysOff/1');
    expect(field(period({ worked: ['2027-01-01'] }))).toBe('XR_CALENDAR_CONFLICT /periods/0/worked/0');
    expect(field(period({ worked: ['2027-01-06'] }))).toBe('XR_CALENDAR_CONFLICT /periods/0/worked/0');
    expect(field(period({ daysOff: ['2027-01-01', '2027-01-03'] }))).toBe('XR_CALENDAR_CONFLICT /periods/0/daysOff/1');
    expect(field({ ...base, periods: [...base.periods, { name: '2027 again', daysOff: ['2027-01-03'], worked: [] }] })).toBe('XR_CALENDAR_CONFLICT /periods/7/daysOff/0');
    expect(field({ ...base, notice: { title: 'x', date: '2028-01-02' } })).toBe('XR_CALENDAR_ARGUMENT /notice/date');
    expect(field({ ...base, year: 2100 })).toBe('XR_CALENDAR_ARGUMENT /year');
  });

  it('a notice may add days off but never drop a statutory holiday (a typo must not put 国庆 to work)', () => {
    const shortened = base.periods.map((p) => (p.name === '2027 国庆节' ? { ...p, daysOff: ['2027-10-01', '2027-10-02'], worked: [] } : p));
    const c = checkCalendarYear({ ...base, periods: shortened });
    expect(c).toMatchObject({ ok: false, code: 'XR_CALENDAR_CONFLICT', field: '/periods', reason: expect.stringContaining('2027-10-03 (2027 国庆节)') as unknown });
    expect(field({ ...base, periods: base.periods.filter((p) => p.name !== '2027 端午节') })).toBe('XR_CALENDAR_CONFLICT /periods');
    expect(field({ ...provisionalYear(2027)!, basis: 'published' })).toBe('ok');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_2025_2026, CN_HOLIDAY_PERIODS } from '../src/calendar/cn-2025-2026.js';
import { dayOfWeek, formatLocalDate, parseLocalDate } from '../src/calendar/local-date.js';
import { createCalendar, type WorkingDayCalendar } from '../src/calendar/working-days.js';
import type { Check } from '../src/identifiers/result.js';

function value<T>(check: Check<T>): T {
  if (!check.ok) throw new Error(`${check.code}: ${check.message}`);
  return check.value;
}

function codeOf(check: Check<unknown>): string {
  return check.ok ? 'ok' : check.code;
}

const cn: WorkingDayCalendar = value(createCalendar(CN_2025_2026));

describe('local dates (YYYY-MM-DD, no time zones)', () => {
  it('Gregorian leap years: 2024-02-29 and 2000-02-29 exist, 1900-02-29 and 2025-02-29 do not', () => {
    expect(parseLocalDate('2024-02-29').ok).toBe(true);
    expect(parseLocalDate('2000-02-29').ok).toBe(true);
    expect(codeOf(parseLocalDate('1900-02-29'))).toBe('XR_DATE_FORMAT');
    expect(codeOf(parseLocalDate('2025-02-29'))).toBe('XR_DATE_FORMAT');
  });

  it('format: only zero-padded YYYY-MM-DD is a date', () => {
    for (const bad of ['2025-9-1', '2025/09/01', '20250901', '2025-09-01T00:00:00Z', '', '2025-13-01', '2025-04-31']) {
      expect(codeOf(parseLocalDate(bad))).toBe('XR_DATE_FORMAT');
    }
  });

  it('weekday: 2025-09-26 is a Friday, 1970-01-01 a Thursday, 1949-10-01 a Saturday', () => {
    expect(dayOfWeek(value(parseLocalDate('2025-09-26')))).toBe(5);
    expect(dayOfWeek(value(parseLocalDate('1970-01-01')))).toBe(4);
    expect(dayOfWeek(value(parseLocalDate('1949-10-01')))).toBe(6);
  });

  it('property: parsing and formatting agree with the UTC calendar for every date from 1850 to 2100', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const text = d.toISOString().slice(0, 10);
        const day = value(parseLocalDate(text));
        expect(formatLocalDate(day)).toBe(text);
        expect(dayOfWeek(day)).toBe(d.getUTCDay());
      }),
    );
  });
});

describe('2025 and 2026 holiday notices (国务院办公厅)', () => {
  it('2025 notice: 28 days off in 6 periods; 春节 1/28–2/4 with 1/26 and 2/8 worked', () => {
    const y2025 = CN_HOLIDAY_PERIODS.filter((p) => p.name.startsWith('2025'));
    expect(y2025.flatMap((p) => p.daysOff)).toHaveLength(28);
    expect(y2025.find((p) => p.name === '2025 春节')?.worked).toEqual(['2025-01-26', '2025-02-08']);
  });

  it('2026 notice: 33 days off in 7 periods; 春节 2/15–2/23 (9 days) with 2/14 and 2/28 worked', () => {
    const y2026 = CN_HOLIDAY_PERIODS.filter((p) => p.name.startsWith('2026'));
    expect(y2026.flatMap((p) => p.daysOff)).toHaveLength(33);
    const spring = y2026.find((p) => p.name === '2026 春节');
    expect(spring?.daysOff).toHaveLength(9);
    expect(spring?.worked).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('每个放假期间 is a run of consecutive days, and every 调休 working day is a Saturday or Sunday', () => {
    for (const period of CN_HOLIDAY_PERIODS) {
      const days = period.daysOff.map((d) => value(parseLocalDate(d)));
      days.forEach((d, i) => expect(d - (days[0] ?? 0)).toBe(i));
      for (const w of period.worked) expect([0, 6]).toContain(dayOfWeek(value(parseLocalDate(w))));
    }
  });
});

describe('working days (行政许可法 Art. 82)', () => {
  it('Art. 82 / 调休: Sunday 2025-09-28 is worked, Tuesday 2025-02-04 (春节) is not, plain Saturday 2025-03-01 is not, Monday 2025-03-03 is', () => {
    expect(value(cn.isWorkingDay('2025-09-28'))).toBe(true);
    expect(value(cn.isWorkingDay('2025-02-04'))).toBe(false);
    expect(value(cn.isWorkingDay('2025-03-01'))).toBe(false);
    expect(value(cn.isWorkingDay('2025-03-03'))).toBe(true);
  });

  it('民法典 Art. 201: the start day is not counted — 1 working day from Monday 2025-03-03 is Tuesday 2025-03-04; 0 is the start day', () => {
    expect(value(cn.addWorkingDays('2025-03-03', 1))).toBe('2025-03-04');
    expect(value(cn.addWorkingDays('2025-03-03', 0))).toBe('2025-03-03');
  });

  it('Art. 82: a deadline of 5 working days from Friday 2025-09-26 counts 调休 Sunday 9/28, skips 国庆中秋 10/1–10/8 and lands on Friday 2025-10-10', () => {
    // 9/28 Sun (1), 9/29 (2), 9/30 (3), 10/1–10/8 off, 10/9 (4), 10/10 (5)
    expect(value(cn.addWorkingDays('2025-09-26', 5))).toBe('2025-10-10');
  });

  it('Art. 32: the 5-day 补正 notice for materials received Wednesday 2025-04-30 runs over 劳动节 5/1–5/5 to Monday 2025-05-12', () => {
    // 5/6 (1), 5/7 (2), 5/8 (3), 5/9 (4), weekend, 5/12 (5)
    expect(value(cn.addWorkingDays('2025-04-30', 5))).toBe('2025-05-12');
  });

  it('Art. 42: the 20-day decision limit for a case accepted on 除夕 2025-01-28 counts 调休 Saturday 2/8 and ends Monday 2025-03-03', () => {
    // 2/5–2/7 (3), 2/8 Sat worked (4), 2/10–14 (9), 2/17–21 (14), 2/24–28 (19), 3/3 (20)
    expect(value(cn.addWorkingDays('2025-01-28', 20))).toBe('2025-03-03');
  });

  it('Art. 42 (2026 notice): 20 working days from Friday 2026-09-18 count 9/20 and 10/10 worked, skip 中秋 9/25–27 and 国庆 10/1–7, ending Thursday 2026-10-22', () => {
    // 9/20 Sun (1), 9/21–24 (5), 9/28–30 (8), 10/8–9 (10), 10/10 Sat (11), 10/12–16 (16), 10/19–22 (20)
    expect(value(cn.addWorkingDays('2026-09-18', 20))).toBe('2026-10-22');
  });

  it('Art. 82: working days after 2025-09-30 up to and including 2025-10-10 are 2 (10/9, 10/10); reversed order is negative', () => {
    expect(value(cn.workingDaysBetween('2025-09-30', '2025-10-10'))).toBe(2);
    expect(value(cn.workingDaysBetween('2025-10-10', '2025-09-30'))).toBe(-2);
    expect(value(cn.workingDaysBetween('2025-10-01', '2025-10-08'))).toBe(0);
    expect(value(cn.workingDaysBetween('2025-09-26', '2025-10-10'))).toBe(5);
  });

  it('property (民法典 Art. 201 + Art. 82): n working days after a start are counted back as n, and the deadline is itself a working day', () => {
    const start = fc.integer({ min: 0, max: 500 }).map((offset) => formatLocalDate(value(parseLocalDate('2025-01-01')) + offset));
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 60 }), (from, n) => {
        const due = value(cn.addWorkingDays(from, n));
        expect(value(cn.workingDaysBetween(from, due))).toBe(n);
        if (n > 0) {
          expect(value(cn.isWorkingDay(due))).toBe(true);
          expect(value(cn.addWorkingDays(from, n - 1)) < due).toBe(true);
        }
      }),
    );
  });

  it('coverage: a deadline running into 2027, beyond the published notices, is XR_CALENDAR_OUT_OF_RANGE rather than a guess', () => {
    expect(codeOf(cn.addWorkingDays('2026-12-28', 5))).toBe('XR_CALENDAR_OUT_OF_RANGE');
    expect(codeOf(cn.isWorkingDay('2027-01-04'))).toBe('XR_CALENDAR_OUT_OF_RANGE');
    expect(value(cn.addWorkingDays('2026-12-28', 3))).toBe('2026-12-31');
  });

  it('input validation: bad dates are XR_DATE_FORMAT, a negative or fractional count is XR_CALENDAR_ARGUMENT', () => {
    expect(codeOf(cn.isWorkingDay('2025-02-29'))).toBe('XR_DATE_FORMAT');
    expect(codeOf(cn.addWorkingDays('2025-9-26', 5))).toBe('XR_DATE_FORMAT');
    expect(codeOf(cn.workingDaysBetween('2025-09-26', 'tomorrow'))).toBe('XR_DATE_FORMAT');
    expect(codeOf(cn.addWorkingDays('2025-09-26', -1))).toBe('XR_CALENDAR_ARGUMENT');
    expect(codeOf(cn.addWorkingDays('2025-09-26', 1.5))).toBe('XR_CALENDAR_ARGUMENT');
  });

  it('calendar data: a bad date, a day both off and worked, or a weekday marked 调休 are rejected when the calendar is made', () => {
    expect(codeOf(createCalendar({ holidays: ['2025-02-30'], workingWeekends: [] }))).toBe('XR_DATE_FORMAT');
    expect(codeOf(createCalendar({ holidays: ['2025-09-28'], workingWeekends: ['2025-09-28'] }))).toBe('XR_CALENDAR_CONFLICT');
    expect(codeOf(createCalendar({ holidays: [], workingWeekends: ['2025-09-29'] }))).toBe('XR_CALENDAR_CONFLICT');
    expect(codeOf(createCalendar({ holidays: ['2027-01-01'], workingWeekends: [], coverage: { from: '2025-01-01', to: '2026-12-31' } }))).toBe(
      'XR_CALENDAR_CONFLICT',
    );
  });

  it('a calendar without coverage uses Monday–Friday plus its lists for any date', () => {
    const plain = value(createCalendar({ holidays: [], workingWeekends: [] }));
    expect(value(plain.addWorkingDays('2030-01-04', 1))).toBe('2030-01-07');
  });
});

describe('suspended time (行政许可法 Art. 45)', () => {
  it('Art. 45: without suspensions, 20 working days from Monday 2025-03-03 end Monday 2025-03-31', () => {
    expect(value(cn.deadlineWithSuspensions('2025-03-03', 20, []))).toEqual({ state: 'due', date: '2025-03-31' });
  });

  it('Art. 45: an expert review 2025-03-10 to 03-14 is not counted, and 清明 4/4–4/6 is skipped too: due Tuesday 2025-04-08', () => {
    // 3/4–3/7 (4), review week skipped, 3/17–21 (9), 3/24–28 (14), 3/31–4/3 (18), 4/7 (19), 4/8 (20)
    expect(value(cn.deadlineWithSuspensions('2025-03-03', 20, [{ from: '2025-03-10', to: '2025-03-14' }]))).toEqual({
      state: 'due',
      date: '2025-04-08',
    });
  });

  it('Art. 45: a hearing still running since 2025-03-10 pauses the clock after 4 of 20 working days', () => {
    expect(value(cn.deadlineWithSuspensions('2025-03-03', 20, [{ from: '2025-03-10' }]))).toEqual({
      state: 'paused',
      since: '2025-03-10',
      usedWorkingDays: 4,
      remainingWorkingDays: 16,
    });
  });

  it('Art. 45: a suspension that starts after the deadline changes nothing; suspended weekends cost nothing', () => {
    expect(value(cn.deadlineWithSuspensions('2025-03-03', 5, [{ from: '2025-03-20' }]))).toEqual({ state: 'due', date: '2025-03-10' });
    expect(value(cn.deadlineWithSuspensions('2025-03-03', 5, [{ from: '2025-03-08', to: '2025-03-09' }]))).toEqual({
      state: 'due',
      date: '2025-03-10',
    });
  });

  it('Art. 45: two overlapping test periods 3/10–3/12 and 3/11–3/14 together remove one week', () => {
    const suspensions = [
      { from: '2025-03-10', to: '2025-03-12' },
      { from: '2025-03-11', to: '2025-03-14' },
    ];
    expect(value(cn.deadlineWithSuspensions('2025-03-03', 20, suspensions))).toEqual({ state: 'due', date: '2025-04-08' });
  });

  it('input validation: a suspension ending before it starts is XR_CALENDAR_ARGUMENT, a bad date XR_DATE_FORMAT', () => {
    expect(codeOf(cn.deadlineWithSuspensions('2025-03-03', 20, [{ from: '2025-03-14', to: '2025-03-10' }]))).toBe('XR_CALENDAR_ARGUMENT');
    expect(codeOf(cn.deadlineWithSuspensions('2025-03-03', 20, [{ from: '2025-03-32' }]))).toBe('XR_DATE_FORMAT');
  });
});

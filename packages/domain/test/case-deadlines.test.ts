import { describe, expect, it } from 'vitest';
import { CN_2025_2026 } from '../src/calendar/cn-2025-2026.js';
import { createCalendar, type WorkingDayCalendar } from '../src/calendar/working-days.js';
import { chinaDate } from '../src/case/china-date.js';
import { caseDeadlines, type CaseDeadlines, type DeadlineOptions } from '../src/case/deadlines.js';
import type { CaseState } from '../src/case/model.js';
import { at, caseFlow, given, historyTo, SAMPLE_PAYLOADS } from '../src/case/testing.js';

const made = createCalendar(CN_2025_2026);
if (!made.ok) throw new Error(made.message);
const calendar: WorkingDayCalendar = made.value;

type Step = readonly [type: string, payload: Record<string, unknown>, time: string];

/** 收件 and 签收 on `received`, then the steps. */
function caseWith(received: string, ...steps: Step[]): CaseState {
  const flow = caseFlow();
  const events = [flow.submitted(received), flow.event('case.received', { receivedAt: received }, received), ...steps.map(([t, p, time]) => flow.event(t, p, time))];
  return given(...events).state!;
}

function deadlines(state: CaseState, today: string, options: Partial<DeadlineOptions> = {}): CaseDeadlines {
  const result = caseDeadlines(state, { calendar, today, ...options });
  if (result.unknown.length > 0) throw new Error(JSON.stringify(result.unknown));
  return result;
}

const accept = (time: string, extra: Record<string, unknown> = {}): Step => ['case.accepted', { receiptNo: 'R1', basis: 'standard', ...extra }, time];
const FRI_0926 = at('2025-09-26');

describe('China dates of RFC 3339 times (UTC+8, pure arithmetic)', () => {
  it('UTC+8: 2025-09-30T17:30Z is already 国庆 2025-10-01 in China; 16:00Z is the first minute of the next day', () => {
    expect(chinaDate('2025-09-30T17:30:00Z')).toBe('2025-10-01');
    expect(chinaDate('2025-10-10T15:59:59.999Z')).toBe('2025-10-10');
    expect(chinaDate('2025-10-10T16:00:00Z')).toBe('2025-10-11');
  });

  it('UTC+8: other offsets cross year ends both ways; malformed times are undefined', () => {
    expect(chinaDate('2025-12-31T23:59:59-05:00')).toBe('2026-01-01');
    expect(chinaDate('2025-01-01T00:30:00+09:00')).toBe('2024-12-31');
    expect(chinaDate('2025-03-01T08:00:00+08:00')).toBe('2025-03-01');
    for (const bad of ['2025-09-30', '2025-09-30T25:00:00Z', '2025-02-29T10:00:00Z', '2025-09-30T10:00:00', 'yesterday']) expect(chinaDate(bad)).toBeUndefined();
  });
});

describe('caseDeadlines: Art. 32 补正 window', () => {
  it('Art. 32: 签收 Fri 2025-09-26 → 补正 notice due Fri 2025-10-10 (调休 Sun 9/28 counts, 国庆 10/1–10/8 does not)', () => {
    const d = deadlines(caseWith(FRI_0926), '2025-09-26');
    expect(d).toMatchObject({ supplementNoticeDue: '2025-10-10', next: 'supplement-notice', remainingWorkingDays: 5, overdue: false, atRisk: false, deemedAcceptedFromReceipt: false });
    expect(d.decisionDue).toBeUndefined();
  });

  it('at risk: on Mon 9/29 three working days (9/30, 10/9, 10/10) are left for the 补正 notice', () => {
    expect(deadlines(caseWith(FRI_0926), '2025-09-29')).toMatchObject({ next: 'supplement-notice', remainingWorkingDays: 3, atRisk: true });
  });

  it('Art. 32 deemed acceptance: no notice by 10/10, so on 10/13 the 20-day decision clock already runs from 签收 — due Thu 2025-10-30', () => {
    expect(deadlines(caseWith(FRI_0926), '2025-10-13')).toMatchObject({ next: 'decision', deemedAcceptedFromReceipt: true, decisionCountsFrom: '2025-09-26', decisionDue: '2025-10-30' });
  });

  it('Art. 32 deemed acceptance: 受理 on Mon 10/13, after the window, still counts from 签收 9/26 — due 2025-10-30', () => {
    const d = deadlines(caseWith(FRI_0926, accept(at('2025-10-13'))), '2025-10-13');
    expect(d).toMatchObject({ deemedAcceptedFromReceipt: true, decisionCountsFrom: '2025-09-26', decisionDays: 20, decisionDue: '2025-10-30' });
  });

  it('Art. 32: after a timely notice (10/10) and 补正 (10/13), 受理 on Tue 10/14 starts the clock — due Tue 2025-11-11', () => {
    const state = caseWith(
      FRI_0926,
      ['case.supplement-requested', SAMPLE_PAYLOADS['case.supplement-requested']!, at('2025-10-10')],
      ['case.supplemented', SAMPLE_PAYLOADS['case.supplemented']!, at('2025-10-13')],
      accept(at('2025-10-14')),
    );
    expect(deadlines(state, '2025-10-14')).toMatchObject({ deemedAcceptedFromReceipt: false, decisionCountsFrom: '2025-10-14', decisionDue: '2025-11-11', next: 'decision' });
  });

  it('Art. 32: while the applicant owes the 补正 no clock runs', () => {
    const state = caseWith(FRI_0926, ['case.supplement-requested', SAMPLE_PAYLOADS['case.supplement-requested']!, at('2025-10-09')]);
    const d = deadlines(state, '2025-10-20');
    expect(d).toMatchObject({ supplementNoticeDue: '2025-10-10', overdue: false, atRisk: false });
    expect(d.next).toBeUndefined();
    expect(d.decisionDue).toBeUndefined();
  });
});

describe('caseDeadlines: Art. 42 decision, 承诺时限, 延期', () => {
  it('Art. 42: 受理 Tue 2025-09-30, 20 working days (国庆 skipped, 调休 Sat 10/11 counted) → due Tue 2025-11-04', () => {
    expect(deadlines(caseWith(FRI_0926, accept(at('2025-09-30'))), '2025-10-09')).toMatchObject({ decisionCountsFrom: '2025-09-30', decisionDays: 20, decisionDue: '2025-11-04', next: 'decision', overdue: false });
  });

  it('承诺时限: promised 10 days at 受理 9/30 → due Tue 2025-10-21', () => {
    expect(deadlines(caseWith(FRI_0926, accept(at('2025-09-30'), { promisedDays: 10 })), '2025-10-09')).toMatchObject({ decisionDays: 10, decisionDue: '2025-10-21' });
  });

  it('承诺时限 ≤ 法定时限: a promise above the legal limit counts as the legal limit (8 days → Fri 2025-10-17)', () => {
    expect(deadlines(caseWith(FRI_0926, accept(at('2025-09-30'), { promisedDays: 10 })), '2025-10-09', { legalDays: 8 })).toMatchObject({ decisionDays: 8, decisionDue: '2025-10-17' });
  });

  it('Art. 42 延期: 20 + 10 working days from 9/30 → due Tue 2025-11-18', () => {
    const state = caseWith(FRI_0926, accept(at('2025-09-30')), ['case.extended', { days: 10, approvedBy: '局长' }, at('2025-10-28')]);
    expect(deadlines(state, '2025-10-28')).toMatchObject({ decisionDays: 30, decisionDue: '2025-11-18' });
    expect(deadlines(state, '2025-10-28', { extensionDays: 5 })).toMatchObject({ decisionDays: 25 });
  });

  it('at risk and overdue: due 11/04 — 4 days left on 10/29, 3 on 10/30 (at risk), 0 on 11/04, overdue on 11/05', () => {
    const state = caseWith(FRI_0926, accept(at('2025-09-30')));
    expect(deadlines(state, '2025-10-29')).toMatchObject({ remainingWorkingDays: 4, atRisk: false, overdue: false });
    expect(deadlines(state, '2025-10-30')).toMatchObject({ remainingWorkingDays: 3, atRisk: true, overdue: false });
    expect(deadlines(state, '2025-11-04')).toMatchObject({ remainingWorkingDays: 0, atRisk: true, overdue: false });
    expect(deadlines(state, '2025-11-05')).toMatchObject({ remainingWorkingDays: -1, atRisk: false, overdue: true });
  });
});

describe('caseDeadlines: Art. 45 pauses', () => {
  const march = (...steps: Step[]) => caseWith(at('2025-02-27'), accept(at('2025-03-03')), ...steps);

  it('Art. 45: 受理 Mon 2025-03-03, no pause → due Mon 2025-03-31', () => {
    expect(deadlines(march(), '2025-03-04').decisionDue).toBe('2025-03-31');
  });

  it('Art. 45: expert review from Mon 3/10 until resumption Mon 3/17 removes 3/10–3/14; with 清明 4/4–4/6 → due Tue 2025-04-08', () => {
    const state = march(['case.suspended', { reason: 'expert-review' }, at('2025-03-10', '10:00')], ['case.resumed', {}, at('2025-03-17')]);
    expect(deadlines(state, '2025-03-17')).toMatchObject({ decisionDue: '2025-04-08', next: 'decision' });
  });

  it('Art. 45: while the review is suspended the clock stands at 4 used, 16 remaining, with no due date', () => {
    const d = deadlines(march(['case.suspended', { reason: 'expert-review' }, at('2025-03-10', '10:00')]), '2025-03-12');
    expect(d).toMatchObject({ next: 'decision', paused: { since: '2025-03-10', usedWorkingDays: 4, remainingWorkingDays: 16 }, remainingWorkingDays: 16, overdue: false, atRisk: false });
    expect(d.decisionDue).toBeUndefined();
  });

  it('Art. 45: a pause suspended and resumed on the same day costs nothing', () => {
    const state = march(['case.suspended', { reason: 'testing' }, at('2025-03-10', '10:00')], ['case.resumed', {}, at('2025-03-10', '16:00')]);
    expect(deadlines(state, '2025-03-11').decisionDue).toBe('2025-03-31');
  });
});

describe('caseDeadlines: Art. 44 delivery and the end', () => {
  it('Art. 44: decided at 2025-10-10T16:30Z (China: 调休 Sat 10/11) → delivery due Fri 2025-10-24', () => {
    const flow = caseFlow();
    const state = given(...historyTo(flow, 'accepted'), flow.event('case.approved', { decisionNo: 'D1' }, '2025-10-10T16:30:00Z')).state!;
    expect(deadlines(state, '2025-10-13')).toMatchObject({ next: 'delivery', deliveryDue: '2025-10-24', remainingWorkingDays: 9 });
  });

  it('after 送达, 办结 or 撤回 no deadline runs', () => {
    for (const status of ['delivered', 'closed', 'withdrawn', 'not-accepted'] as const) {
      const d = deadlines(given(...historyTo(caseFlow(), status)).state!, '2026-03-02');
      expect(d.next).toBeUndefined();
      expect(d).toMatchObject({ overdue: false, atRisk: false });
    }
  });

  it('coverage: on a fixed table, a "today" beyond it (2027) leaves the remaining days unknown with XR_CALENDAR_OUT_OF_RANGE; the due date and overdue still stand', () => {
    const d = caseDeadlines(caseWith(FRI_0926), { calendar, today: '2027-01-04' });
    // No 补正 notice was given: the case counts as accepted from receipt (Art. 32), due 2025-10-30.
    expect(d).toMatchObject({ supplementNoticeDue: '2025-10-10', decisionDue: '2025-10-30', next: 'decision', overdue: true, atRisk: false });
    expect(d.remainingWorkingDays).toBeUndefined();
    expect(d.unknown).toEqual([{ deadline: 'decision', code: 'XR_CALENDAR_OUT_OF_RANGE', reason: expect.stringContaining('2027-01-01') as unknown }]);
  });
});

import { describe, expect, it } from 'vitest';
import { caseDeadlines, CN_2025_2026, createCalendar, evolve, type CaseState } from '@xr/domain';
import { caseFlow, historyTo } from '@xr/domain/testing';
import type { ListCasesRequest__Output } from '@xr/proto';
import { listCases } from '../src/list-cases.js';

const calendar = (() => {
  const made = createCalendar(CN_2025_2026);
  if (!made.ok) throw new Error(made.reason);
  return made.value;
})();

function caseAt(status: Parameters<typeof historyTo>[1], n: number): CaseState {
  const flow = caseFlow({ caseId: `0199a000-0000-7000-9000-00000000000${n}` });
  return historyTo(flow, status).reduce<CaseState | undefined>((s, e) => evolve(s, e), undefined)!;
}

const request = (over: Partial<ListCasesRequest__Output>): ListCasesRequest__Output => ({ statuses: [], side: '', pageSize: 0, pageToken: '', overdue: false, atRisk: false, ...over });

describe('ListCases', () => {
  const cases = [caseAt('accepted', 1), caseAt('received', 2), caseAt('closed', 3)];

  it('filters cases past their decision deadline (Art. 42, working days) and those about to be', () => {
    const on = (today: string) => (c: CaseState) => {
      return caseDeadlines(c, { calendar, today });
    };
    const accepted = cases[0]!;
    const due = caseDeadlines(accepted, { calendar, today: '2025-10-01' });
    if (!due.decisionDue) throw new Error('no decision due date');
    const late = listCases(cases, '370200', request({ overdue: true }), on('2025-12-31'));
    expect(late.ok && late.value.cases.map((c) => c.caseId)).toContain(accepted.caseId);
    expect(late.ok && late.value.cases.some((c) => c.status === 'closed')).toBe(false);
    const onTime = listCases(cases, '370200', request({ overdue: true }), on(due.decisionCountsFrom!));
    expect(onTime.ok && onTime.value.cases.map((c) => c.caseId)).not.toContain(accepted.caseId);
    const risky = listCases(cases, '370200', request({ atRisk: true }), on(due.decisionDue));
    expect(risky.ok && risky.value.cases.map((c) => c.caseId)).toContain(accepted.caseId);
  });

  it('pages in case-id order with a token, and refuses a token it did not give', () => {
    const first = listCases(cases, '370200', request({ pageSize: 2 }), () => undefined);
    if (!first.ok) throw new Error(first.message);
    expect(first.value.total).toBe(3);
    expect(first.value.cases).toHaveLength(2);
    const second = listCases(cases, '370200', request({ pageSize: 2, pageToken: first.value.nextPageToken }), () => undefined);
    expect(second.ok && second.value.cases).toHaveLength(1);
    expect(second.ok && second.value.nextPageToken).toBe('');
    expect(listCases(cases, '370200', request({ pageToken: 'bm9wZQ' }), () => undefined)).toMatchObject({ ok: false, field: 'page_token' });
    expect(listCases(cases, '370200', request({ side: 'receiving' }), () => undefined)).toMatchObject({ ok: true, value: { total: 0 } });
  });
});

import { describe, expect, it } from 'vitest';
import { caseDeadlines, CN_2025_2026, createCalendar, evolve, type CaseState } from '@xr/domain';
import { caseFlow, historyTo } from '@xr/domain/testing';
import type { ListCasesRequest__Output } from '@xr/proto';
import { listCases } from '../src/list-cases.js';

const calendar = (() => {
  const made = createCalendar(CN_2025_2026);
  if (!made.ok) throw new Error(made.message);
  return made.value;
})();

function caseAt(status: Parameters<typeof historyTo>[1], n: number): CaseState {
  const flow = caseFlow({ caseId: `0199a000-0000-7000-9000-00000000000${n}` });
  return historyTo(flow, status).reduce<CaseState | undefined>((s, e) => evolve(s, e), undefined)!;
}

/** A case whose case.submitted event was signed at `time`. */
function submittedAt(caseId: string, time: string): CaseState {
  const flow = caseFlow({ caseId });
  return evolve(undefined, flow.submitted(time));
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

  it('pages with a token, and refuses a token it did not give', () => {
    const first = listCases(cases, '370200', request({ pageSize: 2 }), () => undefined);
    if (!first.ok) throw new Error(first.message);
    expect(first.value.total).toBe(3);
    expect(first.value.cases).toHaveLength(2);
    const second = listCases(cases, '370200', request({ pageSize: 2, pageToken: first.value.nextPageToken }), () => undefined);
    expect(second.ok && second.value.cases).toHaveLength(1);
    expect(second.ok && second.value.nextPageToken).toBe('');
    expect(listCases(cases, '370200', request({ pageToken: 'bm9wZQ' }), () => undefined)).toMatchObject({ ok: false, field: 'page_token' });
    // A token of the former form (the last case id alone) is not one this server gives.
    expect(listCases(cases, '370200', request({ pageToken: Buffer.from(cases[0]!.caseId).toString('base64url') }), () => undefined)).toMatchObject({ ok: false, field: 'page_token' });
    expect(listCases(cases, '370200', request({ side: 'receiving' }), () => undefined)).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('orders by the submission event’s time (any RFC 3339 offset), then by case id, not by case id alone', () => {
    const later = submittedAt('00000000-0000-8000-8000-000000000001', '2026-12-02T10:00:00.000Z');
    const first = submittedAt('ffffffff-0000-8000-8000-000000000001', '2026-12-02T17:59:59.000+08:00');
    const tieA = submittedAt('11111111-0000-8000-8000-000000000001', '2026-12-02T10:00:01.000Z');
    const tieB = submittedAt('22222222-0000-8000-8000-000000000001', '2026-12-02t18:00:01.000+08:00');
    const listed = listCases([tieB, later, tieA, first], '371500', request({}), () => undefined);
    expect(listed.ok && listed.value.cases.map((c) => c.caseId)).toEqual([first, later, tieA, tieB].map((c) => c.caseId));
  });

  it('a token continues after the last case it saw, when cases arrive between pages', () => {
    const ids = ['c', 'a', 'e', 'b', 'd'].map((x) => `${x.repeat(8)}-0000-8000-8000-000000000001`);
    const at = (i: number): string => new Date(Date.UTC(2026, 11, 2, 10, i)).toISOString();
    const known = ids.slice(0, 4).map((id, i) => submittedAt(id, at(i)));
    const first = listCases(known, '371500', request({ pageSize: 2 }), () => undefined);
    if (!first.ok) throw new Error(first.message);
    const more = [...known, submittedAt(ids[4]!, at(4))];
    const second = listCases(more, '371500', request({ pageSize: 2, pageToken: first.value.nextPageToken }), () => undefined);
    if (!second.ok) throw new Error(second.message);
    const third = listCases(more, '371500', request({ pageSize: 2, pageToken: second.value.nextPageToken }), () => undefined);
    if (!third.ok) throw new Error(third.message);
    expect([first, second, third].flatMap((p) => p.value.cases.map((c) => c.caseId))).toEqual(ids);
    expect(third.value.nextPageToken).toBe('');
  });
});

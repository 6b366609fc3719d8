/**
 * Requests of the receiving region are decided by the handling region (DESIGN: one authority per
 * case). The authority answers each one: case.request-accepted carries the request, and only then
 * does the receiving region's copy change; case.request-refused leaves it as it was.
 */
import { describe, expect, it } from 'vitest';
import { decide, evolve, refusalOf, type CaseState, type Envelope } from '../src/index.js';
import { caseFlow, given, historyTo } from '../src/case/testing.js';

const at = (day: string): string => `${day}T10:00:00+08:00`;

describe('requests of the receiving region', () => {
  it('the authority confirms a 撤回 with case.request-accepted carrying the request', () => {
    const flow = caseFlow();
    const history = historyTo(flow, 'accepted');
    const withdraw = flow.event('case.withdrawn', { reason: '申请人主动撤回' }, at('2025-10-09'));
    const { decision } = given(...history).when(withdraw);
    expect(decision).toEqual({ ok: true, emit: [{ type: 'case.request-accepted', v: 1, target: flow.receiving, payload: { request: withdraw } }] });
  });

  it('the receiving copy applies the request when the confirmation comes, once', () => {
    const flow = caseFlow();
    const history = historyTo(flow, 'accepted');
    const mirror = history.reduce<CaseState | undefined>((s, e) => evolve(s, e), undefined)!;
    const withdraw = flow.event('case.withdrawn', { reason: '申请人主动撤回' }, at('2025-10-09'));
    const confirmed: Envelope = { ...flow.event('case.request-accepted', { request: withdraw }, at('2025-10-09')), source: flow.handling, target: flow.receiving, seq: 50 };
    expect(decide(mirror, confirmed, { self: flow.receiving, now: at('2025-10-09') })).toEqual({ ok: true, emit: [] });
    const after = evolve(mirror, confirmed);
    expect(after).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '申请人主动撤回' } });
    // At the authority the request was applied already: the confirmation changes nothing more.
    const atAuthority = evolve(mirror, withdraw);
    expect(evolve(atAuthority, confirmed).history).toHaveLength(atAuthority.history.length);
  });

  it('only the handling region answers requests, and only about requests of its own case', () => {
    const flow = caseFlow();
    const mirror = historyTo(flow, 'accepted').reduce<CaseState | undefined>((s, e) => evolve(s, e), undefined)!;
    const withdraw = flow.event('case.withdrawn', {}, at('2025-10-09'));
    const forged = { ...flow.event('case.request-accepted', { request: withdraw }, at('2025-10-09')), source: flow.receiving, seq: 50 };
    expect(decide(mirror, forged, { self: flow.receiving, now: at('2025-10-09') })).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION', field: 'source' });
    const notARequest = { ...flow.event('case.request-accepted', { request: { ...withdraw, type: 'case.approved' } }, at('2025-10-09')), source: flow.handling, seq: 50 };
    expect(decide(mirror, notARequest, { self: flow.receiving, now: at('2025-10-09') })).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST' });
  });

  it('a refusal names the request and the reason, and leaves the case as it was', () => {
    const flow = caseFlow();
    const mirror = historyTo(flow, 'approved').reduce<CaseState | undefined>((s, e) => evolve(s, e), undefined)!;
    const withdraw = flow.event('case.withdrawn', {}, at('2025-10-20'));
    const draft = refusalOf(withdraw, { code: 'XR_CASE_ILLEGAL_TRANSITION', message: 'case.withdrawn is not allowed while the case is approved' });
    expect(draft).toEqual({ type: 'case.request-refused', v: 1, target: flow.receiving, payload: { eventId: withdraw.id, type: 'case.withdrawn', code: 'XR_CASE_ILLEGAL_TRANSITION', message: 'case.withdrawn is not allowed while the case is approved' } });
    const refusal: Envelope = { ...flow.event(draft.type, draft.payload, at('2025-10-20')), source: flow.handling, target: flow.receiving, seq: 60 };
    const after = evolve(mirror, refusal);
    expect(after.status).toBe('approved');
    expect(after.history.at(-1)).toMatchObject({ type: 'case.request-refused', status: 'approved' });
  });
});

import { isRequest } from '../src/index.js';
import { describe, expect, it } from 'vitest';
import { TERMINAL_STATUSES, type CaseStatus } from '../src/case/model.js';
import { at, caseFlow, given, historyTo, SAMPLE_PAYLOADS } from '../src/case/testing.js';
import { TRANSITIONS } from '../src/case/transitions.js';

const ILLEGAL = 'XR_CASE_ILLEGAL_TRANSITION';

/** One legal step per event type: the state before, and the state after. */
const LEGAL: readonly [type: string, from: CaseStatus, to: CaseStatus][] = [
  ['case.received', 'submitted', 'received'],
  ['case.supplement-requested', 'received', 'supplement-requested'],
  ['case.supplemented', 'supplement-requested', 'supplemented'],
  ['case.accepted', 'received', 'accepted'],
  ['case.accepted', 'supplemented', 'accepted'],
  ['case.not-accepted', 'received', 'not-accepted'],
  ['case.not-accepted', 'supplemented', 'not-accepted'],
  ['case.suspended', 'accepted', 'suspended'],
  ['case.resumed', 'suspended', 'accepted'],
  ['case.extended', 'accepted', 'accepted'],
  ['case.extended', 'suspended', 'suspended'],
  ['case.approved', 'accepted', 'approved'],
  ['case.denied', 'accepted', 'denied'],
  ['certificate.issued', 'approved', 'approved'],
  ['case.delivered', 'approved', 'delivered'],
  ['case.delivered', 'denied', 'delivered'],
  ['case.closed', 'delivered', 'closed'],
  ['case.withdrawn', 'submitted', 'withdrawn'],
  ['case.withdrawn', 'received', 'withdrawn'],
  ['case.withdrawn', 'supplement-requested', 'withdrawn'],
  ['case.withdrawn', 'supplemented', 'withdrawn'],
  ['case.withdrawn', 'accepted', 'withdrawn'],
  ['case.withdrawn', 'suspended', 'withdrawn'],
  ['case.terminated', 'supplement-requested', 'terminated'],
  ['case.rated', 'closed', 'closed'],
];

/** At least one illegal state per event type; the message must name the state. */
const ILLEGAL_STEPS: readonly [type: string, from: CaseStatus][] = [
  ['case.submitted', 'submitted'],
  ['case.received', 'received'],
  ['case.supplement-requested', 'accepted'],
  ['case.supplemented', 'received'],
  ['case.accepted', 'submitted'],
  ['case.accepted', 'accepted'],
  ['case.not-accepted', 'accepted'],
  ['case.materials-completed', 'received'],
  ['case.suspended', 'suspended'],
  ['case.resumed', 'accepted'],
  ['case.extended', 'approved'],
  ['case.approved', 'suspended'],
  ['case.approved', 'received'],
  ['case.denied', 'supplemented'],
  ['certificate.issued', 'accepted'],
  ['certificate.issued', 'delivered'],
  ['case.delivered', 'accepted'],
  ['case.closed', 'approved'],
  ['case.withdrawn', 'approved'],
  ['case.withdrawn', 'denied'],
  ['case.terminated', 'received'],
  ['case.rated', 'delivered'],
];

function payloadFor(type: string, time: string): Record<string, unknown> {
  if (type === 'case.received') return { receivedAt: time };
  if (type === 'case.submitted') return {};
  return SAMPLE_PAYLOADS[type]!;
}

/** The lifecycle's own transitions; the authority's answers to requests are tested in case-requests. */
const LIFECYCLE = Object.keys(TRANSITIONS).filter((t) => !t.startsWith('case.request-'));

describe('case lifecycle: the transition table', () => {
  it.each(LEGAL)('legal: %s moves a %s case to %s', (type, from, to) => {
    const flow = caseFlow();
    const history = historyTo(flow, from);
    const time = at('2025-10-20');
    const { decision, state } = given(...history).when(flow.event(type, payloadFor(type, time), time));
    // The authority confirms each request of the receiving region (补正, 容缺补齐, 撤回, 好差评).
    expect(decision).toEqual({ ok: true, emit: isRequest(type) ? [expect.objectContaining({ type: 'case.request-accepted', target: flow.receiving })] : [] });
    expect(state?.status).toBe(to);
    expect(state?.history.at(-1)).toMatchObject({ type, status: to, at: time });
  });

  it.each(ILLEGAL_STEPS)('illegal: %s while the case is %s is refused, naming the state', (type, from) => {
    const flow = caseFlow();
    const time = at('2025-10-20');
    const event = type === 'case.submitted' ? flow.submitted(time) : flow.event(type, payloadFor(type, time), time);
    const { decision, state } = given(...historyTo(flow, from)).when(event);
    expect(decision).toMatchObject({ ok: false, code: ILLEGAL, field: 'type' });
    expect(decision.ok ? '' : decision.message).toContain(`${type} is not allowed while the case is ${from}`);
    expect(state?.status).toBe(from);
  });

  it('every event type of the table is covered by a legal and an illegal step', () => {
    const types = LIFECYCLE.filter((t) => t !== 'case.submitted');
    for (const type of types) expect(ILLEGAL_STEPS.some(([t]) => t === type)).toBe(true);
    for (const type of types.filter((t) => t !== 'case.materials-completed' && t !== 'case.received')) {
      expect(LEGAL.some(([t]) => t === type)).toBe(true);
    }
  });

  it.each(TERMINAL_STATUSES.filter((s) => s !== 'closed'))('terminal: nothing but a refusal follows %s', (status) => {
    const flow = caseFlow();
    const history = historyTo(flow, status);
    for (const type of LIFECYCLE.filter((t) => t !== 'case.submitted')) {
      const { decision } = given(...history).when(flow.event(type, payloadFor(type, at('2025-10-20')), at('2025-10-20')));
      expect(decision).toMatchObject({ ok: false, code: ILLEGAL });
    }
  });

  it('Art. 38 / 撤回: withdrawal before a decision is allowed, after 准予 it is refused with the reason', () => {
    const flow = caseFlow();
    const before = given(...historyTo(flow, 'accepted')).when(flow.event('case.withdrawn', { reason: '申请人主动撤回' }, at('2025-10-09')));
    expect(before.state).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '申请人主动撤回', at: at('2025-10-09') } });
    const flow2 = caseFlow();
    const after = given(...historyTo(flow2, 'approved')).when(flow2.event('case.withdrawn', {}, at('2025-10-10')));
    expect(after.decision).toMatchObject({ ok: false, code: ILLEGAL });
    expect(after.decision.ok ? '' : after.decision.message).toMatch(/while the case is approved.*only before a decision/);
  });
});

describe('case lifecycle: who may send what', () => {
  it('收受分离: the handling region may not send a 收件-side event (case.withdrawn), field source', () => {
    const flow = caseFlow();
    const history = historyTo(flow, 'accepted');
    const forged = { ...flow.event('case.withdrawn', {}, at('2025-10-09')), source: flow.handling, target: flow.receiving };
    const { decision } = given(...history).when(forged);
    expect(decision).toMatchObject({ ok: false, code: ILLEGAL, field: 'source' });
    expect(decision.ok ? '' : decision.message).toContain('receiving region 371500');
  });

  it('收受分离: the receiving region may not decide (case.approved), field source', () => {
    const flow = caseFlow();
    const forged = { ...flow.event('case.approved', SAMPLE_PAYLOADS['case.approved']!, at('2025-10-09')), source: flow.receiving, target: flow.handling };
    const { decision } = given(...historyTo(flow, 'accepted')).when(forged);
    expect(decision).toMatchObject({ ok: false, code: ILLEGAL, field: 'source' });
  });

  it('sequence rule: a sequence number at or below the last one from that sender is XR_DUPLICATE', () => {
    const flow = caseFlow();
    const history = historyTo(flow, 'accepted');
    const replay = { ...flow.event('case.approved', SAMPLE_PAYLOADS['case.approved']!, at('2025-10-09')), seq: 2 };
    expect(given(...history).when(replay).decision).toMatchObject({ ok: false, code: 'XR_DUPLICATE', field: 'seq' });
  });

  it('an event for a case that does not exist is XR_CASE_NOT_FOUND', () => {
    const flow = caseFlow();
    expect(given().when(flow.event('case.accepted', SAMPLE_PAYLOADS['case.accepted']!, at('2025-09-29'))).decision).toMatchObject({ ok: false, code: 'XR_CASE_NOT_FOUND' });
  });

  it('签收: the handling region answers 收件 with case.received at its own time; the receiving region emits nothing', () => {
    const flow = caseFlow();
    const submitted = flow.submitted(at('2025-09-26'));
    const now = '2025-09-26T01:05:00.000Z';
    expect(given().when(submitted, { self: flow.handling, now }).decision).toEqual({
      ok: true,
      emit: [{ type: 'case.received', v: 1, target: flow.receiving, payload: { receivedAt: now } }],
    });
    expect(given().when(submitted, { self: flow.receiving, now }).decision).toEqual({ ok: true, emit: [] });
  });

  it('the receiving and handling regions must differ', () => {
    const flow = caseFlow({ receiving: '370200', handling: '370200' });
    expect(given().when(flow.submitted(at('2025-09-26'))).decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: 'target' });
  });
});

describe('case lifecycle: what the state records', () => {
  it('a full standard case: 收件 → 签收 → 受理 → 暂停/恢复 → 延期 → 准予 → 邮寄送达 → 办结 → 好差评', () => {
    const flow = caseFlow();
    const events = [
      ...historyTo(flow, 'accepted'),
      flow.event('case.suspended', { reason: 'testing' }, at('2025-10-09')),
      flow.event('case.extended', { days: 5, approvedBy: '局长 李明' }, at('2025-10-10')),
      flow.event('case.resumed', {}, at('2025-10-13')),
      flow.event('case.approved', { decisionNo: '青市监准〔2025〕1001号' }, at('2025-10-14')),
      flow.event('case.delivered', { method: 'post', trackingNo: 'SF1234567890', deliveredAt: at('2025-10-15') }, at('2025-10-15')),
      flow.event('case.closed', {}, at('2025-10-16')),
      flow.event('case.rated', { level: 'basically-satisfied' }, at('2025-10-17')),
    ];
    const { state } = given(...events);
    expect(state).toMatchObject({
      status: 'closed',
      receivedAt: at('2025-09-26', '09:05'),
      acceptedAt: at('2025-09-29'),
      receiptNo: '青市监受〔2025〕0931号',
      basis: 'standard',
      outstanding: [],
      verificationPending: false,
      suspensions: [{ reason: 'testing', from: at('2025-10-09'), to: at('2025-10-13') }],
      extension: { days: 5, approvedBy: '局长 李明', at: at('2025-10-10') },
      decision: { outcome: 'approved', decisionNo: '青市监准〔2025〕1001号', at: at('2025-10-14') },
      delivery: { method: 'post', trackingNo: 'SF1234567890', at: at('2025-10-15') },
      closedAt: at('2025-10-16'),
      rating: { level: 'basically-satisfied', at: at('2025-10-17') },
      lastSeq: { '371500': 2, '370200': 8 },
    });
    expect(state?.history.map((h) => h.status)).toEqual([
      'submitted', 'received', 'accepted', 'suspended', 'suspended', 'accepted', 'approved', 'delivered', 'closed', 'closed',
    ]);
  });

  it('不予许可 keeps its reasons and legal basis; 不予受理 too', () => {
    const flow = caseFlow();
    expect(given(...historyTo(flow, 'denied')).state?.decision).toMatchObject({ outcome: 'denied', legalBasis: '《食品经营许可和备案管理办法》第二十二条' });
    const flow2 = caseFlow();
    expect(given(...historyTo(flow2, 'not-accepted')).state?.notAccepted).toMatchObject({ legalBasis: expect.stringContaining('第三十二条') as unknown });
  });

  it('a case opens at its case.submitted event’s time (openedAt), kept apart from the intake time its caller gave', () => {
    const flow = caseFlow();
    const submitted = flow.submitted(at('2025-09-26', '10:30'), { intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: at('2025-09-25', '16:00') } });
    const state = given(submitted, flow.event('case.received', { receivedAt: at('2025-09-26', '10:35') }, at('2025-09-26', '10:35'))).state;
    expect(state).toMatchObject({ openedAt: at('2025-09-26', '10:30'), submittedAt: at('2025-09-25', '16:00'), updatedAt: at('2025-09-26', '10:35') });
  });
});

describe('电子证照 issued with an approval', () => {
  it('certificate.issued keeps the credential on the case and names it in the decision', () => {
    const flow = caseFlow();
    const payload = SAMPLE_PAYLOADS['certificate.issued']!;
    const issued = given(...historyTo(flow, 'approved')).when(flow.event('certificate.issued', payload, at('2025-10-10')));
    expect(issued.decision).toMatchObject({ ok: true });
    expect(issued.state).toMatchObject({
      status: 'approved',
      certificate: { id: '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S', statusIndex: 0, issuedAt: at('2025-10-10') },
      decision: { outcome: 'approved', certificate: { type: '食品经营许可证', id: '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S' } },
    });
  });
});

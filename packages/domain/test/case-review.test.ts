import { describe, expect, it } from 'vitest';
import { CN_2025_2026 } from '../src/calendar/cn-2025-2026.js';
import { createCalendar, type WorkingDayCalendar } from '../src/calendar/working-days.js';
import { catalogIndex } from '../src/catalog/catalog-index.js';
import { SAMPLE_CATALOGS } from '../src/catalog/samples.js';
import type { Decision } from '../src/case/decide.js';
import { at, caseFlow, given, historyTo, material, SAMPLE_MATERIALS, SAMPLE_PAYLOADS } from '../src/case/testing.js';

const made = createCalendar(CN_2025_2026);
if (!made.ok) throw new Error(made.message);
const calendar: WorkingDayCalendar = made.value;
const { item } = catalogIndex(SAMPLE_CATALOGS);

const message = (d: Decision): string => (d.ok ? '' : d.message);
const notice = (...names: string[]) => ({ items: names.map((material) => ({ material, reason: '不符合法定形式' })), notice: `请补正：${names.join('、')}` });

describe('补正 (Art. 32)', () => {
  it('Art. 32 5-day: a 补正 notice on the 5th working day after 签收 (Fri 9/26 → Fri 10/10, over 国庆) is in time', () => {
    const flow = caseFlow();
    const { decision, state } = given(...historyTo(flow, 'received')).when(flow.event('case.supplement-requested', notice('营业执照'), at('2025-10-10', '17:00')), { calendar });
    expect(decision.ok).toBe(true);
    expect(state?.supplement).toMatchObject({ items: [{ material: '营业执照' }], requestedAt: at('2025-10-10', '17:00') });
  });

  it('Art. 32 5-day: a notice on 调休 Saturday 2025-10-11 is late — XR_DEADLINE_PASSED, the case counts as accepted from receipt', () => {
    const flow = caseFlow();
    const { decision } = given(...historyTo(flow, 'received')).when(flow.event('case.supplement-requested', notice('营业执照'), at('2025-10-11')), { calendar });
    expect(decision).toMatchObject({ ok: false, code: 'XR_DEADLINE_PASSED' });
    expect(message(decision)).toMatch(/due by 2025-10-10.*签收 on 2025-09-26.*accepted from receipt/);
  });

  it('Art. 32 5-day: "today" is the China date of ctx.now — 15:59Z on 10/10 is in time, 16:00Z is already 10/11 in China', () => {
    const flow = caseFlow();
    const history = given(...historyTo(flow, 'received'));
    const event = flow.event('case.supplement-requested', notice('营业执照'), at('2025-10-10'));
    expect(history.when(event, { calendar, now: '2025-10-10T15:59:00Z' }).decision.ok).toBe(true);
    expect(history.when(event, { calendar, now: '2025-10-10T16:00:00Z' }).decision).toMatchObject({ ok: false, code: 'XR_DEADLINE_PASSED' });
  });

  it('Art. 32 5-day (2026 notice): 签收 Thu 2026-02-12 → due Thu 2026-02-26, counting 调休 Sat 2/14 and skipping 春节 2/15–2/23', () => {
    const flow = caseFlow();
    const history = given(flow.submitted(at('2026-02-12')), flow.event('case.received', { receivedAt: at('2026-02-12', '10:00') }, at('2026-02-12', '10:00')));
    expect(history.when(flow.event('case.supplement-requested', notice('营业执照'), at('2026-02-26')), { calendar }).decision.ok).toBe(true);
    expect(history.when(flow.event('case.supplement-requested', notice('营业执照'), at('2026-02-27')), { calendar }).decision).toMatchObject({ code: 'XR_DEADLINE_PASSED' });
  });

  it('Art. 32 5-day: only the handling region applies the rule, and only with a calendar (the receiving region mirrors)', () => {
    const flow = caseFlow();
    const history = given(...historyTo(flow, 'received'));
    const late = flow.event('case.supplement-requested', notice('营业执照'), at('2025-10-13'));
    expect(history.when(late).decision.ok).toBe(true);
    expect(history.when(late, { calendar, self: flow.receiving }).decision.ok).toBe(true);
  });

  it('Art. 32 一次告知: a second 补正 notice is refused after 补正, naming the rule and the state', () => {
    const flow = caseFlow();
    const { decision } = given(...historyTo(flow, 'supplemented')).when(flow.event('case.supplement-requested', notice('营业执照'), at('2025-10-09')));
    expect(decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION', field: 'type' });
    expect(message(decision)).toMatch(/while the case is supplemented: Art\. 32 一次告知/);
  });

  it('Art. 32 一次告知: the notice lists at least one material', () => {
    const flow = caseFlow();
    const { decision } = given(...historyTo(flow, 'received')).when(flow.event('case.supplement-requested', { items: [], notice: '请补正' }, at('2025-09-29')));
    expect(decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/items' });
  });

  it('补正 covers the notice: a material left out is XR_MATERIAL_MISSING, named', () => {
    const flow = caseFlow();
    const history = given(...historyTo(flow, 'received'), flow.event('case.supplement-requested', notice('经营场所平面布局图', '食品安全管理制度'), at('2025-09-29')));
    const partial = history.when(flow.event('case.supplemented', { materials: [material('经营场所平面布局图')] }, at('2025-09-30')));
    expect(partial.decision).toMatchObject({ ok: false, code: 'XR_MATERIAL_MISSING', field: '/payload/materials' });
    expect(message(partial.decision)).toContain('食品安全管理制度');
    expect(message(partial.decision)).not.toContain('经营场所平面布局图');
  });

  it('补正 covers the notice: a full answer replaces the earlier copies and records when it came', () => {
    const flow = caseFlow();
    const fresh = { ...material('食品安全管理制度'), sha256: 'f'.repeat(64) };
    const history = given(...historyTo(flow, 'received'), flow.event('case.supplement-requested', notice('食品安全管理制度'), at('2025-09-29')));
    const { state } = history.when(flow.event('case.supplemented', { materials: [fresh] }, at('2025-09-30')));
    expect(state?.supplement?.providedAt).toBe(at('2025-09-30'));
    expect(state?.materials.filter((m) => m.name === '食品安全管理制度')).toEqual([fresh]);
    expect(state?.materials).toHaveLength(SAMPLE_MATERIALS.length);
  });
});

describe('受理: standard, 容缺受理, 告知承诺', () => {
  const deferredFlow = () => {
    const flow = caseFlow();
    const materials = SAMPLE_MATERIALS.filter((m) => m !== '食品安全管理制度').map(material);
    const history = [
      flow.submitted(at('2025-09-26'), { materials, deferredMaterials: [{ name: '食品安全管理制度' }] }),
      flow.event('case.received', { receivedAt: at('2025-09-26', '09:05') }, at('2025-09-26', '09:05')),
    ];
    return { flow, history };
  };
  const deferredAcceptance = (dueDate: string, promisedDays = 10) => ({
    receiptNo: '青市监受〔2025〕0931号',
    basis: 'deferred-materials',
    outstanding: [{ name: '食品安全管理制度', dueDate }],
    promisedDays,
  });

  it('容缺受理: accepted with the outstanding material and its due date; verification is not pending', () => {
    const { flow, history } = deferredFlow();
    const { decision, state } = given(...history).when(flow.event('case.accepted', deferredAcceptance('2025-10-17'), at('2025-09-30')), { calendar, item });
    expect(decision.ok).toBe(true);
    expect(state).toMatchObject({ status: 'accepted', basis: 'deferred-materials', outstanding: [{ name: '食品安全管理制度', dueDate: '2025-10-17' }], promisedDays: 10, verificationPending: false });
  });

  it('容缺受理: the due date may not pass the 承诺时限 (10 working days from Tue 9/30 → 10/21)', () => {
    const { flow, history } = deferredFlow();
    const g = given(...history);
    expect(g.when(flow.event('case.accepted', deferredAcceptance('2025-10-21'), at('2025-09-30')), { calendar }).decision.ok).toBe(true);
    const late = g.when(flow.event('case.accepted', deferredAcceptance('2025-10-22'), at('2025-09-30')), { calendar });
    expect(late.decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/outstanding/0/dueDate' });
    expect(message(late.decision)).toContain('2025-10-21');
    const past = g.when(flow.event('case.accepted', deferredAcceptance('2025-09-29'), at('2025-09-30')), { calendar });
    expect(past.decision).toMatchObject({ ok: false, field: '/payload/outstanding/0/dueDate' });
  });

  it('容缺受理: lists what is outstanding, and only materials the applicant committed to at intake', () => {
    const { flow, history } = deferredFlow();
    const g = given(...history);
    const none = g.when(flow.event('case.accepted', { receiptNo: 'R1', basis: 'deferred-materials' }, at('2025-09-30')));
    expect(none.decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/outstanding' });
    const other = g.when(flow.event('case.accepted', { receiptNo: 'R1', basis: 'deferred-materials', outstanding: [{ name: '营业执照', dueDate: '2025-10-10' }] }, at('2025-09-30')));
    expect(other.decision).toMatchObject({ ok: false, code: 'XR_MATERIAL_NOT_DEFERRABLE', field: '/payload/outstanding/0/name' });
    const standard = g.when(flow.event('case.accepted', { receiptNo: 'R1', basis: 'standard', outstanding: [{ name: '食品安全管理制度', dueDate: '2025-10-10' }] }, at('2025-09-30')));
    expect(standard.decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/outstanding' });
  });

  it('承诺时限 ≤ 法定时限: promising 25 days for an item with a 20-day legal limit is refused at the handling region', () => {
    const flow = caseFlow();
    const g = given(...historyTo(flow, 'received'));
    const over = g.when(flow.event('case.accepted', { receiptNo: 'R1', basis: 'standard', promisedDays: 25 }, at('2025-09-30')), { item });
    expect(over.decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/promisedDays' });
    expect(g.when(flow.event('case.accepted', { receiptNo: 'R1', basis: 'standard', promisedDays: 20 }, at('2025-09-30')), { item }).decision.ok).toBe(true);
  });

  it('容缺: 准予 waits for the outstanding material; 容缺补齐 clears it and adds the material', () => {
    const { flow, history } = deferredFlow();
    const accepted = flow.event('case.accepted', deferredAcceptance('2025-10-17'), at('2025-09-30'));
    const blocked = given(...history, accepted).when(flow.event('case.approved', { decisionNo: 'D1' }, at('2025-10-09')));
    expect(blocked.decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
    expect(message(blocked.decision)).toMatch(/while the case is accepted.*食品安全管理制度 \(due 2025-10-17\)/);

    const completed = flow.event('case.materials-completed', { materials: [material('食品安全管理制度')] }, at('2025-10-09'));
    const after = given(...history, accepted, completed);
    expect(after.state?.outstanding).toEqual([]);
    expect(after.state?.materials.map((m) => m.name)).toContain('食品安全管理制度');
    expect(after.when(flow.event('case.approved', { decisionNo: 'D1' }, at('2025-10-10'))).decision.ok).toBe(true);
  });

  it('容缺补齐: illegal when nothing is outstanding; a material not owed is named', () => {
    const { flow, history } = deferredFlow();
    const accepted = flow.event('case.accepted', deferredAcceptance('2025-10-17'), at('2025-09-30'));
    const wrong = given(...history, accepted).when(flow.event('case.materials-completed', { materials: [material('营业执照')] }, at('2025-10-09')));
    expect(wrong.decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/materials/0/name' });
    const flow2 = caseFlow();
    const nothing = given(...historyTo(flow2, 'accepted')).when(flow2.event('case.materials-completed', SAMPLE_PAYLOADS['case.materials-completed']!, at('2025-10-09')));
    expect(nothing.decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
    expect(message(nothing.decision)).toMatch(/while the case is accepted: no 容缺 material is outstanding/);
  });

  it('告知承诺: acceptance on the signed promise leaves 事后核查 pending; without a signed commitment it is refused', () => {
    const flow = caseFlow();
    const commitment = { kind: 'notify-commit', statement: '本人承诺符合许可条件', signedAt: at('2025-09-26', '08:50') } as const;
    const history = [flow.submitted(at('2025-09-26'), { commitment }), flow.event('case.received', { receivedAt: at('2025-09-26', '09:05') }, at('2025-09-26', '09:05'))];
    const { state } = given(...history).when(flow.event('case.accepted', { receiptNo: 'R1', basis: 'notify-commit' }, at('2025-09-29')));
    expect(state).toMatchObject({ basis: 'notify-commit', commitment, verificationPending: true });
    const flow2 = caseFlow();
    const none = given(...historyTo(flow2, 'received')).when(flow2.event('case.accepted', { receiptNo: 'R1', basis: 'notify-commit' }, at('2025-09-29')));
    expect(none.decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION', field: '/payload/basis' });
  });
});

describe('终止', () => {
  const accepted = (basis: 'deferred-materials' | 'notify-commit') => {
    const flow = caseFlow();
    const materials = SAMPLE_MATERIALS.filter((m) => m !== '食品安全管理制度').map(material);
    const commitment = { kind: 'notify-commit', statement: '本人承诺符合许可条件', signedAt: at('2025-09-26', '08:50') } as const;
    const history = [
      flow.submitted(at('2025-09-26'), basis === 'notify-commit' ? { commitment } : { materials, deferredMaterials: [{ name: '食品安全管理制度' }] }),
      flow.event('case.received', { receivedAt: at('2025-09-26', '09:05') }, at('2025-09-26', '09:05')),
      flow.event('case.accepted', basis === 'notify-commit' ? { receiptNo: 'R1', basis } : { receiptNo: 'R1', basis, outstanding: [{ name: '食品安全管理制度', dueDate: '2025-10-17' }] }, at('2025-09-30')),
    ];
    return { flow, history, g: given(...history) };
  };
  const terminate = (reason: string) => ({ reason });

  it('容缺 not supplied: termination before the due date (10/17) has passed is refused', () => {
    const { flow, g } = accepted('deferred-materials');
    const { decision } = g.when(flow.event('case.terminated', terminate('deferred-materials-not-supplied'), at('2025-10-17', '18:00')), { calendar });
    expect(decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION', field: '/payload/reason' });
    expect(message(decision)).toMatch(/while the case is accepted.*食品安全管理制度 due 2025-10-17/);
  });

  it('容缺 not supplied: after the due date the case is terminated, and without a calendar only the outstanding check applies', () => {
    const { flow, g } = accepted('deferred-materials');
    const { state } = g.when(flow.event('case.terminated', terminate('deferred-materials-not-supplied'), at('2025-10-20')), { calendar });
    expect(state).toMatchObject({ status: 'terminated', termination: { reason: 'deferred-materials-not-supplied', at: at('2025-10-20') } });
    expect(g.when(flow.event('case.terminated', terminate('deferred-materials-not-supplied'), at('2025-10-09'))).decision.ok).toBe(true);
    const flow2 = caseFlow();
    const standard = given(...historyTo(flow2, 'accepted')).when(flow2.event('case.terminated', terminate('deferred-materials-not-supplied'), at('2025-10-20')));
    expect(message(standard.decision)).toContain('no 容缺 material is outstanding');
  });

  it('告知承诺 false: terminates a notify-commit case and ends the pending 事后核查; refused for any other basis', () => {
    const { flow, g } = accepted('notify-commit');
    const { state } = g.when(flow.event('case.terminated', terminate('commitment-false'), at('2025-10-09')));
    expect(state).toMatchObject({ status: 'terminated', verificationPending: false });
    const other = accepted('deferred-materials');
    const refused = other.g.when(other.flow.event('case.terminated', terminate('commitment-false'), at('2025-10-09')));
    expect(refused.decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
    expect(message(refused.decision)).toContain('not 告知承诺');
  });

  it('补正 not provided: only while the 补正 notice is open; a suspended case stays terminable and its pause ends', () => {
    const { flow, g } = accepted('deferred-materials');
    expect(g.when(flow.event('case.terminated', terminate('supplement-not-provided'), at('2025-10-09'))).decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
    const flow2 = caseFlow();
    const open = given(...historyTo(flow2, 'supplement-requested'));
    expect(open.when(flow2.event('case.terminated', terminate('commitment-false'), at('2025-10-09'))).decision).toMatchObject({ ok: false });
    const deferred = accepted('deferred-materials');
    const paused = given(...deferred.history, deferred.flow.event('case.suspended', { reason: 'inspection' }, at('2025-10-13')));
    const { state } = paused.when(deferred.flow.event('case.terminated', terminate('deferred-materials-not-supplied'), at('2025-10-20')), { calendar });
    expect(state).toMatchObject({ status: 'terminated', suspensions: [{ reason: 'inspection', from: at('2025-10-13'), to: at('2025-10-20') }] });
  });
});

describe('延期, 决定, 送达, 评价', () => {
  it('Art. 42 延期 once only: a second extension is refused, naming the rule', () => {
    const flow = caseFlow();
    const g = given(...historyTo(flow, 'accepted'), flow.event('case.extended', { days: 10, approvedBy: '局长' }, at('2025-10-09')));
    const { decision } = g.when(flow.event('case.extended', { days: 5, approvedBy: '局长' }, at('2025-10-10')));
    expect(decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
    expect(message(decision)).toMatch(/while the case is accepted: Art\. 42 .*once only/);
  });

  it('Art. 42 延期: at most 10 working days, approved by someone', () => {
    const flow = caseFlow();
    const g = given(...historyTo(flow, 'accepted'));
    expect(g.when(flow.event('case.extended', { days: 11, approvedBy: '局长' }, at('2025-10-09'))).decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/days' });
    expect(g.when(flow.event('case.extended', { days: 3, approvedBy: ' ' }, at('2025-10-09'))).decision).toMatchObject({ ok: false, field: '/payload/approvedBy' });
  });

  it('Art. 38 不予许可 states its legal basis: a blank basis is refused', () => {
    const flow = caseFlow();
    const { decision } = given(...historyTo(flow, 'accepted')).when(flow.event('case.denied', { decisionNo: 'D1', reason: '不符合条件', legalBasis: '  ' }, at('2025-10-09')));
    expect(decision).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: '/payload/legalBasis' });
  });

  it('Art. 44 送达: by post needs a tracking number; other methods take none', () => {
    const flow = caseFlow();
    const g = given(...historyTo(flow, 'approved'));
    expect(g.when(flow.event('case.delivered', { method: 'post', deliveredAt: at('2025-10-13') }, at('2025-10-13'))).decision).toMatchObject({ ok: false, field: '/payload/trackingNo' });
    expect(g.when(flow.event('case.delivered', { method: 'window', trackingNo: 'SF1', deliveredAt: at('2025-10-13') }, at('2025-10-13'))).decision).toMatchObject({ ok: false, field: '/payload/trackingNo' });
    expect(g.when(flow.event('case.delivered', { method: 'electronic', deliveredAt: at('2025-10-13') }, at('2025-10-13'))).state?.delivery).toEqual({ method: 'electronic', at: at('2025-10-13') });
  });

  it('好差评 once per transaction: a second rating is refused, naming the rule', () => {
    const flow = caseFlow();
    const g = given(...historyTo(flow, 'closed'), flow.event('case.rated', { level: 'dissatisfied', comment: '等待时间长' }, at('2025-10-20')));
    expect(g.state?.rating).toEqual({ level: 'dissatisfied', comment: '等待时间长', at: at('2025-10-20') });
    const { decision } = g.when(flow.event('case.rated', { level: 'very-satisfied' }, at('2025-10-21')));
    expect(decision).toMatchObject({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
    expect(message(decision)).toMatch(/while the case is closed: 好差评 is once per transaction/);
  });
});

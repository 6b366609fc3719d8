/**
 * Given/when/then for the case decider, without mocks: `given(events…)` folds a history (each event
 * must pass decide at the handling region), `when(event, ctx)` decides one more and, if accepted,
 * evolves. `caseFlow()` builds envelopes with ids, per-sender sequence numbers and both regions.
 * Pure and deterministic; meant for tests here and in packages that build on the domain.
 */
import type { Envelope } from '../envelope.js';
import { decide, evolve, type DecideContext, type Decision } from './decide.js';
import { isCaseEventType } from './events.js';
import type { CaseState, CaseStatus, ScannedMaterial, SubmittedPayload } from './model.js';
import { TRANSITIONS } from './transitions.js';

export interface CaseFlow {
  readonly caseId: string;
  readonly receiving: string;
  readonly handling: string;
  /** case.submitted with a complete sample submission of 食品经营许可证核发 in 370200; `patch` replaces top-level fields. */
  submitted(time: string, patch?: Partial<SubmittedPayload>): Envelope;
  /** Any lifecycle event; the sender follows from the transition table. */
  event(type: string, payload: Record<string, unknown>, time: string): Envelope;
}

/** A material as the receiving window scanned it; the digest is derived from the name. */
export function material(name: string): ScannedMaterial {
  let h = 0;
  for (const c of name) h = (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  return { name, sha256: h.toString(16).padStart(8, '0').repeat(8), size: 1024 + (h % 4096), mediaType: 'application/pdf' };
}

export const SAMPLE_MATERIALS: readonly string[] = ['食品经营许可申请书', '营业执照', '法定代表人身份证明', '食品安全管理制度', '经营场所平面布局图'];

export function caseFlow(options: { readonly receiving?: string; readonly handling?: string; readonly caseId?: string } = {}): CaseFlow {
  const receiving = options.receiving ?? '371500';
  const handling = options.handling ?? '370200';
  const caseId = options.caseId ?? '0199a000-0000-7000-9000-000000000001';
  const seq = new Map<string, number>();
  let n = 0;
  const make = (type: string, source: string, target: string, payload: Record<string, unknown>, time: string): Envelope => {
    n += 1;
    const next = (seq.get(source) ?? 0) + 1;
    seq.set(source, next);
    return { id: `0199a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`, type, v: 1, caseId, seq: next, source, target, time, payload };
  };
  return {
    caseId,
    receiving,
    handling,
    submitted(time, patch = {}) {
      const payload: SubmittedPayload = {
        item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' },
        applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
        materials: SAMPLE_MATERIALS.map(material),
        intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: time, window: '聊城市政务服务中心 跨省通办 3 号窗口' },
        ...patch,
      };
      return make('case.submitted', receiving, handling, payload, time);
    },
    event(type, payload, time) {
      const byHandling = isCaseEventType(type) && TRANSITIONS[type].by === 'handling';
      return make(type, byHandling ? handling : receiving, byHandling ? receiving : handling, payload, time);
    },
  };
}

export interface Outcome {
  readonly decision: Decision;
  /** The state after the event when decide accepted it, else the state before. */
  readonly state: CaseState | undefined;
}

export interface Given {
  readonly state: CaseState | undefined;
  when(event: Envelope, ctx?: Partial<DecideContext>): Outcome;
}

/** Folds a history; throws if the history itself breaks a rule (a mistake in the test). */
export function given(...events: readonly Envelope[]): Given {
  let state: CaseState | undefined;
  for (const event of events) {
    const decision = decide(state, event, { self: state?.handlingRegion ?? event.target, now: event.time });
    if (!decision.ok) throw new Error(`given: ${event.type} was refused: ${decision.code} ${decision.message}`);
    state = evolve(state, event);
  }
  const before = state;
  return {
    state: before,
    when(event, ctx = {}) {
      const handling = before?.handlingRegion ?? event.target;
      const decision = decide(before, event, { self: handling, now: event.time, ...ctx });
      return { decision, state: decision.ok ? evolve(before, event) : before };
    },
  };
}

/** China time on a date: `at('2025-09-26')` is 09:00 there, `at('2025-09-26', '17:30')` later that day. */
export function at(date: string, time = '09:00'): string {
  return `${date}T${time}:00+08:00`;
}

/** Payloads that pass their schemas, for one event of each type. */
export const SAMPLE_PAYLOADS: Readonly<Record<string, Record<string, unknown>>> = {
  'case.received': { receivedAt: '2025-09-26T09:05:00+08:00' },
  'case.supplement-requested': { items: [{ material: '经营场所平面布局图', reason: '未标注操作间面积' }], notice: '请补正：经营场所平面布局图（未标注操作间面积）。' },
  'case.supplemented': { materials: [material('经营场所平面布局图')] },
  'case.accepted': { receiptNo: '青市监受〔2025〕0931号', basis: 'standard' },
  'case.not-accepted': { reason: '申请事项不属于本机关职权范围', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' },
  'case.materials-completed': { materials: [material('食品安全管理制度')] },
  'case.suspended': { reason: 'expert-review', note: '组织专家评审' },
  'case.resumed': {},
  'case.extended': { days: 10, approvedBy: '青岛市市场监督管理局 局长' },
  'case.approved': { decisionNo: '青市监准〔2025〕1001号', certificate: { type: '食品经营许可证' } },
  'certificate.issued': { certificate: { id: '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S', typeCode: '11100000000013338W011', name: '食品经营许可证', number: 'JY13702000000001', credential: 'eyJhbGciOiJFZERTQSJ9.eyJ9.c2ln', digest: 'd'.repeat(64), statusIndex: 0, validFrom: '2025-10-10T09:00:00+08:00', validUntil: '2030-10-09T23:59:59+08:00' } },
  'case.denied': { decisionNo: '青市监不〔2025〕0012号', reason: '经营场所不符合食品安全要求', legalBasis: '《食品经营许可和备案管理办法》第二十二条' },
  'case.delivered': { method: 'post', trackingNo: 'SF1234567890', deliveredAt: '2025-10-15T10:00:00+08:00' },
  'case.closed': {},
  'case.withdrawn': { reason: '申请人主动撤回' },
  'case.terminated': { reason: 'supplement-not-provided' },
  'case.rated': { level: 'very-satisfied', comment: '跨省办理，一次办好' },
};

const PATHS: Readonly<Record<CaseStatus, readonly string[]>> = {
  submitted: [],
  received: ['case.received'],
  'supplement-requested': ['case.received', 'case.supplement-requested'],
  supplemented: ['case.received', 'case.supplement-requested', 'case.supplemented'],
  accepted: ['case.received', 'case.accepted'],
  'not-accepted': ['case.received', 'case.not-accepted'],
  suspended: ['case.received', 'case.accepted', 'case.suspended'],
  approved: ['case.received', 'case.accepted', 'case.approved'],
  denied: ['case.received', 'case.accepted', 'case.denied'],
  delivered: ['case.received', 'case.accepted', 'case.approved', 'case.delivered'],
  closed: ['case.received', 'case.accepted', 'case.approved', 'case.delivered', 'case.closed'],
  withdrawn: ['case.withdrawn'],
  terminated: ['case.received', 'case.supplement-requested', 'case.terminated'],
};

/** Working days after the sample 收件 on Friday 2025-09-26 (国庆 10/1–10/8 off, 9/28 and 10/11 worked). */
const PATH_DAYS = ['2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-13', '2025-10-14'];

/**
 * The usual shortest history to `status`: 收件 at 09:00 on 2025-09-26, 签收 at 09:05, then one
 * event per working day from 2025-09-29, with SAMPLE_PAYLOADS.
 */
export function historyTo(flow: CaseFlow, status: CaseStatus): Envelope[] {
  const events = [flow.submitted(at('2025-09-26'))];
  PATHS[status].forEach((type, i) => {
    const time = type === 'case.received' ? at('2025-09-26', '09:05') : at(PATH_DAYS[PATHS[status][0] === 'case.received' ? i - 1 : i] ?? '2025-10-15');
    const payload = type === 'case.received' ? { receivedAt: time } : type === 'case.delivered' ? { ...SAMPLE_PAYLOADS[type], deliveredAt: time } : SAMPLE_PAYLOADS[type]!;
    events.push(flow.event(type, payload, time));
  });
  return events;
}

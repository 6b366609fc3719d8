/**
 * Which event moves a case from which states to which, and which side may send it. One table, so
 * the rules read like the law's sketch: 收件 → 签收 → 受理 → 审查 → 决定 → 送达 → 办结 → 评价.
 */
import { isCaseEventType, type CaseEventType } from './events.js';
import type { CaseStatus, Side } from './model.js';

export interface TransitionRule {
  /** The side whose region sends the event, and so the side that may call its RPC. */
  readonly by: Side;
  /**
   * The CaseService RPC (xr.gateway.v1) by which a caller makes the event; absent for events the
   * gateway makes itself (签收, answers to requests). The auth policy and the gRPC edge derive
   * which side may call which RPC from this column.
   */
  readonly rpc?: string;
  /** States the case may be in; `none` for the event that opens a case. */
  readonly from: readonly (CaseStatus | 'none')[];
  /** The state after the event; `unchanged` for events that record something without moving. */
  readonly to: CaseStatus | 'unchanged';
  /** Why the table says no, added to the message of an illegal transition. */
  readonly note?: string;
}

const ANY_STATUS: readonly CaseStatus[] = ['submitted', 'received', 'supplement-requested', 'supplemented', 'accepted', 'not-accepted', 'suspended', 'approved', 'denied', 'delivered', 'closed', 'withdrawn', 'terminated'];

const BEFORE_DECISION: readonly CaseStatus[] = ['submitted', 'received', 'supplement-requested', 'supplemented', 'accepted', 'suspended'];

const TABLE = {
  /** 收件: the receiving hall has done 形式审查 and 身份核验 and sends the case on. */
  'case.submitted': { by: 'receiving', rpc: 'SubmitCase', from: ['none'], to: 'submitted' },
  /** 签收: the handling region has the case and its materials. */
  'case.received': { by: 'handling', from: ['submitted'], to: 'received' },
  /** 补正告知 (Art. 32): one notice listing everything, within 5 working days of 签收. */
  'case.supplement-requested': { by: 'handling', rpc: 'RequestSupplement', from: ['received'], to: 'supplement-requested', note: 'a 补正 notice follows 签收 and comes before 受理' },
  /** 补正: the applicant supplies what the notice listed. */
  'case.supplemented': { by: 'receiving', rpc: 'ProvideSupplement', from: ['supplement-requested'], to: 'supplemented', note: 'only a case with an open 补正 notice can be supplemented' },
  /** 受理, on the standard basis, 容缺受理 or 告知承诺. */
  'case.accepted': { by: 'handling', rpc: 'AcceptCase', from: ['received', 'supplemented'], to: 'accepted', note: 'acceptance follows 签收 or 补正' },
  /** 不予受理. */
  'case.not-accepted': { by: 'handling', rpc: 'RefuseCase', from: ['received', 'supplemented'], to: 'not-accepted', note: 'refusal to accept follows 签收 or 补正' },
  /** 容缺补齐: outstanding materials arrive after 容缺受理. */
  'case.materials-completed': { by: 'receiving', rpc: 'CompleteMaterials', from: ['accepted'], to: 'unchanged', note: '容缺 materials are completed while the accepted case is under review' },
  /** 审查暂停 (Art. 45): hearing, testing, inspection, quarantine, expert review, appraisal. */
  'case.suspended': { by: 'handling', rpc: 'SuspendReview', from: ['accepted'], to: 'suspended', note: 'only a case under review can be suspended' },
  'case.resumed': { by: 'handling', rpc: 'ResumeReview', from: ['suspended'], to: 'accepted', note: 'only a suspended case can resume' },
  /** 延期 (Art. 42), once. */
  'case.extended': { by: 'handling', rpc: 'ExtendDeadline', from: ['accepted', 'suspended'], to: 'unchanged', note: 'the decision limit can be extended only while the case is under review' },
  /** 准予. */
  'case.approved': { by: 'handling', rpc: 'ApproveCase', from: ['accepted'], to: 'approved', note: 'a decision is made on an accepted case that is not suspended' },
  /** 不予许可. */
  'case.denied': { by: 'handling', rpc: 'DenyCase', from: ['accepted'], to: 'denied', note: 'a decision is made on an accepted case that is not suspended' },
  /**
   * 电子证照 (Art. 44): the handling region issues the certificate itself, in the same journal append
   * as its approval, and delivers it with the result.
   */
  'certificate.issued': { by: 'handling', from: ['approved'], to: 'unchanged', note: 'a certificate is issued with an approval, before delivery' },
  /** 送达 (Art. 44). */
  'case.delivered': { by: 'handling', rpc: 'RecordDelivery', from: ['approved', 'denied'], to: 'delivered', note: 'only a decision can be delivered' },
  /** 办结. */
  'case.closed': { by: 'handling', rpc: 'CloseCase', from: ['delivered'], to: 'closed', note: 'a case is closed after its decision is delivered' },
  /** 撤回: the applicant withdraws, through the receiving hall, before a decision. */
  'case.withdrawn': { by: 'receiving', rpc: 'WithdrawCase', from: BEFORE_DECISION, to: 'withdrawn', note: 'an application can be withdrawn only before a decision' },
  /** 终止: 容缺 not supplied, a false 告知承诺, or no 补正. */
  'case.terminated': { by: 'handling', rpc: 'TerminateCase', from: ['accepted', 'suspended', 'supplement-requested'], to: 'terminated', note: 'only a pending case can be terminated' },
  /** 好差评, once per transaction, after 办结. */
  'case.rated': { by: 'receiving', rpc: 'RateCase', from: ['closed'], to: 'unchanged', note: 'a case is rated after it is closed' },
  /**
   * The handling region took a request of the receiving region (补正, 容缺补齐, 撤回, 好差评): only
   * now does the receiving region's copy of the case change. The request travels inside.
   */
  'case.request-accepted': { by: 'handling', from: ANY_STATUS, to: 'unchanged' },
  /** The handling region refused a request of the receiving region; the case stays as it was. */
  'case.request-refused': { by: 'handling', from: ['none', ...ANY_STATUS], to: 'unchanged' },
} as const satisfies Readonly<Record<CaseEventType, TransitionRule>>;

/** One row per case event the schemas define: a schema without a row does not compile. */
export const TRANSITIONS: Readonly<Record<CaseEventType, TransitionRule>> = TABLE;

type Row = (typeof TABLE)[keyof typeof TABLE];

/** The RPCs that make case events, named in the table. */
export type TransitionRpc = Extract<Row, { readonly rpc: string }>['rpc'];

/** The event an RPC makes and the side that owns it, read off the table. */
export interface RpcTransition<R extends TransitionRpc = TransitionRpc> {
  readonly rpc: R;
  readonly type: CaseEventType;
  readonly side: Side;
}

/** Every transition RPC, in table order. */
export const TRANSITION_RPCS: readonly RpcTransition[] = Object.entries(TRANSITIONS).flatMap(([type, rule]) =>
  rule.rpc === undefined ? [] : [{ rpc: rule.rpc as TransitionRpc, type: type as CaseEventType, side: rule.by }],
);

/** The transition an RPC makes (`AcceptCase` → case.accepted by the handling side), if it makes one. */
export function transitionOfRpc(rpc: string): RpcTransition | undefined {
  return TRANSITION_RPCS.find((t) => t.rpc === rpc);
}

/**
 * Requests: events the receiving region sends about an existing case. The handling region decides
 * them; the receiving region applies one only when the handling region's case.request-accepted
 * comes back, so the two copies of a case never part (a withdrawal racing an approval, say).
 */
export function isRequest(type: string): boolean {
  return isCaseEventType(type) && TRANSITIONS[type].by === 'receiving' && type !== 'case.submitted';
}

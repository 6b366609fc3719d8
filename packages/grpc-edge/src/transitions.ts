/**
 * Every case transition as an RPC on the side that owns it. Which event an RPC makes and which
 * side owns it is the domain's transition table (TRANSITION_RPCS of @xr/domain); this file adds
 * only how a request becomes the payload. A request is checked here (case exists, this region is
 * the owning side), then by the gateway (schema, decide), then journaled; the caller gets the new case.
 */
import { transitionOfRpc, type CaseEventType, type Side, type TransitionRpc } from '@xr/domain';
import type { Material__Output } from '@xr/proto';
import { materialPayload } from './case-mapping.js';

type Req = Record<string, unknown> & { requestId: string; caseId: string };

type PayloadOfRequest = (req: Req, now: string) => Record<string, unknown>;

export interface TransitionSpec {
  readonly type: CaseEventType;
  readonly side: Side;
  readonly payload: PayloadOfRequest;
}

const materials = (list: unknown): Record<string, unknown>[] => (list as Material__Output[]).map(materialPayload);

const optional = (key: string, value: unknown): Record<string, unknown> => (value === '' || value === 0 || value === null || value === undefined ? {} : { [key]: value });

/** How each transition RPC's request becomes its event's payload (SubmitCase has its own handler: case-mapping.ts). */
const PAYLOADS = {
  ProvideSupplement: { payload: (r) => ({ materials: materials(r['materials']) }) },
  CompleteMaterials: { payload: (r) => ({ materials: materials(r['materials']) }) },
  WithdrawCase: { payload: (r) => optional('reason', r['reason']) },
  RateCase: { payload: (r) => ({ level: r['level'], ...optional('comment', r['comment']) }) },
  RequestSupplement: {
    payload: (r) => ({ items: (r['items'] as { material: string; reason: string }[]).map((i) => ({ material: i.material, reason: i.reason })), notice: r['notice'] }),
  },
  AcceptCase: {
    payload: (r) => {
      const outstanding = (r['outstanding'] as { name: string; dueDate: string }[]).map((m) => ({ name: m.name, dueDate: m.dueDate }));
      return { receiptNo: r['receiptNo'], basis: r['basis'] || 'standard', ...(outstanding.length > 0 ? { outstanding } : {}), ...optional('promisedDays', r['promisedDays']) };
    },
  },
  RefuseCase: { payload: (r) => ({ reason: r['reason'], legalBasis: r['legalBasis'] }) },
  SuspendReview: { payload: (r) => ({ reason: r['reason'], ...optional('note', r['note']) }) },
  ResumeReview: { payload: () => ({}) },
  ExtendDeadline: { payload: (r) => ({ days: r['days'], approvedBy: r['approvedBy'] }) },
  ApproveCase: {
    payload: (r) => {
      const cert = r['certificate'] as { type: string; id: string } | null;
      return { decisionNo: r['decisionNo'], ...(cert && cert.type ? { certificate: { type: cert.type, ...optional('id', cert.id) } } : {}) };
    },
  },
  DenyCase: { payload: (r) => ({ decisionNo: r['decisionNo'], reason: r['reason'], legalBasis: r['legalBasis'] }) },
  RecordDelivery: {
    payload: (r, now) => ({ method: r['method'], ...optional('trackingNo', r['trackingNo']), deliveredAt: r['deliveredAt'] || now }),
  },
  CloseCase: { payload: () => ({}) },
  TerminateCase: { payload: (r) => ({ reason: r['reason'], ...optional('note', r['note']) }) },
} as const satisfies Readonly<Record<Exclude<TransitionRpc, 'SubmitCase'>, { readonly payload: PayloadOfRequest }>>;

function spec(rpc: keyof typeof PAYLOADS): TransitionSpec {
  const t = transitionOfRpc(rpc);
  if (!t) throw new TypeError(`${rpc} has no row in the domain's transition table`);
  return { type: t.type, side: t.side, payload: PAYLOADS[rpc].payload };
}

/** Every transition RPC but SubmitCase: its event type and owning side (from the domain) and its payload. */
export const TRANSITION_RPCS: Readonly<Record<keyof typeof PAYLOADS, TransitionSpec>> = Object.fromEntries(
  (Object.keys(PAYLOADS) as (keyof typeof PAYLOADS)[]).map((rpc) => [rpc, spec(rpc)]),
) as Record<keyof typeof PAYLOADS, TransitionSpec>;

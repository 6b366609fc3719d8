/**
 * Every case transition as an RPC on the side that owns it: one table from RPC to event type,
 * owning side and payload. A request is checked here (case exists, this region is the owning
 * side), then by the gateway (schema, decide), then journaled; the caller gets the new case.
 */
import type { Side } from '@xr/domain';
import type { Material__Output } from '@xr/proto';

type Req = Record<string, unknown> & { requestId: string; caseId: string };

export interface TransitionSpec {
  readonly type: string;
  readonly side: Side;
  readonly payload: (req: Req, now: string) => Record<string, unknown>;
}

const materials = (list: unknown): Record<string, unknown>[] =>
  (list as Material__Output[]).map((m) => ({ name: m.name, sha256: m.sha256, size: m.size, mediaType: m.mediaType }));

const optional = (key: string, value: unknown): Record<string, unknown> => (value === '' || value === 0 || value === null || value === undefined ? {} : { [key]: value });

export const TRANSITION_RPCS = {
  ProvideSupplement: { type: 'case.supplemented', side: 'receiving', payload: (r) => ({ materials: materials(r['materials']) }) },
  CompleteMaterials: { type: 'case.materials-completed', side: 'receiving', payload: (r) => ({ materials: materials(r['materials']) }) },
  WithdrawCase: { type: 'case.withdrawn', side: 'receiving', payload: (r) => optional('reason', r['reason']) },
  RateCase: { type: 'case.rated', side: 'receiving', payload: (r) => ({ level: r['level'], ...optional('comment', r['comment']) }) },
  RequestSupplement: {
    type: 'case.supplement-requested',
    side: 'handling',
    payload: (r) => ({ items: (r['items'] as { material: string; reason: string }[]).map((i) => ({ material: i.material, reason: i.reason })), notice: r['notice'] }),
  },
  AcceptCase: {
    type: 'case.accepted',
    side: 'handling',
    payload: (r) => {
      const outstanding = (r['outstanding'] as { name: string; dueDate: string }[]).map((m) => ({ name: m.name, dueDate: m.dueDate }));
      return { receiptNo: r['receiptNo'], basis: r['basis'] || 'standard', ...(outstanding.length > 0 ? { outstanding } : {}), ...optional('promisedDays', r['promisedDays']) };
    },
  },
  RefuseCase: { type: 'case.not-accepted', side: 'handling', payload: (r) => ({ reason: r['reason'], legalBasis: r['legalBasis'] }) },
  SuspendReview: { type: 'case.suspended', side: 'handling', payload: (r) => ({ reason: r['reason'], ...optional('note', r['note']) }) },
  ResumeReview: { type: 'case.resumed', side: 'handling', payload: () => ({}) },
  ExtendDeadline: { type: 'case.extended', side: 'handling', payload: (r) => ({ days: r['days'], approvedBy: r['approvedBy'] }) },
  ApproveCase: {
    type: 'case.approved',
    side: 'handling',
    payload: (r) => {
      const cert = r['certificate'] as { type: string; id: string } | null;
      return { decisionNo: r['decisionNo'], ...(cert && cert.type ? { certificate: { type: cert.type, ...optional('id', cert.id) } } : {}) };
    },
  },
  DenyCase: { type: 'case.denied', side: 'handling', payload: (r) => ({ decisionNo: r['decisionNo'], reason: r['reason'], legalBasis: r['legalBasis'] }) },
  RecordDelivery: {
    type: 'case.delivered',
    side: 'handling',
    payload: (r, now) => ({ method: r['method'], ...optional('trackingNo', r['trackingNo']), deliveredAt: r['deliveredAt'] || now }),
  },
  CloseCase: { type: 'case.closed', side: 'handling', payload: () => ({}) },
  TerminateCase: { type: 'case.terminated', side: 'handling', payload: (r) => ({ reason: r['reason'], ...optional('note', r['note']) }) },
} as const satisfies Readonly<Record<string, TransitionSpec>>;

/**
 * Payloads of the lifecycle events after 收件 and 签收 (those two live in model.ts). Their JSON
 * Schemas are schemas/events/<type>.v1.json; these types describe what a schema-valid payload is.
 */
import type { Envelope } from '../envelope.js';
import type {
  AcceptanceBasis,
  DeliveryMethod,
  Material,
  OutstandingMaterial,
  RatingLevel,
  SupplementItem,
  SuspensionReason,
  TerminationReason,
} from './model.js';

/** case.supplement-requested — 补正告知: everything to supplement, in one notice (Art. 32). */
export interface SupplementRequestedPayload {
  readonly items: readonly SupplementItem[];
  readonly notice: string;
}

/** case.supplemented — 补正: the applicant's answer, covering every requested material. */
export interface SupplementedPayload {
  readonly materials: readonly Material[];
}

/** case.accepted — 受理, with a dated receipt (Art. 32). */
export interface AcceptedPayload {
  readonly receiptNo: string;
  readonly basis: AcceptanceBasis;
  /** 容缺受理: what is still owed and by when; present iff basis is deferred-materials. */
  readonly outstanding?: readonly OutstandingMaterial[];
  /** 承诺时限 in working days, not above the item's 法定时限. */
  readonly promisedDays?: number;
}

/** case.not-accepted — 不予受理. */
export interface NotAcceptedPayload {
  readonly reason: string;
  readonly legalBasis: string;
}

/** case.materials-completed — 容缺补齐. */
export interface MaterialsCompletedPayload {
  readonly materials: readonly Material[];
}

/** case.suspended — Art. 45: time for these procedures is not counted. */
export interface SuspendedPayload {
  readonly reason: SuspensionReason;
  readonly note?: string;
}

export interface ResumedPayload {
  readonly note?: string;
}

/** case.extended — Art. 42 延期, once, approved by the head of the office. */
export interface ExtendedPayload {
  readonly days: number;
  readonly approvedBy: string;
}

/** case.approved — 准予. */
export interface ApprovedPayload {
  readonly decisionNo: string;
  readonly certificate?: { readonly type: string; readonly id?: string };
}

/** case.denied — 不予许可, with reasons and the legal basis (Art. 38). */
export interface DeniedPayload {
  readonly decisionNo: string;
  readonly reason: string;
  readonly legalBasis: string;
}

/** case.delivered — 送达 (Art. 44). */
export interface DeliveredPayload {
  readonly method: DeliveryMethod;
  /** Required iff method is post. */
  readonly trackingNo?: string;
  readonly deliveredAt: string;
}

export interface ClosedPayload {
  readonly note?: string;
}

/** case.withdrawn — 撤回 by the applicant, before a decision. */
export interface WithdrawnPayload {
  readonly reason?: string;
}

/** case.terminated — 终止. */
export interface TerminatedPayload {
  readonly reason: TerminationReason;
  readonly note?: string;
}

/** case.rated — 好差评, once per transaction. */
export interface RatedPayload {
  readonly level: RatingLevel;
  readonly comment?: string;
}

/** The handling region took a request; the request (as its sender signed it) travels inside. */
export interface RequestAcceptedPayload {
  readonly request: Envelope;
}

/** The handling region refused a request: which, and why (a stable code). */
export interface RequestRefusedPayload {
  readonly eventId: string;
  readonly type: string;
  readonly code: string;
  readonly message: string;
}

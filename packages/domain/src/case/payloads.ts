/**
 * Names of the case events' payload types. The types themselves are generated from the JSON
 * Schemas (schemas/events/<type>.v1.json → generated/events.ts); these aliases keep the names
 * the domain and its users have always had.
 */
import type * as G from '../generated/events.js';

/** case.submitted — 收件. */
export type SubmittedPayload = G.CaseSubmittedV1Payload;
/** case.received — 签收. */
export type ReceivedPayload = G.CaseReceivedV1Payload;
/** case.supplement-requested — 补正告知: everything to supplement, in one notice (Art. 32). */
export type SupplementRequestedPayload = G.CaseSupplementRequestedV1Payload;
/** case.supplemented — 补正: the applicant's answer, covering every requested material. */
export type SupplementedPayload = G.CaseSupplementedV1Payload;
/** case.accepted — 受理, with a dated receipt (Art. 32). */
export type AcceptedPayload = G.CaseAcceptedV1Payload;
/** case.not-accepted — 不予受理. */
export type NotAcceptedPayload = G.CaseNotAcceptedV1Payload;
/** case.materials-completed — 容缺补齐. */
export type MaterialsCompletedPayload = G.CaseMaterialsCompletedV1Payload;
/** case.suspended — Art. 45: time for these procedures is not counted. */
export type SuspendedPayload = G.CaseSuspendedV1Payload;
export type ResumedPayload = G.CaseResumedV1Payload;
/** case.extended — Art. 42 延期, once, approved by the head of the office. */
export type ExtendedPayload = G.CaseExtendedV1Payload;
/** case.approved — 准予. */
export type ApprovedPayload = G.CaseApprovedV1Payload;
/** case.denied — 不予许可, with reasons and the legal basis (Art. 38). */
export type DeniedPayload = G.CaseDeniedV1Payload;
/** case.delivered — 送达 (Art. 44). */
export type DeliveredPayload = G.CaseDeliveredV1Payload;
export type ClosedPayload = G.CaseClosedV1Payload;
/** case.withdrawn — 撤回 by the applicant, before a decision. */
export type WithdrawnPayload = G.CaseWithdrawnV1Payload;
/** case.terminated — 终止. */
export type TerminatedPayload = G.CaseTerminatedV1Payload;
/** case.rated — 好差评, once per transaction. */
export type RatedPayload = G.CaseRatedV1Payload;
/** The handling region took a request; the request (as its sender signed it) travels inside. */
export type RequestAcceptedPayload = G.CaseRequestAcceptedV1Payload;
/** The handling region refused a request: which, and why (a stable code). */
export type RequestRefusedPayload = G.CaseRequestRefusedV1Payload;

/**
 * The gateway's policy table (and the admin service's: one table for every xr RPC). Adding an RPC
 * is one line: `[\`${CASES}/AcceptCase\`, RULES.handlingTransition],`. AdminService and AuditService
 * are covered by pattern; a mutating AuditService RPC or AdminService List* must be named explicitly.
 */
import { buildPolicy, RULES, type PolicyEntry } from './policy.js';

const PKG = 'xr.gateway.v1';
export const CASES = `${PKG}.CaseService`;
export const OPS = `${PKG}.OpsService`;
export const ADMIN = 'xr.admin.v1.AdminService';
const AUDIT = `${PKG}.AuditService`;

export const GATEWAY_POLICY_ENTRIES: readonly PolicyEntry[] = [
  [`${CASES}/SubmitCase`, RULES.receivingTransition],
  [`${CASES}/GetCase`, RULES.caseRead],
  [`${CASES}/WatchCase`, RULES.caseRead],
  [`${CASES}/ListCases`, RULES.caseRead],
  [`${CASES}/WatchInbox`, RULES.caseRead],
  [`${CASES}/ProvideSupplement`, RULES.receivingTransition],
  [`${CASES}/CompleteMaterials`, RULES.receivingTransition],
  [`${CASES}/WithdrawCase`, RULES.receivingTransition],
  [`${CASES}/RateCase`, RULES.receivingTransition],
  [`${CASES}/RequestSupplement`, RULES.handlingTransition],
  [`${CASES}/AcceptCase`, RULES.handlingTransition],
  [`${CASES}/RefuseCase`, RULES.handlingTransition],
  [`${CASES}/SuspendReview`, RULES.handlingTransition],
  [`${CASES}/ResumeReview`, RULES.handlingTransition],
  [`${CASES}/ExtendDeadline`, RULES.handlingTransition],
  [`${CASES}/ApproveCase`, RULES.handlingTransition],
  [`${CASES}/DenyCase`, RULES.handlingTransition],
  [`${CASES}/RecordDelivery`, RULES.handlingTransition],
  [`${CASES}/CloseCase`, RULES.handlingTransition],
  [`${CASES}/TerminateCase`, RULES.handlingTransition],
  [`${OPS}/GetStats`, RULES.opsRead],
  [`${ADMIN}/*`, RULES.adminWrite],
  [`${ADMIN}/List*`, RULES.adminRead],
  [`${AUDIT}/*`, RULES.auditRead],
];

export const GATEWAY_POLICY = buildPolicy(GATEWAY_POLICY_ENTRIES);

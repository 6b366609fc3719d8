/**
 * The gateway's policy table (and the admin service's: one table for every xr RPC). CaseService
 * transitions come from the domain's transition table (its `rpc` and `by` columns: which side
 * owns which RPC); the CaseService RPCs that make no event are listed here with their rule.
 * AdminService and AuditService are covered by pattern; a mutating AuditService RPC or
 * AdminService List* must be named explicitly (so must a reading AdminService RPC not named List*).
 */
import { TRANSITION_RPCS, type Side } from '@xr/domain';
import { buildPolicy, RULES, type PolicyEntry, type PolicyRule } from './policy.js';

const PKG = 'xr.gateway.v1';
export const CASES = `${PKG}.CaseService`;
export const OPS = `${PKG}.OpsService`;
export const CERTIFICATES = `${PKG}.CertificateService`;
export const ADMIN = 'xr.admin.v1.AdminService';
export const AUDIT = 'xr.audit.v1.AuditService';

/** The rule of a transition RPC, by the side that owns it. */
const TRANSITION_RULE: Readonly<Record<Side, PolicyRule>> = { receiving: RULES.receivingTransition, handling: RULES.handlingTransition };

/** CaseService RPCs that are no transition (they read or follow cases), with their rule. */
export const CASE_QUERY_RPCS = {
  GetCase: RULES.caseRead,
  WatchCase: RULES.caseRead,
  ListCases: RULES.caseRead,
  WatchInbox: RULES.caseRead,
} as const satisfies Readonly<Record<string, PolicyRule>>;

export const GATEWAY_POLICY_ENTRIES: readonly PolicyEntry[] = [
  ...TRANSITION_RPCS.map((t): PolicyEntry => [`${CASES}/${t.rpc}`, TRANSITION_RULE[t.side]]),
  ...Object.entries(CASE_QUERY_RPCS).map(([rpc, rule]): PolicyEntry => [`${CASES}/${rpc}`, rule]),
  [`${OPS}/GetStats`, RULES.opsRead],
  // 电子证照: a party's systems read their case's certificate (the handler checks the parties);
  // anyone authenticated verifies or fetches the status list; only the issuing region's systems
  // change a status (the handler checks the certificate is this region's).
  [`${CERTIFICATES}/GetCertificate`, RULES.caseRead],
  [`${CERTIFICATES}/VerifyCertificate`, RULES.anyRead],
  [`${CERTIFICATES}/GetStatusList`, RULES.anyRead],
  [`${CERTIFICATES}/RevokeCertificate`, RULES.issuerWrite],
  [`${CERTIFICATES}/SuspendCertificate`, RULES.issuerWrite],
  [`${CERTIFICATES}/ReinstateCertificate`, RULES.issuerWrite],
  [`${ADMIN}/*`, RULES.adminWrite],
  [`${ADMIN}/List*`, RULES.adminRead],
  [`${ADMIN}/GetWitnessPolicy`, RULES.adminRead],
  [`${AUDIT}/*`, RULES.auditRead],
];

export const GATEWAY_POLICY = buildPolicy(GATEWAY_POLICY_ENTRIES);

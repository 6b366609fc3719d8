import { describe, expect, it } from 'vitest';
import { authorizationMatrix, authorize, buildPolicy, CASES, GATEWAY_POLICY, GATEWAY_POLICY_ENTRIES, ROLES, RULES, UNKNOWN_RPC, type MatrixRow, type Policy } from '../src/index.js';

/** The gateway table without AcceptCase, to show adding one line. */
const WITHOUT_ACCEPT = GATEWAY_POLICY_ENTRIES.filter(([rpc]) => rpc !== `${CASES}/AcceptCase`);

const REGIONS = ['371500', '370200', '*'];

function disagreements(policy: Policy, rows: readonly MatrixRow[]): MatrixRow[] {
  return rows.filter((row) => authorize(row.caller, row.rpc, row.context, policy).ok !== (row.expected === 'allow'));
}

describe('authorizationMatrix', () => {
  const rows = authorizationMatrix(GATEWAY_POLICY, ROLES, REGIONS, { rpcs: ['xr.admin.v1.AdminService/RotateKey'] });

  it('enumerates every RPC × role × region, with case positions for case RPCs', () => {
    const caseRpcs = 5 + 15 + 6; // SubmitCase, GetCase, WatchCase, ListCases, WatchInbox, the 15 lifecycle transitions, and CertificateService's six (own region)
    const otherRpcs = 1 + 3 + 1 + 1 + 1; // GetStats, AdminService/*, List* and GetWitnessPolicy, AuditService/*, RotateKey, unknown
    expect(rows).toHaveLength(ROLES.length * REGIONS.length * (caseRpcs * 4 + otherRpcs));
    expect(new Set(rows.map((r) => r.rpc))).toContain(UNKNOWN_RPC);
  });

  it('agrees with authorize on the gateway policy', () => {
    expect(disagreements(GATEWAY_POLICY, rows)).toEqual([]);
  });

  it('states the rules the brief gives', () => {
    const expect1 = (rpc: string, role: string, region: string, position = 'none'): string | undefined =>
      rows.find((r) => r.rpc === rpc && r.caller.role === role && r.caller.region === region && r.position === position)?.expected;
    expect(expect1(`${CASES}/SubmitCase`, 'system', '371500')).toBe('allow');
    expect(expect1(`${CASES}/SubmitCase`, 'system', '370200')).toBe('deny');
    expect(expect1(`${CASES}/SubmitCase`, 'system', '371500', 'handling')).toBe('deny');
    expect(expect1(`${CASES}/GetCase`, 'system', '371500', 'stranger')).toBe('deny');
    expect(expect1(`${CASES}/GetCase`, 'auditor', '*', 'stranger')).toBe('allow');
    // Only the issuing region's systems change a certificate's status; anyone here may verify one.
    expect(expect1('xr.gateway.v1.CertificateService/RevokeCertificate', 'system', '371500')).toBe('allow');
    expect(expect1('xr.gateway.v1.CertificateService/RevokeCertificate', 'system', '370200')).toBe('deny');
    expect(expect1('xr.gateway.v1.CertificateService/RevokeCertificate', 'admin', '*')).toBe('deny');
    expect(expect1('xr.gateway.v1.CertificateService/VerifyCertificate', 'auditor', '*')).toBe('allow');
    expect(expect1('xr.admin.v1.AdminService/Example', 'auditor', '*')).toBe('deny');
    expect(expect1('xr.admin.v1.AdminService/ListExample', 'auditor', '*')).toBe('allow');
    expect(rows.filter((r) => r.rpc === UNKNOWN_RPC).every((r) => r.expected === 'deny')).toBe(true);
    expect(rows.filter((r) => r.caller.role === 'auditor' && r.ruleKey && GATEWAY_POLICY[r.ruleKey]?.mutates).every((r) => r.expected === 'deny')).toBe(true);
  });

  it('covers a lifecycle RPC added in one line', () => {
    const extended = buildPolicy([...WITHOUT_ACCEPT, [`${CASES}/AcceptCase`, RULES.handlingTransition]]);
    const more = authorizationMatrix(extended, ROLES, REGIONS);
    expect(disagreements(extended, more)).toEqual([]);
    const allowed = more.filter((r) => r.rpc === `${CASES}/AcceptCase` && r.expected === 'allow');
    expect(allowed.map((r) => [r.caller.role, r.caller.region, r.position])).toEqual([
      ['system', '371500', 'none'],
      ['system', '371500', 'handling'],
    ]);
  });

  it('catches a table line that forgets the side', () => {
    const extended = buildPolicy([...WITHOUT_ACCEPT, [`${CASES}/AcceptCase`, RULES.handlingTransition]]);
    const lax = buildPolicy([...WITHOUT_ACCEPT, [`${CASES}/AcceptCase`, { ...RULES.caseRead, roles: ['system'], mutates: true }]]);
    const rows2 = authorizationMatrix(extended, ROLES, REGIONS);
    expect(disagreements(lax, rows2).length).toBeGreaterThan(0);
  });
});

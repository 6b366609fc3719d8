import { describe, expect, it } from 'vitest';
import { authorize, buildPolicy, CASES, GATEWAY_POLICY, GATEWAY_POLICY_ENTRIES, RULES, ruleFor, type Caller, type Role } from '../src/index.js';

/** The gateway table without AcceptCase, to show adding one line. */
const WITHOUT_ACCEPT = GATEWAY_POLICY_ENTRIES.filter(([rpc]) => rpc !== `${CASES}/AcceptCase`);

const HERE = '371500';
const PARTNER = '370200';
const who = (role: Role, region: string): Caller => ({ subject: `${role}-1`, issuer: 'test', role, region });
const at = { region: HERE };

describe('authorize on the gateway policy', () => {
  it('lets the own-region system submit, and nobody else', () => {
    expect(authorize(who('system', HERE), `${CASES}/SubmitCase`, at).ok).toBe(true);
    expect(authorize(who('system', PARTNER), `${CASES}/SubmitCase`, at)).toMatchObject({ ok: false, code: 'XR_PERMISSION_DENIED' });
    expect(authorize(who('admin', '*'), `${CASES}/SubmitCase`, at)).toMatchObject({ ok: false, code: 'XR_PERMISSION_DENIED' });
  });

  it('says who may call a denied RPC', () => {
    const denied = authorize(who('auditor', '*'), `/${CASES}/SubmitCase`, at);
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.message).toContain(`may be called by system of ${HERE} on cases ${HERE} is party to, as the receiving side`);
  });

  it('lets system, admin and auditor read cases; a region-bound auditor only on its own gateway', () => {
    for (const role of ['system', 'admin', 'auditor'] as const) expect(authorize(who(role, HERE), `${CASES}/GetCase`, at).ok).toBe(true);
    expect(authorize(who('auditor', '*'), `${CASES}/WatchCase`, at).ok).toBe(true);
    expect(authorize(who('auditor', PARTNER), `${CASES}/ListCases`, at).ok).toBe(false);
  });

  it('shows a system only the cases its region is party to', () => {
    const mine = { region: HERE, caseParties: { receiving: PARTNER, handling: HERE } };
    const theirs = { region: HERE, caseParties: { receiving: PARTNER, handling: '110000' } };
    expect(authorize(who('system', HERE), `${CASES}/GetCase`, mine).ok).toBe(true);
    expect(authorize(who('system', HERE), `${CASES}/GetCase`, theirs)).toMatchObject({ ok: false, code: 'XR_PERMISSION_DENIED' });
    expect(authorize(who('auditor', '*'), `${CASES}/GetCase`, theirs).ok).toBe(true);
  });

  it('gives stats to admin and auditor, not to systems', () => {
    expect(authorize(who('admin', '*'), 'xr.gateway.v1.OpsService/GetStats', at).ok).toBe(true);
    expect(authorize(who('auditor', HERE), 'xr.gateway.v1.OpsService/GetStats', at).ok).toBe(true);
    expect(authorize(who('system', HERE), 'xr.gateway.v1.OpsService/GetStats', at).ok).toBe(false);
  });

  it('gives AdminService to admins, and its List* to auditors too', () => {
    expect(authorize(who('admin', '*'), 'xr.admin.v1.AdminService/RegisterPartner', at).ok).toBe(true);
    expect(authorize(who('auditor', '*'), 'xr.admin.v1.AdminService/RegisterPartner', at).ok).toBe(false);
    expect(authorize(who('auditor', '*'), 'xr.admin.v1.AdminService/ListQuarantine', at).ok).toBe(true);
    expect(authorize(who('system', HERE), 'xr.admin.v1.AdminService/ListQuarantine', at).ok).toBe(false);
  });

  it('denies an RPC with no entry', () => {
    const denied = authorize(who('admin', '*'), 'xr.gateway.v1.CaseService/DeleteEverything', at);
    expect(denied).toMatchObject({ ok: false, code: 'XR_PERMISSION_DENIED' });
    if (!denied.ok) expect(denied.message).toContain('deny by default');
  });
});

describe('transitions by side', () => {
  const policy = buildPolicy([...WITHOUT_ACCEPT, [`${CASES}/AcceptCase`, RULES.handlingTransition], [`${CASES}/Transition`, { roles: ['system'], scope: 'own-region', mutates: true }]]);
  const handledHere = { region: HERE, caseParties: { receiving: PARTNER, handling: HERE } };
  const receivedHere = { region: HERE, caseParties: { receiving: HERE, handling: PARTNER } };

  it('lets the handling side decide, not the receiving side', () => {
    expect(authorize(who('system', HERE), `${CASES}/AcceptCase`, handledHere, policy).ok).toBe(true);
    expect(authorize(who('system', HERE), `${CASES}/AcceptCase`, receivedHere, policy)).toMatchObject({ ok: false, code: 'XR_PERMISSION_DENIED' });
  });

  it('takes the side from the context when the rule has none, and refuses a contradiction', () => {
    expect(authorize(who('system', HERE), `${CASES}/Transition`, { ...receivedHere, side: 'receiving' }, policy).ok).toBe(true);
    expect(authorize(who('system', HERE), `${CASES}/Transition`, { ...receivedHere, side: 'handling' }, policy).ok).toBe(false);
    expect(authorize(who('system', HERE), `${CASES}/AcceptCase`, { ...handledHere, side: 'receiving' }, policy).ok).toBe(false);
  });
});

describe('buildPolicy', () => {
  it('refuses malformed tables', () => {
    expect(() => buildPolicy([['CaseService/GetCase', RULES.caseRead]])).toThrow(/package.Service\/Method/);
    expect(() => buildPolicy([[`${CASES}/GetCase`, RULES.caseRead], [`${CASES}/GetCase`, RULES.caseRead]])).toThrow(/twice/);
    expect(() => buildPolicy([[`${CASES}/Fix`, { roles: ['auditor'], scope: 'any', mutates: true }]])).toThrow(/auditors/);
    expect(() => buildPolicy([[`${CASES}/Look`, { roles: ['system'], scope: 'own-region', mutates: false, side: 'handling' }]])).toThrow(/side/);
  });

  it('prefers an exact key, then the longest pattern', () => {
    expect(ruleFor(GATEWAY_POLICY, 'xr.admin.v1.AdminService/ListPartners')?.key).toBe('xr.admin.v1.AdminService/List*');
    expect(ruleFor(GATEWAY_POLICY, '/xr.admin.v1.AdminService/SuspendPartner')?.key).toBe('xr.admin.v1.AdminService/*');
    expect(ruleFor(GATEWAY_POLICY, `${CASES}/GetCase`)?.key).toBe(`${CASES}/GetCase`);
    expect(ruleFor(GATEWAY_POLICY, 'xr.admin.v1.AdminServiceX/Foo')).toBeUndefined();
  });
});

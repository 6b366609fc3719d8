import { CASE_QUERY_RPCS, CASES, GATEWAY_POLICY, ruleFor } from '@xr/auth';
import { TRANSITION_RPCS as DOMAIN_RPCS, TRANSITIONS, transitionOfRpc } from '@xr/domain';
import { loadServices } from '@xr/proto';
import { describe, expect, it } from 'vitest';
import { TRANSITION_RPCS as EDGE_RPCS } from '../src/transitions.js';

/** The methods of xr.gateway.v1.CaseService, as the .proto declares them. */
const PROTO_METHODS = Object.values(loadServices().cases.CaseService.service).map((m) => m.path.replace(`/${CASES}/`, ''));

/** The CaseService RPCs that have no row: neither a transition in the domain's table nor a listed query. */
function rowless(methods: readonly string[]): string[] {
  return methods.filter((m) => transitionOfRpc(m) === undefined && !Object.hasOwn(CASE_QUERY_RPCS, m));
}

describe('which side owns which RPC: the domain transition table is the one source', () => {
  it('reads the CaseService methods from the .proto', () => {
    expect(PROTO_METHODS).toContain('AcceptCase');
    expect(PROTO_METHODS).toContain('GetCase');
    expect(PROTO_METHODS.length).toBeGreaterThan(15);
  });

  it('every CaseService RPC in the .proto has a row: a transition, or a query with its policy', () => {
    expect(rowless(PROTO_METHODS)).toEqual([]);
    // The check names an RPC added to the contract without a row.
    expect(rowless([...PROTO_METHODS, 'TeleportCase'])).toEqual(['TeleportCase']);
  });

  it('no row names an RPC the contract lacks, and no RPC is both a transition and a query', () => {
    const rows = [...DOMAIN_RPCS.map((t) => t.rpc), ...Object.keys(CASE_QUERY_RPCS)];
    expect(rows.filter((r) => !PROTO_METHODS.includes(r))).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('each transition RPC is the row of its event, owned by the side that sends the event', () => {
    for (const t of DOMAIN_RPCS) {
      expect(TRANSITIONS[t.type].rpc, t.rpc).toBe(t.rpc);
      expect(t.side, t.rpc).toBe(TRANSITIONS[t.type].by);
    }
    expect(transitionOfRpc('AcceptCase')).toEqual({ rpc: 'AcceptCase', type: 'case.accepted', side: 'handling' });
    expect(transitionOfRpc('RateCase')).toEqual({ rpc: 'RateCase', type: 'case.rated', side: 'receiving' });
    expect(transitionOfRpc('GetCase')).toBeUndefined();
  });

  it('the auth policy gives each transition RPC its side, and queries none', () => {
    for (const t of DOMAIN_RPCS) {
      const found = ruleFor(GATEWAY_POLICY, `${CASES}/${t.rpc}`);
      expect(found?.key, t.rpc).toBe(`${CASES}/${t.rpc}`);
      expect(found?.rule).toMatchObject({ side: t.side, mutates: true, scope: 'own-region', roles: ['system'] });
    }
    for (const [rpc, rule] of Object.entries(CASE_QUERY_RPCS)) {
      expect(GATEWAY_POLICY[`${CASES}/${rpc}`], rpc).toEqual(rule);
      expect(rule.mutates, rpc).toBe(false);
      expect('side' in rule, rpc).toBe(false);
    }
  });

  it('the edge serves every transition RPC but SubmitCase (its own handler) with the domain’s event and side', () => {
    expect(Object.keys(EDGE_RPCS).sort()).toEqual(DOMAIN_RPCS.map((t) => t.rpc).filter((r) => r !== 'SubmitCase').sort());
    for (const [rpc, spec] of Object.entries(EDGE_RPCS)) expect({ type: spec.type, side: spec.side }, rpc).toEqual({ type: transitionOfRpc(rpc)?.type, side: transitionOfRpc(rpc)?.side });
  });
});

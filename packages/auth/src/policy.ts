/**
 * Authorization policy as data: one rule per RPC (`package.Service/Method`). A key may end in `*`
 * (`pkg.AdminService/*`, `pkg.AdminService/List*`) to cover methods by prefix; an exact key beats
 * a pattern and the longest pattern wins. No rule, no call (deny by default).
 */
import type { Side } from '@xr/domain';
import { XrError } from '@xr/domain';
import type { Role } from './caller.js';

export interface PolicyRule {
  readonly roles: readonly Role[];
  /**
   * `own-region`: the RPC touches a case; a caller with a concrete region sees only cases that
   * region is party to, and a transition must be owned by this gateway's side of the case.
   * `any`: not about one case (stats, registry, audit); no case check.
   */
  readonly scope: 'own-region' | 'any';
  /** Changes state. Auditors never may, whatever `roles` says. */
  readonly mutates: boolean;
  /** For a case transition: the side that owns it (receiving: submit, supplement…; handling: decisions). */
  readonly side?: Side;
}

export type Policy = Readonly<Record<string, PolicyRule>>;

/** One line of a policy table: `[rpc, rule]`. */
export type PolicyEntry = readonly [rpc: string, rule: PolicyRule];

/** Rules that most RPCs share; adding a gateway RPC is one `[name, RULES.x]` line. */
export const RULES = {
  /** 收件, 补正, 容缺补齐, 撤回, 好差评: the receiving region's system. */
  receivingTransition: { roles: ['system'], scope: 'own-region', mutates: true, side: 'receiving' },
  /** 签收, 补正告知, 受理, decisions, 送达, 办结: the handling region's system. */
  handlingTransition: { roles: ['system'], scope: 'own-region', mutates: true, side: 'handling' },
  caseRead: { roles: ['system', 'admin', 'auditor'], scope: 'own-region', mutates: false },
  opsRead: { roles: ['admin', 'auditor'], scope: 'any', mutates: false },
  adminWrite: { roles: ['admin'], scope: 'any', mutates: true },
  adminRead: { roles: ['admin', 'auditor'], scope: 'any', mutates: false },
  auditRead: { roles: ['auditor', 'admin'], scope: 'any', mutates: false },
  /** Not about one case and changing nothing: verifying a certificate, a status list. */
  anyRead: { roles: ['system', 'admin', 'auditor'], scope: 'own-region', mutates: false },
  /** A region's systems acting on what the region issued (its certificates' status). */
  issuerWrite: { roles: ['system'], scope: 'own-region', mutates: true },
} as const satisfies Record<string, PolicyRule>;

const RPC = /^[A-Za-z_][\w.]*\.[A-Za-z_]\w*\/(?:[A-Za-z_]\w*\*?|\*)$/;

/** A policy from table lines. A malformed table is a programming error and throws at load. */
export function buildPolicy(entries: Iterable<PolicyEntry>): Policy {
  const policy: Record<string, PolicyRule> = {};
  for (const [rpc, rule] of entries) {
    const wrong =
      (!RPC.test(rpc) && `RPC ${rpc} is not package.Service/Method (optionally ending in *)`) ||
      (Object.hasOwn(policy, rpc) && `RPC ${rpc} appears twice`) ||
      (rule.roles.length === 0 && `RPC ${rpc} names no role`) ||
      (rule.mutates && rule.roles.includes('auditor') && `RPC ${rpc} mutates, so auditors may not call it`) ||
      (rule.side !== undefined && (!rule.mutates || rule.scope !== 'own-region') && `RPC ${rpc} has a side, so it must be an own-region mutation`);
    if (wrong) throw new XrError('XR_INTERNAL', `policy table: ${wrong}`);
    policy[rpc] = Object.freeze({ ...rule, roles: Object.freeze([...rule.roles]) });
  }
  return Object.freeze(policy);
}

/** The rule for an RPC (`pkg.Service/Method`, with or without the leading `/`), with the key that matched. */
export function ruleFor(policy: Policy, rpc: string): { readonly key: string; readonly rule: PolicyRule } | undefined {
  const name = rpc.startsWith('/') ? rpc.slice(1) : rpc;
  const exact = Object.hasOwn(policy, name) ? policy[name] : undefined;
  if (exact) return { key: name, rule: exact };
  let best: { key: string; rule: PolicyRule } | undefined;
  for (const [key, rule] of Object.entries(policy)) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (name.startsWith(prefix) && !name.slice(prefix.length).includes('/') && (!best || key.length > best.key.length)) best = { key, rule };
  }
  return best;
}

/**
 * May this caller call this RPC here? Roles and regions from the policy table; case parties and
 * the side that owns a transition from the context, when the handler knows the case. A denial is
 * XR_PERMISSION_DENIED with a message saying who may call the RPC.
 */
import { fail, ok, type Result, type Side } from '@xr/domain';
import { ALL_REGIONS, type Caller } from './caller.js';
import { GATEWAY_POLICY } from './gateway-policy.js';
import { ruleFor, type Policy, type PolicyRule } from './policy.js';

export interface CaseParties {
  readonly receiving: string;
  readonly handling: string;
}

export interface AuthorizationContext {
  /** The gateway's own region. */
  readonly region: string;
  /** The case the call is about, once the handler has it. Without it only role and region are checked. */
  readonly caseParties?: CaseParties;
  /** The side owning the transition, for an RPC whose rule cannot say (e.g. one that takes an event type). */
  readonly side?: Side;
}

/** Who may call an RPC governed by `rule` on the gateway of `region`, in words. */
export function describeRule(rule: PolicyRule, region: string): string {
  const who = rule.roles.map((role) => (role === 'system' ? `system of ${region}` : `${role} of ${region} or ${ALL_REGIONS}`)).join(', ');
  const scope = rule.scope === 'own-region' ? ` on cases ${region} is party to` : '';
  const side = rule.side ? `, as the ${rule.side} side` : '';
  return `${who}${scope}${side}`;
}

function why(rule: PolicyRule, caller: Caller, context: AuthorizationContext): string | undefined {
  const here = context.region;
  if (!rule.roles.includes(caller.role)) return `role ${caller.role} may not call it`;
  if (caller.role === 'auditor' && rule.mutates) return 'auditors change nothing';
  if (caller.region === ALL_REGIONS && caller.role === 'system') return 'a system caller must act for one region';
  if (caller.region !== ALL_REGIONS && caller.region !== here) return `the caller acts for ${caller.region}, this gateway is ${here}`;
  if (rule.scope !== 'own-region') return undefined;
  if (rule.side && context.side && rule.side !== context.side) return `it is a ${rule.side}-side transition, not ${context.side}-side`;
  const side = rule.side ?? context.side;
  const parties = context.caseParties;
  if (!parties) return undefined;
  if (caller.region !== ALL_REGIONS && parties.receiving !== caller.region && parties.handling !== caller.region) return `${caller.region} is not party to this case`;
  if (side && parties[side] !== here) return `it is a ${side}-side transition and ${here} is not this case's ${side} region`;
  return undefined;
}

export function authorize(caller: Caller, rpc: string, context: AuthorizationContext, policy: Policy = GATEWAY_POLICY): Result<Caller> {
  const name = rpc.startsWith('/') ? rpc.slice(1) : rpc;
  const found = ruleFor(policy, name);
  const denied = `${name} denied to ${caller.role} ${caller.subject} (region ${caller.region})`;
  if (!found) return fail('XR_PERMISSION_DENIED', `${denied}: no policy allows it (deny by default)`);
  const reason = why(found.rule, caller, context);
  return reason === undefined ? ok(caller) : fail('XR_PERMISSION_DENIED', `${denied}: ${reason}; it may be called by ${describeRule(found.rule, context.region)}`);
}

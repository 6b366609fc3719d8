/**
 * A table-driven test generator: every RPC × role × caller region × where this gateway stands in
 * the case, with the outcome the rules (restated plainly here, apart from `authorize`) expect.
 * Run `authorize` on each row and compare; print the rows to review a policy by eye.
 */
import type { Side } from '@xr/domain';
import { ALL_REGIONS, type Caller, type Role } from './caller.js';
import type { AuthorizationContext } from './authorize.js';
import { ruleFor, type Policy, type PolicyRule } from './policy.js';

/** Where the gateway's region stands in the case: no case given, one side, or neither. */
export type CasePosition = 'none' | Side | 'stranger';

export interface MatrixRow {
  readonly rpc: string;
  /** The policy key that governs `rpc`, if any. */
  readonly ruleKey: string | undefined;
  readonly caller: Caller;
  readonly position: CasePosition;
  readonly context: AuthorizationContext;
  readonly expected: 'allow' | 'deny';
}

export interface MatrixOptions {
  /** The gateway's region; default the first concrete region in `regions`. */
  readonly gatewayRegion?: string;
  /** A partner region for case parties; default the next concrete region, else 110000. */
  readonly otherRegion?: string;
  /** Concrete RPC names to check besides the policy's keys (e.g. every method of the served services). */
  readonly rpcs?: readonly string[];
}

export const UNKNOWN_RPC = 'xr.unknown.v1.NoSuchService/NoSuchMethod';

/** A concrete name for a policy key: `pkg.S/List*` → `pkg.S/ListExample`, `pkg.S/*` → `pkg.S/Example`. */
const exampleOf = (key: string): string => (key.endsWith('*') ? `${key.slice(0, -1)}Example` : key);

function expected(rule: PolicyRule | undefined, role: Role, region: string, here: string, position: CasePosition): 'allow' | 'deny' {
  const acts = region === ALL_REGIONS ? role !== 'system' : region === here;
  if (!rule || !rule.roles.includes(role) || !acts || (role === 'auditor' && rule.mutates)) return 'deny';
  if (rule.scope === 'any' || position === 'none') return 'allow';
  if (position === 'stranger' && (region !== ALL_REGIONS || rule.side)) return 'deny';
  return rule.side && rule.side !== position ? 'deny' : 'allow';
}

function parties(position: CasePosition, here: string, other: string): AuthorizationContext['caseParties'] {
  if (position === 'receiving') return { receiving: here, handling: other };
  if (position === 'handling') return { receiving: other, handling: here };
  if (position === 'stranger') return { receiving: other, handling: other };
  return undefined;
}

export function authorizationMatrix(policy: Policy, roles: readonly Role[], regions: readonly string[], options: MatrixOptions = {}): MatrixRow[] {
  const concrete = regions.filter((r) => r !== ALL_REGIONS);
  const here = options.gatewayRegion ?? concrete[0];
  if (here === undefined) throw new TypeError('authorizationMatrix needs a concrete gateway region');
  const other = options.otherRegion ?? concrete.find((r) => r !== here) ?? '110000';
  const rpcs = [...new Set([...Object.keys(policy).map(exampleOf), ...(options.rpcs ?? []), UNKNOWN_RPC])];
  const rows: MatrixRow[] = [];
  for (const rpc of rpcs) {
    const found = ruleFor(policy, rpc);
    const positions: readonly CasePosition[] = found?.rule.scope === 'own-region' ? ['none', 'receiving', 'handling', 'stranger'] : ['none'];
    for (const role of roles) {
      for (const region of regions) {
        for (const position of positions) {
          const caseParties = parties(position, here, other);
          rows.push({
            rpc,
            ruleKey: found?.key,
            caller: { subject: `${role}@${region}`, issuer: 'matrix', role, region },
            position,
            context: { region: here, ...(caseParties ? { caseParties } : {}) },
            expected: expected(found?.rule, role, region, here, position),
          });
        }
      }
    }
  }
  return rows;
}

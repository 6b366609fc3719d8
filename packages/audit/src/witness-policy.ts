/**
 * The witness policy of a region's checkpoints (docs/WIRE.md "Witness policy") and its C2SP
 * tlog-policy text.
 */
import type { KeyObject } from 'node:crypto';
import { journalVerifier, witnessKeyName, witnessVerifier } from '@xr/exchange';
import type { RegistryState } from '@xr/registry';
import { formatVerifierKey } from '@xr/tlog';

export type PolicyWitness = { readonly region: string } | { readonly name: string; readonly verifierKey: string; readonly url?: string };

export interface WitnessPolicy {
  readonly region: string;
  /** How many listed witnesses must have cosigned a checkpoint for it to count as witnessed. */
  readonly quorum: number;
  readonly witnesses: readonly PolicyWitness[];
  /** True when no `witness.policy.set` record applies and this is WIRE.md's default. */
  readonly isDefault: boolean;
}

/**
 * THE ONE PLACE the audit learns a region's witness policy. Until `@xr/registry` has
 * `witnessPolicy(region)` (the witness's `witness.policy.set` record, issue #9), this is WIRE.md's
 * default: every other registered region, quorum 1 (0 when there is no other region). When merging,
 * switch this body to `state.witnessPolicy(region)` and keep the default for regions without a record.
 */
export function witnessPolicyOf(state: RegistryState, region: string): WitnessPolicy {
  const others = state
    .partners()
    .map((p) => p.region)
    .filter((r) => r !== region);
  return { region, quorum: Math.min(1, others.length), witnesses: others.map((r) => ({ region: r })), isDefault: true };
}

/** The witness key name a policy entry cosigns under. */
export function policyWitnessName(prefix: string, w: PolicyWitness): string {
  return 'region' in w ? witnessKeyName(prefix, w.region) : w.name;
}

/** The policy in C2SP tlog-policy syntax: the log's keys, each witness key, one group, the quorum. */
export function formatPolicy(prefix: string, state: RegistryState, policy: WitnessPolicy, at: number = Date.now()): string {
  const valid = (region: string): KeyObject[] =>
    (state.partner(region)?.keys ?? [])
      .filter((k) => state.keyFor(k.kid, new Date(at).toISOString()).ok)
      .map((k) => state.regionKeys(region).find((v) => v.kid === k.kid)?.publicKey)
      .filter((k): k is KeyObject => k !== undefined);
  const lines = [`# witness policy of ${prefix}.journal.${policy.region}/* ${policy.isDefault ? '(default: every other registered region, quorum 1)' : '(registry witness.policy.set)'}`];
  for (const key of valid(policy.region)) lines.push(`log ${formatVerifierKey(journalVerifier(prefix, policy.region, key))}`);
  const names: string[] = [];
  for (const w of policy.witnesses) {
    if ('region' in w) {
      // One witness line per valid key: a rotation keeps the old key's cosignatures countable.
      for (const [i, key] of valid(w.region).entries()) {
        const name = i === 0 ? w.region : `${w.region}-${i + 1}`;
        names.push(name);
        lines.push(`witness ${name} ${formatVerifierKey(witnessVerifier(prefix, w.region, key))}`);
      }
    } else {
      names.push(w.name);
      lines.push(`witness ${w.name} ${w.verifierKey}${w.url ? ` ${w.url}` : ''}`);
    }
  }
  if (policy.quorum === 0 || names.length === 0) lines.push('quorum none');
  else {
    lines.push(`group witnesses ${policy.quorum === names.length ? 'all' : policy.quorum === 1 ? 'any' : policy.quorum} ${names.join(' ')}`);
    lines.push('quorum witnesses');
  }
  return `${lines.join('\n')}\n`;
}

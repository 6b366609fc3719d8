/**
 * The witness policy of a region's checkpoints comes from the registry (`witness.policy.set`, or
 * its default: every other registered region, quorum 1); here only the key name each policy entry
 * cosigns under. The tlog-policy text is the registry's `witnessPolicyText`.
 */
import { witnessKeyName } from '@xr/exchange';
import type { PolicyWitness, RegistryState, WitnessPolicy } from '@xr/registry';

export type { PolicyWitness, WitnessPolicy };

/** A region's policy as of the registry state given (an unregistered region: nothing counts). */
export function witnessPolicyOf(state: RegistryState, region: string): WitnessPolicy {
  return state.witnessPolicy(region) ?? { region, quorum: 0, witnesses: [], isDefault: true };
}

/** The note key name a policy witness cosigns under: `<prefix>.witness.<region>`, or the outside witness's name. */
export function policyWitnessName(prefix: string, w: PolicyWitness): string {
  return 'region' in w ? witnessKeyName(prefix, w.region) : w.name;
}

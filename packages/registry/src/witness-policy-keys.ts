/** A region's witness policy in C2SP tlog-policy syntax, with the keys the registry holds (names from @xr/exchange). */
import { journalVerifier, witnessVerifier } from '@xr/exchange';
import { formatVerifierKey } from '@xr/tlog';
import type { RegistryState } from './state.js';
import { formatTlogPolicy } from './witness-policy.js';

/**
 * The policy of `region` as a tlog-policy file: its journal keys as `log` lines, each witness
 * region's keys (every one it ever had) under `<prefix>.witness.<region>`. Undefined for an
 * unregistered region.
 */
export function witnessPolicyText(state: RegistryState, prefix: string, region: string): string | undefined {
  const policy = state.witnessPolicy(region);
  if (!policy) return undefined;
  return formatTlogPolicy(policy, {
    log: state.regionKeys(region).map((k) => formatVerifierKey(journalVerifier(prefix, region, k.publicKey))),
    regionWitness: (r) => state.regionKeys(r).map((k) => formatVerifierKey(witnessVerifier(prefix, r, k.publicKey))),
  });
}

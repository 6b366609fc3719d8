/** witness.policy.set requests and the policy answer: proto messages ⇄ registry payloads. */
import type { Result } from '@xr/domain';
import { witnessPolicyText, type PolicyWitness, type RegistryState, type WitnessPolicySet } from '@xr/registry';
import type { AdminWitnessPolicy, PolicyWitness__Output } from './admin-proto.js';

/** Each message's non-empty fields: a mixed or incomplete witness is left for the schema to refuse, naming the field. */
export function witnessPolicyFromMessage(region: string, quorum: number, witnesses: readonly PolicyWitness__Output[]): WitnessPolicySet {
  const mapped = witnesses.map((w) => {
    const out: Record<string, string> = {};
    if (w.region !== '') out['region'] = w.region;
    if (w.name !== '') out['name'] = w.name;
    if (w.verifierKey !== '') out['verifierKey'] = w.verifierKey;
    if (w.url !== '') out['url'] = w.url;
    return out as unknown as PolicyWitness;
  });
  return { region, quorum, witnesses: mapped };
}

export function witnessPolicyMessage(state: RegistryState, prefix: string, region: string): Result<AdminWitnessPolicy> {
  const policy = state.witnessPolicy(region);
  const text = witnessPolicyText(state, prefix, region);
  if (!policy || text === undefined) return { ok: false, code: 'XR_PARTNER_UNKNOWN', message: `region ${region} is not a registered partner`, field: 'region' };
  return {
    ok: true,
    value: {
      region,
      quorum: policy.quorum,
      witnesses: policy.witnesses.map((w) => ('region' in w ? { region: w.region } : { name: w.name, verifierKey: w.verifierKey, url: w.url ?? '' })),
      isDefault: policy.isDefault,
      recordId: policy.recordId ?? '',
      setAt: policy.setAt ?? '',
      tlogPolicy: text,
    },
  };
}

/**
 * Witness policies (`witness.policy.set`): when a region's checkpoint counts as witnessed, in the
 * spirit of C2SP tlog-policy (one k-of-n group). The checks a record must pass, the default when a
 * region has none (every other registered, not suspended region, quorum 1), and the policy printed
 * in tlog-policy syntax. Pure.
 */
import { fail, ok, type Result } from '@xr/domain';
import { SIGNATURE_TYPE_COSIGNATURE_V1, parseVerifierKey } from '@xr/tlog';
import type { PolicyWitness, WitnessPolicySet } from './record.js';

export interface WitnessPolicy {
  readonly region: string;
  /** Cosignatures needed; 0 only for a default with no other region to witness. */
  readonly quorum: number;
  readonly witnesses: readonly PolicyWitness[];
  /** True when no record set it: the default. */
  readonly isDefault: boolean;
  /** The record that set it. */
  readonly recordId?: string;
  readonly setAt?: string;
}

/** A policy witness's name: its region code, or the outside witness's name. */
export function policyWitnessName(w: PolicyWitness): string {
  return 'region' in w ? w.region : w.name;
}

/** Checks a schema-valid payload against the registered regions; the refusal names the field. */
export function checkWitnessPolicy(p: WitnessPolicySet, isRegistered: (region: string) => boolean): Result<WitnessPolicySet> {
  const invalid = (message: string, field: string): Result<WitnessPolicySet> => fail('XR_WITNESS_POLICY_INVALID', message, field);
  if (!Number.isInteger(p.quorum) || p.quorum < 1 || p.quorum > p.witnesses.length) return invalid(`quorum ${p.quorum} is not between 1 and the ${p.witnesses.length} witnesses`, '/payload/quorum');
  const names = new Set<string>();
  const keys = new Set<string>();
  for (const [i, w] of p.witnesses.entries()) {
    const field = `/payload/witnesses/${i}`;
    const name = policyWitnessName(w);
    if (name === 'none') return invalid('`none` is reserved by tlog-policy', `${field}/name`);
    if (names.has(name)) return invalid(`witness ${name} is listed twice`, 'region' in w ? `${field}/region` : `${field}/name`);
    names.add(name);
    if ('region' in w) {
      if (w.region === p.region) return invalid(`region ${p.region} cannot witness its own checkpoints`, `${field}/region`);
      if (!isRegistered(w.region)) return invalid(`witness region ${w.region} is not a registered partner`, `${field}/region`);
      continue;
    }
    const key = parseVerifierKey(w.verifierKey);
    if (!key.ok) return invalid(`verifierKey: ${key.message}`, `${field}/verifierKey`);
    if (key.value.type !== SIGNATURE_TYPE_COSIGNATURE_V1) return invalid('a witness verifier key has signature type 0x04 (tlog-cosignature v1)', `${field}/verifierKey`);
    const raw = Buffer.from(key.value.publicKey).toString('hex');
    if (keys.has(raw)) return invalid('two witnesses share one public key', `${field}/verifierKey`);
    keys.add(raw);
  }
  return ok(p);
}

/** The policy printed in C2SP tlog-policy syntax. */
export interface TlogPolicyKeys {
  /** The log's verifier keys (type 0x01), e.g. each of the region's keys under `<prefix>.journal.<region>`. */
  readonly log?: readonly string[];
  /** A region witness's verifier keys (type 0x04, every key it ever had: a cosignature is judged by its key). */
  readonly regionWitness: (region: string) => readonly string[];
}

/**
 * `log` lines, one `witness` line per key (a region with several keys becomes an `any` group of
 * them, named by the region), then the k-of-n group and the quorum; `quorum none` for quorum 0.
 */
export function formatTlogPolicy(policy: WitnessPolicy, keys: TlogPolicyKeys): string {
  const lines = [`# witness policy of region ${policy.region}${policy.isDefault ? ' (default: every other registered region, quorum 1)' : ''}`];
  for (const vkey of keys.log ?? []) lines.push(`log ${vkey}`);
  const members: string[] = [];
  for (const w of policy.witnesses) {
    if (!('region' in w)) {
      lines.push(`witness ${w.name} ${w.verifierKey}${w.url ? ` ${w.url}` : ''}`);
      members.push(w.name);
      continue;
    }
    const vkeys = keys.regionWitness(w.region);
    if (vkeys.length === 0) {
      lines.push(`# region ${w.region} has no key`);
      continue;
    }
    if (vkeys.length === 1) {
      lines.push(`witness ${w.region} ${vkeys[0]!}`);
    } else {
      vkeys.forEach((vkey, i) => lines.push(`witness ${w.region}.${i + 1} ${vkey}`));
      lines.push(`group ${w.region} any ${vkeys.map((_, i) => `${w.region}.${i + 1}`).join(' ')}`);
    }
    members.push(w.region);
  }
  if (policy.quorum === 0 || members.length === 0) lines.push('quorum none');
  else if (members.length === 1 && policy.quorum === 1) lines.push(`quorum ${members[0]!}`);
  else {
    const group = `${policy.region}-witnesses`;
    lines.push(`group ${group} ${policy.quorum === members.length ? 'all' : String(Math.min(policy.quorum, members.length))} ${members.join(' ')}`);
    lines.push(`quorum ${group}`);
  }
  return `${lines.join('\n')}\n`;
}

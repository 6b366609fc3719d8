/** witness.policy.set: the record, its checks, the default policy, and the tlog-policy text. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cosignatureVerifier, ed25519Verifier, formatVerifierKey } from '@xr/tlog';
import { formatTlogPolicy, validateRecord, witnessPolicyText } from '../src/index.js';
import { LC, QD, WL, given, lc1, qd1, rec, registration } from './fixtures.js';
import { generateKeyPair, makeKid } from '@xr/crypto';

const wl1 = generateKeyPair(makeKid(WL, 1));
const outsideKey = generateKeyPairSync('ed25519').publicKey;
const supervisor = formatVerifierKey(cosignatureVerifier('witness.sd.gov.cn', outsideKey));
const notACosigner = formatVerifierKey(ed25519Verifier('witness.sd.gov.cn', outsideKey));
const three = [registration(LC, [lc1]), registration(QD, [qd1]), registration(WL, [wl1])] as const;

describe('witness.policy.set', () => {
  it('sets k of n witnesses for a region, partner regions and outside witnesses', () => {
    const witnesses = [{ region: QD }, { name: 'sd-supervisor', verifierKey: supervisor, url: 'https://witness.sd.gov.cn' }];
    const r = rec('witness.policy.set', { region: LC, quorum: 2, witnesses });
    const state = given(...three, r);
    expect(state.witnessPolicy(LC)).toEqual({ region: LC, quorum: 2, witnesses, isDefault: false, recordId: r.id, setAt: r.time });
    const again = state.apply(rec('witness.policy.set', { region: LC, quorum: 2, witnesses }));
    expect(again).toMatchObject({ ok: true, value: { changed: false } });
    const lowered = state.apply(rec('witness.policy.set', { region: LC, quorum: 1, witnesses }));
    expect(lowered.ok && lowered.value.state.witnessPolicy(LC)?.quorum).toBe(1);
  });

  it('defaults to every other registered, not suspended region with quorum 1', () => {
    const state = given(...three, rec('partner.suspended', { region: WL, reason: 'maintenance' }));
    expect(state.witnessPolicy(LC)).toEqual({ region: LC, quorum: 1, witnesses: [{ region: QD }], isDefault: true });
    expect(given(registration(LC, [lc1])).witnessPolicy(LC)).toMatchObject({ quorum: 0, witnesses: [] });
    expect(state.witnessPolicy('110000')).toBeUndefined();
  });

  it.each([
    ['a quorum above the witnesses', { quorum: 2, witnesses: [{ region: QD }] }, '/payload/quorum'],
    ['the region itself', { quorum: 1, witnesses: [{ region: LC }] }, '/payload/witnesses/0/region'],
    ['an unregistered region', { quorum: 1, witnesses: [{ region: '110000' }] }, '/payload/witnesses/0/region'],
    ['a region twice', { quorum: 1, witnesses: [{ region: QD }, { region: QD }] }, '/payload/witnesses/1/region'],
    ['a name twice', { quorum: 1, witnesses: [{ name: 'w', verifierKey: supervisor }, { name: 'w', verifierKey: formatVerifierKey(cosignatureVerifier('x', generateKeyPairSync('ed25519').publicKey)) }] }, '/payload/witnesses/1/name'],
    ['one key twice', { quorum: 1, witnesses: [{ name: 'a', verifierKey: supervisor }, { name: 'b', verifierKey: supervisor }] }, '/payload/witnesses/1/verifierKey'],
    ['a checkpoint key (type 0x01), not a cosigner', { quorum: 1, witnesses: [{ name: 'w', verifierKey: notACosigner }] }, '/payload/witnesses/0/verifierKey'],
    ['a key id that does not match', { quorum: 1, witnesses: [{ name: 'w', verifierKey: supervisor.replace(/\+[0-9a-f]{8}\+/, '+00000000+') }] }, '/payload/witnesses/0/verifierKey'],
    ['the reserved name none', { quorum: 1, witnesses: [{ name: 'none', verifierKey: supervisor }] }, '/payload/witnesses/0/name'],
  ])('refuses %s (XR_WITNESS_POLICY_INVALID)', (_name, policy, field) => {
    const state = given(...three);
    expect(state.apply(rec('witness.policy.set', { region: LC, ...policy }))).toMatchObject({ ok: false, code: 'XR_WITNESS_POLICY_INVALID', field });
  });

  it('refuses a policy for an unregistered region', () => {
    expect(given(...three).apply(rec('witness.policy.set', { region: '110000', quorum: 1, witnesses: [{ region: QD }] }))).toMatchObject({ ok: false, code: 'XR_PARTNER_UNKNOWN' });
  });

  it('has a schema: quorum 0, no witnesses, a witness with both forms or a URL with spaces are refused', () => {
    const bad = (payload: unknown) => validateRecord({ ...rec('witness.policy.set', { region: LC, quorum: 1, witnesses: [{ region: QD }] }), payload });
    expect(bad({ region: LC, quorum: 0, witnesses: [{ region: QD }] })).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID' });
    expect(bad({ region: LC, quorum: 1, witnesses: [] })).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID' });
    expect(bad({ region: LC, quorum: 1, witnesses: [{ region: QD, name: 'x', verifierKey: supervisor }] })).toMatchObject({ ok: false });
    expect(bad({ region: LC, quorum: 1, witnesses: [{ name: 'x', verifierKey: supervisor, url: 'https://a b' }] })).toMatchObject({ ok: false });
    expect(bad({ region: LC, quorum: 1, witnesses: [{ region: QD }] })).toMatchObject({ ok: true });
  });
});

describe('the policy in C2SP tlog-policy syntax', () => {
  it('prints log keys, witness lines, a k-of-n group and the quorum', () => {
    const state = given(...three, rec('witness.policy.set', { region: LC, quorum: 2, witnesses: [{ region: QD }, { region: WL }, { name: 'sd-supervisor', verifierKey: supervisor, url: 'https://witness.sd.gov.cn' }] }));
    const text = witnessPolicyText(state, 'xr', LC)!;
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(`# witness policy of region ${LC}`);
    expect(lines[1]).toMatch(/^log xr\.journal\.371500\+[0-9a-f]{8}\+\S+$/);
    expect(lines[2]).toMatch(/^witness 370200 xr\.witness\.370200\+[0-9a-f]{8}\+\S+$/);
    expect(lines[3]).toMatch(/^witness 331081 xr\.witness\.331081\+/);
    expect(lines[4]).toBe(`witness sd-supervisor ${supervisor} https://witness.sd.gov.cn`);
    expect(lines.slice(5)).toEqual([`group ${LC}-witnesses 2 370200 331081 sd-supervisor`, `quorum ${LC}-witnesses`]);
  });

  it('prints a single witness as the quorum, all-of-n as `all`, a region with two keys as an `any` group, none as `quorum none`', () => {
    const one = formatTlogPolicy({ region: LC, quorum: 1, witnesses: [{ region: QD }], isDefault: true }, { regionWitness: () => ['k1'] });
    expect(one).toBe(`# witness policy of region ${LC} (default: every other registered region, quorum 1)\nwitness ${QD} k1\nquorum ${QD}\n`);
    const all = formatTlogPolicy({ region: LC, quorum: 2, witnesses: [{ region: QD }, { region: WL }], isDefault: false }, { regionWitness: (r) => (r === QD ? ['a', 'b'] : ['c']) });
    expect(all.split('\n').slice(1, -1)).toEqual([`witness ${QD}.1 a`, `witness ${QD}.2 b`, `group ${QD} any ${QD}.1 ${QD}.2`, `witness ${WL} c`, `group ${LC}-witnesses all ${QD} ${WL}`, `quorum ${LC}-witnesses`]);
    expect(formatTlogPolicy({ region: LC, quorum: 0, witnesses: [], isDefault: true }, { regionWitness: () => [] })).toMatch(/\nquorum none\n$/);
  });
});

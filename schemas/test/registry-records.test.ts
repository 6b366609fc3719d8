/** Registry record schemas, compiled here and used by @xr/registry: codes and fields of every failure. */
import { describe, expect, it } from 'vitest';
import { registryPayloadVersions, registryRecordTypes, validateRegistryRecord } from '../src/index.js';

const KEY = { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: '371500.k1' };
const base = { id: '01936f7c-1a2b-7c3d-8e4f-0123456789ab', v: 1, time: '2025-03-01T00:00:00Z', admin: 'admin-ops.k1' };
const registered = { ...base, type: 'partner.registered', payload: { region: '371500', name: '聊城市', keys: { keys: [KEY] }, contact: { email: 'ops@example.cn' } } };

describe('registry record schemas', () => {
  it('know every record type of the envelope, each with a v1 payload schema', () => {
    expect(registryRecordTypes()).toEqual(['partner.registered', 'key.rotated', 'key.revoked', 'partner.suspended', 'partner.resumed', 'recognition.set', 'calendar.published', 'witness.policy.set']);
    expect(registryPayloadVersions().filter((t) => t.v === 1).map((t) => t.type).sort()).toEqual([...registryRecordTypes()].sort());
  });

  it('accept a well-formed registration, as it was given', () => {
    expect(validateRegistryRecord(registered)).toEqual({ ok: true, value: registered });
  });

  it('refuse a private key member by name', () => {
    const leaked = { ...registered, payload: { ...registered.payload, keys: { keys: [{ ...KEY, d: 'B'.repeat(43) }] } } };
    expect(validateRegistryRecord(leaked)).toEqual({
      ok: false,
      code: 'XR_SCHEMA_INVALID',
      message: 'invalid partner.registered payload: /payload/keys/keys/0/d is a private key member: register public keys only',
      field: '/payload/keys/keys/0/d',
      violations: [{ field: '/payload/keys/keys/0/d', message: 'is a private key member: register public keys only' }],
    });
  });

  it('name the constant a key member must have, and count the other violations', () => {
    const result = validateRegistryRecord({ ...registered, payload: { ...registered.payload, keys: { keys: [{ ...KEY, kty: 'EC', alg: 'ES256' }] } } });
    expect(result).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/payload/keys/keys/0/kty', message: 'invalid partner.registered payload: /payload/keys/keys/0/kty must be "OKP" (and 1 more)' });
    if (!result.ok) expect(result.violations).toEqual([
      { field: '/payload/keys/keys/0/kty', message: 'must be "OKP"' },
      { field: '/payload/keys/keys/0/alg', message: 'must be "EdDSA"' },
    ]);
  });

  it('point into the envelope for envelope faults, and at /v for a version without a schema', () => {
    expect(validateRegistryRecord({ ...registered, extra: 1 })).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/extra', message: 'invalid registry record: /extra unknown field extra' });
    expect(validateRegistryRecord({ ...registered, time: '2025-13-01' })).toMatchObject({ ok: false, field: '/time', violations: [{ field: '/time', message: 'is not a valid date-time' }] });
    expect(validateRegistryRecord({ ...registered, type: 'partner.teleported' })).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/type' });
    expect(validateRegistryRecord(null)).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/', message: 'invalid registry record: / must be object' });
    expect(validateRegistryRecord({ ...registered, v: 2 })).toEqual({ ok: false, code: 'XR_EVENT_TYPE_UNKNOWN', message: 'no schema for partner.registered v2', field: '/v' });
  });

  it('check GB/T 2260 codes in payloads, and a published calendar against the shared calendar-year schema', () => {
    expect(validateRegistryRecord({ ...base, type: 'partner.suspended', payload: { region: '999999', reason: 'x' } })).toMatchObject({ ok: false, field: '/payload/region', message: 'invalid partner.suspended payload: /payload/region is not a valid gbt2260' });
    expect(validateRegistryRecord({ ...base, type: 'calendar.published', payload: { year: 2027, notice: { title: 't', date: 'x' }, periods: [] } })).toMatchObject({ ok: false, field: '/payload/notice/date' });
  });
});

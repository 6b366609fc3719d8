/** Registry records as read from the log: admin signature, canonical bytes, schema. */
import { describe, expect, it } from 'vitest';
import { canonicalBytes, generateKeyPair, signDetached, signingKeyFromJwk, uuidV8FromName } from '@xr/crypto';
import { registryRecordTypes } from '@xr/schemas';
import { REGISTRY_RECORD_TYPES, adminKid, verifyRegistryRecord, validateRecord, parseAdminKid, TrustAnchor, recordIdFor, REGISTRY_ID_NAMESPACE, uuidv7 } from '../src/index.js';
import { LC, admin, anchor, lc1, rec, registration, signed } from './fixtures.js';

describe('verifyRegistryRecord', () => {
  it('accepts a record signed by a trust anchor', async () => {
    const record = registration(LC, [lc1]);
    const { value, jws } = await signed(record);
    const verified = await verifyRegistryRecord(value, jws, anchor);
    expect(verified).toMatchObject({ ok: true, value: { record: { id: record.id, type: 'partner.registered' }, kid: admin.publicJwk.kid } });
  });

  it('refuses a record signed by an admin key that is not an anchor (forged)', async () => {
    const forger = generateKeyPair(adminKid('ops', 1)); // same kid, other key
    const record = registration(LC, [lc1]);
    const { value, jws } = await signed(record, signingKeyFromJwk(forger.privateJwk));
    expect(await verifyRegistryRecord(value, jws, anchor)).toMatchObject({ ok: false, code: 'XR_REGISTRY_SIGNATURE_INVALID' });
    const stranger = generateKeyPair(adminKid('mallory', 1));
    const other = await signed({ ...record, admin: stranger.publicJwk.kid }, signingKeyFromJwk(stranger.privateJwk));
    expect(await verifyRegistryRecord(other.value, other.jws, anchor)).toMatchObject({ ok: false, code: 'XR_REGISTRY_ADMIN_UNKNOWN' });
  });

  it('refuses a record changed after signing, a missing signature and a region key as signer', async () => {
    const record = registration(LC, [lc1]);
    const { jws } = await signed(record);
    const altered = canonicalBytes({ ...record, payload: { ...record.payload, name: '伪造市' } });
    expect(await verifyRegistryRecord(altered, jws, anchor)).toMatchObject({ ok: false, code: 'XR_REGISTRY_SIGNATURE_INVALID' });
    expect(await verifyRegistryRecord(altered, undefined, anchor)).toMatchObject({ ok: false, code: 'XR_REGISTRY_SIGNATURE_INVALID', field: 'headers.xr-jws' });
    const byRegion = await signed(record, signingKeyFromJwk(lc1.privateJwk));
    expect(await verifyRegistryRecord(byRegion.value, byRegion.jws, anchor)).toMatchObject({ ok: false, code: 'XR_REGISTRY_ADMIN_UNKNOWN' });
  });

  it('refuses a record whose admin field names another admin than the signer', async () => {
    const second = generateKeyPair(adminKid('ops', 2));
    const both = new TrustAnchor([admin.publicJwk, second.publicJwk]);
    const record = { ...registration(LC, [lc1]), admin: second.publicJwk.kid };
    const { value, jws } = await signed(record);
    expect(await verifyRegistryRecord(value, jws, both)).toMatchObject({ ok: false, code: 'XR_REGISTRY_SIGNATURE_INVALID', field: '/admin' });
  });

  it('refuses bytes that are not canonical JSON even when signed', async () => {
    const record = registration(LC, [lc1]);
    const value = new TextEncoder().encode(JSON.stringify(record, null, 1));
    const jws = await signDetached(value, signingKeyFromJwk(admin.privateJwk));
    expect(await verifyRegistryRecord(value, jws, anchor)).toMatchObject({ ok: false, signed: true, recordId: record.id, code: 'XR_ENVELOPE_NOT_CANONICAL', field: 'value' });
  });

  it('refuses signed bytes with a duplicate member, naming it: they could be read two ways', async () => {
    const record = registration(LC, [lc1]);
    const text = new TextDecoder().decode(canonicalBytes(record));
    const value = new TextEncoder().encode(text.replace(`"name":"${record.payload.name}"`, `"name":"${record.payload.name}","name":"伪造市"`));
    const jws = await signDetached(value, signingKeyFromJwk(admin.privateJwk));
    expect(await verifyRegistryRecord(value, jws, anchor)).toMatchObject({ ok: false, signed: true, code: 'XR_ENVELOPE_NOT_CANONICAL', field: '/payload/name' });
  });

  it('refuses schema violations with the field, including a private key in a JWKS', async () => {
    const record = registration(LC, [lc1]);
    const leaked = { ...record, payload: { ...record.payload, keys: { keys: [lc1.privateJwk] } } };
    const { value, jws } = await signed(leaked);
    const verified = await verifyRegistryRecord(value, jws, anchor);
    expect(verified).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/payload/keys/keys/0/d' });
    if (!verified.ok) expect(verified.message).toMatch(/private key/);
  });
});

describe('validateRecord', () => {
  it('checks GB/T 2260 codes, times and unknown types', () => {
    const bad = rec('partner.suspended', { region: '999999', reason: 'x' });
    expect(validateRecord(bad)).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/payload/region' });
    expect(validateRecord({ ...rec('partner.resumed', { region: LC }), time: '2025-13-01' })).toMatchObject({ ok: false, field: '/time' });
    expect(validateRecord({ ...rec('partner.resumed', { region: LC }), v: 2 })).toMatchObject({ ok: false, code: 'XR_EVENT_TYPE_UNKNOWN' });
    expect(validateRecord({ ...rec('partner.resumed', { region: LC }), extra: 1 })).toMatchObject({ ok: false, field: '/extra' });
    expect(validateRecord(rec('recognition.set', { region: LC, issuer: '370200', certificateTypes: ['a', 'a'] }))).toMatchObject({ ok: false, field: '/payload/certificateTypes' });
  });

  it('knows the record types the schemas of @xr/schemas know', () => {
    expect([...REGISTRY_RECORD_TYPES]).toEqual(registryRecordTypes());
    expect(validateRecord({ ...rec('partner.resumed', { region: LC }), v: 2 })).toEqual({ ok: false, code: 'XR_EVENT_TYPE_UNKNOWN', message: 'no schema for partner.resumed v2', field: '/v' });
  });
});

describe('ids and admin key ids', () => {
  it('makes UUIDv7 ids carrying their time, and fixed name-based UUIDv8 ids from request ids', () => {
    const id = uuidv7(Date.UTC(2022, 1, 22, 19, 22, 22));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id.slice(0, 13)).toBe('017f22e2-79b0'); // the unix_ts_ms of RFC 9562's v7 example
    expect(recordIdFor('admin-ops', 'r1')).toBe(recordIdFor('admin-ops', 'r1'));
    expect(recordIdFor('admin-ops', 'r1')).not.toBe(recordIdFor('admin-ops', 'r2'));
    expect(recordIdFor('admin-ops', 'r1')).not.toBe(recordIdFor('admin-ci', 'r1'));
    expect(recordIdFor('admin-ops', 'r1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(REGISTRY_ID_NAMESPACE).toBe(uuidV8FromName('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'registry.ids.xr-gateway.cn'));
    expect(recordIdFor('xr-admin', 'r1')).toBe(uuidV8FromName(REGISTRY_ID_NAMESPACE, 'xr-admin/r1'));
    const record = { id: recordIdFor('xr-admin', 'r1'), type: 'partner.resumed', v: 1, time: '2026-01-05T09:00:00+08:00', admin: 'admin-ops.k1', payload: { region: '371500' } };
    expect(validateRecord(record)).toMatchObject({ ok: true });
    expect(validateRecord({ ...record, id: '919108f7-52d1-4320-9bac-f847db4148a8' })).toMatchObject({ ok: false, field: '/id' });
  });

  it('parses admin-<name>.k<n> and refuses region kids as trust anchors', () => {
    expect(parseAdminKid('admin-ops.k2')).toEqual({ name: 'ops', generation: 2 });
    expect(parseAdminKid('371500.k1')).toBeUndefined();
    expect(() => adminKid('Bad Name', 1)).toThrow(/admin-<name>/);
    expect(() => new TrustAnchor([lc1.publicJwk])).toThrow(/admin key id/);
    expect(() => new TrustAnchor([admin.privateJwk])).toThrow(/private key/);
  });
});

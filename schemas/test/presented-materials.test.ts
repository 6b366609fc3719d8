/**
 * 证照免提交 on the wire: a material is a scan or a presented certificate (never both, never
 * neither), the handling region's 签收 records what it verified, a refusal names its field, and a
 * catalog says which certificate types may stand for a material.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_CATALOG_370200 } from '@xr/domain/samples';
import { validateCatalog, validateEvent } from '../src/index.js';

const JWS = 'eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCJ9.eyJpZCI6InVybjpnYnQzNjkwNDp4In0.c2lnbmF0dXJl';
const SCAN = { name: '食品经营许可申请书', sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' };
const PRESENTED = { name: '营业执照', certificate: JWS };
const RECORDED = { material: '营业执照', certificateId: '1.2.156.3005.2.11100000MB0143028R002.11370200MB12345674.1.001.K', issuerRegion: '370200', typeCode: '11100000MB0143028R002', verifiedAt: '2026-12-01T09:05:00+08:00', statusPosition: 12 };

function envelope(type: string, payload: Record<string, unknown>): Record<string, unknown> {
  return { id: '01936f7c-1a2b-7c3d-8e4f-0123456789ab', type, v: 1, caseId: '01936f7c-1a2b-7c3d-9e4f-0123456789ab', seq: 2, source: '371500', target: '370200', time: '2026-12-01T09:00:00+08:00', payload };
}

const submitted = (materials: unknown[]): Record<string, unknown> =>
  envelope('case.submitted', {
    item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' },
    applicant: { kind: 'organisation', name: '聊城示例餐饮有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' },
    materials,
    intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2026-12-01T09:00:00+08:00' },
  });

describe('a material is a scan or a presented certificate', () => {
  it.each([
    ['a scan', [SCAN]],
    ['a presented certificate', [PRESENTED]],
    ['both kinds side by side', [SCAN, PRESENTED]],
  ])('%s is valid in case.submitted, case.supplemented and case.materials-completed', (_what, materials) => {
    expect(validateEvent(submitted(materials))).toMatchObject({ ok: true });
    expect(validateEvent(envelope('case.supplemented', { materials }))).toMatchObject({ ok: true });
    expect(validateEvent(envelope('case.materials-completed', { materials }))).toMatchObject({ ok: true });
  });

  it.each([
    ['a scan missing its media type is told that, not that it lacks a certificate', { name: '申请书', sha256: 'a'.repeat(64), size: 1 }, '/payload/materials/0/mediaType'],
    ['a scan with a bad digest', { ...SCAN, sha256: 'xyz' }, '/payload/materials/0/sha256'],
    ['a certificate that is not a compact JWS', { name: '营业执照', certificate: 'not a jws' }, '/payload/materials/0/certificate'],
    ['a certificate with a fourth segment', { name: '营业执照', certificate: `${JWS}.x` }, '/payload/materials/0/certificate'],
    ['a certificate over 64 KiB', { name: '营业执照', certificate: `${JWS}${'A'.repeat(65_536)}` }, '/payload/materials/0/certificate'],
    ['a certificate with scan fields too', { ...PRESENTED, sha256: 'a'.repeat(64) }, '/payload/materials/0/sha256'],
    ['a certificate without a name', { certificate: JWS }, '/payload/materials/0/name'],
    ['neither a scan nor a certificate (told the nearer: its certificate is missing)', { name: '营业执照' }, '/payload/materials/0/certificate'],
  ])('%s is refused, naming the field', (_what, material, field) => {
    const result = validateEvent(submitted([material]));
    expect(result).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID' });
    if (result.ok) return;
    expect(result.violations?.map((v) => v.field)).toContain(field);
    expect(result.field?.startsWith('/payload/materials/0')).toBe(true);
  });
});

describe('what the handling region records, and how it refuses', () => {
  it('签收 and the confirmation of a request may carry the verified certificates', () => {
    expect(validateEvent(envelope('case.received', { receivedAt: '2026-12-01T09:05:00+08:00', certificates: [RECORDED] }))).toMatchObject({ ok: true });
    const request = submitted([PRESENTED]);
    expect(validateEvent(envelope('case.request-accepted', { request, certificates: [RECORDED] }))).toMatchObject({ ok: true });
    expect(validateEvent(envelope('case.received', { receivedAt: '2026-12-01T09:05:00+08:00' }))).toMatchObject({ ok: true });
  });

  it.each([
    ['an empty list', [], '/payload/certificates'],
    ['a bad 证照标识', [{ ...RECORDED, certificateId: '1.2.3' }], '/payload/certificates/0/certificateId'],
    ['an unknown region', [{ ...RECORDED, issuerRegion: '999999' }], '/payload/certificates/0/issuerRegion'],
    ['no verification time', [{ ...RECORDED, verifiedAt: undefined }], '/payload/certificates/0/verifiedAt'],
    ['the credential itself (personal data stays in the material)', [{ ...RECORDED, credential: JWS }], '/payload/certificates/0/credential'],
  ])('a recorded verdict with %s is refused', (_what, certificates, field) => {
    expect(validateEvent(envelope('case.received', { receivedAt: '2026-12-01T09:05:00+08:00', certificates: JSON.parse(JSON.stringify(certificates)) as unknown }))).toMatchObject({ ok: false, field });
  });

  it('a refusal may name the refused field', () => {
    const refused = { eventId: '01936f7c-1a2b-7c3d-8e4f-0123456789ab', type: 'case.submitted', code: 'XR_CERT_REVOKED', message: '营业执照: revoked', field: '/payload/materials/1/certificate' };
    expect(validateEvent(envelope('case.request-refused', refused))).toMatchObject({ ok: true });
    expect(validateEvent(envelope('case.request-refused', { ...refused, field: 'x'.repeat(201) }))).toMatchObject({ ok: false, field: '/payload/field' });
  });
});

describe('a catalog names the certificate types that may stand for a material', () => {
  const withTypes = (types: unknown): unknown => {
    const c = structuredClone(SAMPLE_CATALOG_370200) as unknown as { items: { materials: Record<string, unknown>[] }[] };
    c.items[0]!.materials[1]!['certificateTypes'] = types;
    return c;
  };

  it('accepts 证照类型代码 of a valid defining authority', () => {
    expect(validateCatalog(withTypes(['11100000MB0143028R002', '11100000MB0143028R001']))).toMatchObject({ ok: true });
  });

  it.each([
    ['an empty list', [], '/items/0/materials/1/certificateTypes'],
    ['a code of the wrong shape', ['food-licence'], '/items/0/materials/1/certificateTypes/0'],
    ['a code whose authority is not a valid USCC', ['11100000MB0143028X002'], '/items/0/materials/1/certificateTypes/0'],
    ['a type listed twice', ['11100000MB0143028R002', '11100000MB0143028R002'], '/items/0/materials/1/certificateTypes'],
  ])('refuses %s', (_what, types, field) => {
    expect(validateCatalog(withTypes(types))).toMatchObject({ ok: false, code: 'XR_CATALOG_INVALID', field });
  });
});

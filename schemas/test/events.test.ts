import { describe, expect, it } from 'vitest';
import { checkCatalog, TRANSITIONS, type Catalog } from '@xr/domain';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import { SAMPLE_PAYLOADS } from '@xr/domain/testing';
import { eventTypes, validateCatalog, validateEvent } from '../src/index.js';

const DIGEST = 'a'.repeat(64);
const doc = { name: '营业执照', sha256: DIGEST, size: 2048, mediaType: 'application/pdf' };

function envelope(type: string, payload: Record<string, unknown>): Record<string, unknown> {
  return {
    id: '01936f7c-1a2b-7c3d-8e4f-0123456789ab',
    type,
    v: 1,
    caseId: '01936f7c-1a2b-7c3d-9e4f-0123456789ab',
    seq: 2,
    source: '370200',
    target: '371500',
    time: '2025-09-30T09:00:00+08:00',
    payload,
  };
}

const SUBMITTED = {
  item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' },
  applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
  materials: [doc],
  intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2025-09-26T09:00:00+08:00' },
  deferredMaterials: [{ name: '食品安全管理制度', dueDate: '2025-10-17' }],
  commitment: { kind: 'notify-commit', statement: '本人承诺所填信息真实', signedAt: '2025-09-26T08:50:00+08:00' },
};

/** Per event type: a valid payload, and invalid ones with the field the refusal must name. */
const CASES: Readonly<Record<string, { valid: Record<string, unknown>; invalid: readonly [Record<string, unknown>, string][] }>> = {
  'case.submitted': {
    valid: SUBMITTED,
    invalid: [
      [{ ...SUBMITTED, commitment: { ...SUBMITTED.commitment, kind: 'promise' } }, '/payload/commitment/kind'],
      [{ ...SUBMITTED, deferredMaterials: [{ name: '食品安全管理制度', dueDate: '2025-13-01' }] }, '/payload/deferredMaterials/0/dueDate'],
    ],
  },
  'case.received': { valid: { receivedAt: '2025-09-26T09:05:00+08:00' }, invalid: [[{ receivedAt: 'yesterday' }, '/payload/receivedAt']] },
  'case.supplement-requested': {
    valid: { items: [{ material: '营业执照', reason: '复印件不清晰' }], notice: '请补正营业执照。' },
    invalid: [[{ items: [], notice: '请补正' }, '/payload/items']],
  },
  'case.supplemented': { valid: { materials: [doc] }, invalid: [[{ materials: [{ ...doc, sha256: 'xyz' }] }, '/payload/materials/0/sha256']] },
  'case.accepted': {
    valid: { receiptNo: 'R-0931', basis: 'deferred-materials', outstanding: [{ name: '食品安全管理制度', dueDate: '2025-10-17' }], promisedDays: 10 },
    invalid: [
      [{ receiptNo: 'R-0931', basis: 'deferred-materials' }, '/payload/outstanding'],
      [{ receiptNo: 'R-0931', basis: 'standard', outstanding: [{ name: '食品安全管理制度', dueDate: '2025-10-17' }] }, '/payload/outstanding'],
      [{ receiptNo: 'R-0931', basis: 'standard', promisedDays: 0 }, '/payload/promisedDays'],
      [{ receiptNo: 'R-0931', basis: 'lenient' }, '/payload/basis'],
    ],
  },
  'case.not-accepted': { valid: { reason: '不属于本机关职权范围', legalBasis: '行政许可法第三十二条' }, invalid: [[{ reason: '不属于本机关职权范围' }, '/payload/legalBasis']] },
  'case.materials-completed': { valid: { materials: [doc] }, invalid: [[{ materials: [] }, '/payload/materials']] },
  'case.suspended': { valid: { reason: 'hearing', note: '举行听证' }, invalid: [[{ reason: 'holiday' }, '/payload/reason']] },
  'case.resumed': { valid: {}, invalid: [[{ extra: 1 }, '/payload/extra']] },
  'case.extended': { valid: { days: 10, approvedBy: '局长' }, invalid: [[{ days: 11, approvedBy: '局长' }, '/payload/days']] },
  'case.approved': { valid: { decisionNo: 'D-1001', certificate: { type: '食品经营许可证' } }, invalid: [[{ decisionNo: 'D-1001', certificate: {} }, '/payload/certificate/type']] },
  'certificate.issued': {
    valid: { certificate: { id: '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S', typeCode: '11100000000013338W011', name: '食品经营许可证', number: 'JY13702000000001', credential: 'eyJhbGciOiJFZERTQSJ9.eyJ9.c2ln', digest: 'd'.repeat(64), statusIndex: 0, validFrom: '2025-10-10T09:00:00+08:00', validUntil: '2030-10-09T23:59:59+08:00' } },
    invalid: [
      [{ certificate: { id: '1.2.156.3005.2.x', typeCode: '11100000000013338W011', name: 'n', number: '1', credential: 'a.b.c', digest: 'd'.repeat(64), statusIndex: 0, validFrom: '2025-10-10T09:00:00+08:00' } }, '/payload/certificate/id'],
      [{ certificate: { id: '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S', typeCode: '11100000000013338W011', name: 'n', number: '1', credential: 'not a jws', digest: 'd'.repeat(64), statusIndex: 0, validFrom: '2025-10-10T09:00:00+08:00' } }, '/payload/certificate/credential'],
    ],
  },
  'case.denied': {
    valid: { decisionNo: 'D-12', reason: '不符合条件', legalBasis: '《食品经营许可和备案管理办法》第二十二条' },
    invalid: [[{ decisionNo: 'D-12', reason: '不符合条件', legalBasis: '   ' }, '/payload/legalBasis']],
  },
  'case.delivered': {
    valid: { method: 'post', trackingNo: 'SF1234567890', deliveredAt: '2025-10-15T10:00:00+08:00' },
    invalid: [
      [{ method: 'post', deliveredAt: '2025-10-15T10:00:00+08:00' }, '/payload/trackingNo'],
      [{ method: 'window', trackingNo: 'SF1234567890', deliveredAt: '2025-10-15T10:00:00+08:00' }, '/payload/trackingNo'],
    ],
  },
  'case.closed': { valid: {}, invalid: [[{ extra: true }, '/payload/extra']] },
  'case.withdrawn': { valid: { reason: '申请人主动撤回' }, invalid: [[{ reason: '' }, '/payload/reason']] },
  'case.terminated': { valid: { reason: 'commitment-false', note: '核查发现承诺不实' }, invalid: [[{ reason: 'bored' }, '/payload/reason']] },
  'case.rated': { valid: { level: 'very-dissatisfied', comment: '材料被退回两次' }, invalid: [[{ level: 'ok' }, '/payload/level']] },
  'case.request-accepted': {
    valid: { request: envelope('case.withdrawn', { reason: '申请人主动撤回' }) },
    invalid: [[{ request: { ...envelope('case.withdrawn', {}), source: '999999' } }, '/payload/request/source']],
  },
  'case.request-refused': {
    valid: { eventId: '01936f7c-1a2b-7c3d-8e4f-0123456789ab', type: 'case.withdrawn', code: 'XR_CASE_ILLEGAL_TRANSITION', message: 'case.withdrawn is not allowed while the case is approved' },
    invalid: [[{ eventId: 'x', type: 'case.withdrawn', code: 'XR_CASE_ILLEGAL_TRANSITION', message: '' }, '/payload/eventId']],
  },
};

describe('event payload schemas (one file per type and version)', () => {
  it('every event type of the transition table has a v1 schema, and every schema a test here', () => {
    const schemas = eventTypes().map((t) => `${t.type}@${t.v}`).sort();
    expect(schemas).toEqual(Object.keys(TRANSITIONS).map((t) => `${t}@1`).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });

  it.each(Object.entries(CASES))('%s: a valid payload passes, and each invalid one names its field', (type, { valid, invalid }) => {
    expect(validateEvent(envelope(type, valid))).toMatchObject({ ok: true });
    for (const [payload, field] of invalid) {
      const result = validateEvent(envelope(type, payload));
      expect(result).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID' });
      expect(result.ok ? [] : result.violations?.map((v) => v.field)).toContain(field);
    }
  });

  it('backward compatibility: case.submitted without 容缺 or 告知承诺 fields is still valid', () => {
    const { deferredMaterials: _d, commitment: _c, ...plain } = SUBMITTED;
    expect(validateEvent(envelope('case.submitted', plain))).toMatchObject({ ok: true });
  });

  it('the domain’s sample payloads (used by the decider tests) pass their schemas', () => {
    for (const [type, payload] of Object.entries(SAMPLE_PAYLOADS)) expect(validateEvent(envelope(type, payload)), type).toMatchObject({ ok: true });
  });
});

describe('catalog schema (catalog.v1.json) and checkCatalog', () => {
  const validate = (value: unknown): boolean => validateCatalog(value).ok;
  const item = { code: '370200-SPJY-0001', name: '食品经营许可证核发', materials: [{ name: '营业执照', required: true }], legalDays: 20, promisedDays: 10, remoteIntake: true, yieldsCertificate: false };

  it('the sample catalogs of 371500, 370200, 331081 and 510100 pass the schema', () => {
    for (const catalog of SAMPLE_CATALOGS) expect(validate(catalog), catalog.region).toBe(true);
  });

  it('additionalProperties false everywhere: an unknown field on an item or a material is refused', () => {
    expect(validate({ region: '370200', items: [{ ...item, fee: 0 }] })).toBe(false);
    expect(validate({ region: '370200', items: [{ ...item, materials: [{ name: '营业执照', required: true, copies: 2 }] }] })).toBe(false);
    expect(validate({ region: '999999', items: [item] })).toBe(false);
    expect(validate({ region: '370200', items: [{ ...item, code: 'bad code' }] })).toBe(false);
  });

  it('承诺时限 ≤ 法定时限 is beyond JSON Schema: the schema passes it, checkCatalog names /items/3/promisedDays', () => {
    const items = [0, 1, 2, 3].map((i) => ({ ...item, code: `370200-SPJY-000${i}`, ...(i === 3 ? { promisedDays: 30 } : {}) }));
    const catalog = { region: '370200', items };
    expect(validateCatalog(catalog)).toMatchObject({ ok: false, field: '/items/3/promisedDays' });
    expect(checkCatalog(catalog as Catalog)).toMatchObject({ ok: false, code: 'XR_CATALOG_INVALID', field: '/items/3/promisedDays' });
  });
});

/**
 * 证照免提交 as a rule of the handling region: the verdicts its verifier computed before decide
 * are data here; a refused certificate refuses the event naming the material and every reason, a
 * certificate of a type the catalog does not accept for the material is refused, and the accepted
 * ones are recorded in the answer (签收, or the confirmation of a 补正), which both copies fold in.
 */
import { describe, expect, it } from 'vitest';
import { catalogIndex } from '../src/catalog/catalog-index.js';
import type { Catalog } from '../src/catalog/model.js';
import { SAMPLE_CATALOG_370200 } from '../src/catalog/samples.js';
import { decide, evolve, refusalOf, type EventDraft } from '../src/case/decide.js';
import type { CertificateVerdict } from '../src/case/rules-presented.js';
import { at, caseFlow, given, material, SAMPLE_MATERIALS } from '../src/case/testing.js';
import { problem } from '../src/errors.js';

/** What an accepted decision emits (a refusal emits nothing). */
const emitted = (d: ReturnType<typeof decide>): readonly EventDraft[] => (d.ok ? d.emit : []);

const LICENCE_TYPE = '11100000MB0143028R010'; // 营业执照 (illustrative)
const FOOD_TYPE = '11100000MB0143028R002';
const ID = '1.2.156.3005.2.11100000MB0143028R010.11370200MB12345674.7.001.K';
const OTHER_ID = '1.2.156.3005.2.11100000MB0143028R002.11370200MB12345674.8.001.K';
const JWS = 'eyJhbGciOiJFZERTQSJ9.eyJsaWNlbmNlIjoxfQ.c2ln';
const JWS_2 = 'eyJhbGciOiJFZERTQSJ9.eyJsaWNlbmNlIjoyfQ.c2ln';

// 370200's catalog, where 营业执照 may be presented as an 电子营业执照.
const CATALOG: Catalog = {
  ...SAMPLE_CATALOG_370200,
  items: SAMPLE_CATALOG_370200.items.map((i) => ({ ...i, materials: i.materials.map((m) => (m.name === '营业执照' ? { ...m, certificateTypes: [LICENCE_TYPE] } : m)) })),
};
const { item } = catalogIndex([CATALOG]);
const flow = caseFlow({ receiving: '371500', handling: '370200' });
const NOW = '2025-09-26T01:05:00Z';

const valid = (certificateId = ID, typeCode = LICENCE_TYPE): CertificateVerdict => ({ valid: true, reasons: [], certificateId, issuerRegion: '331081', typeCode, statusPosition: 41 });
const refused = (...codes: Parameters<typeof problem>[0][]): CertificateVerdict => ({ valid: false, reasons: codes.map((c) => problem(c, `${c.toLowerCase()} because`)), certificateId: ID, issuerRegion: '331081', typeCode: LICENCE_TYPE, statusPosition: 41 });

/** The sample materials with 营业执照 (index 1) presented as a certificate. */
const presenting = (jws = JWS) => SAMPLE_MATERIALS.map((name) => (name === '营业执照' ? { name, certificate: jws } : material(name)));

function submit(verdicts?: ReadonlyMap<string, CertificateVerdict>, materials = presenting()) {
  return given().when(flow.submitted(at('2025-09-26'), { materials }), { self: flow.handling, now: NOW, item, ...(verdicts ? { verdicts } : {}) });
}

describe('证照免提交 at intake (the handling region decides with its verifier’s verdicts)', () => {
  it('a valid certificate satisfies its material: 签收 records it, and the case keeps it', () => {
    const { decision, state } = submit(new Map([[JWS, valid()]]));
    const recorded = { material: '营业执照', certificateId: ID, issuerRegion: '331081', typeCode: LICENCE_TYPE, verifiedAt: NOW, statusPosition: 41 };
    expect(decision).toMatchObject({ ok: true, emit: [{ type: 'case.received', payload: { receivedAt: NOW, certificates: [recorded] } }] });
    expect(state?.materials[1]).toEqual({ name: '营业执照', certificate: JWS });
    // The 签收, journaled and folded on either side, leaves the verdict with the case.
    const received = flow.event('case.received', emitted(decision)[0]!.payload, at('2025-09-26', '09:05'));
    expect(evolve(state, received).presentedCertificates).toEqual([recorded]);
  });

  it('a submission of scans only is signed for as before, with no certificates member', () => {
    const { decision } = submit(undefined, SAMPLE_MATERIALS.map(material));
    expect(decision).toMatchObject({ ok: true, emit: [{ type: 'case.received', payload: { receivedAt: NOW } }] });
    expect(emitted(decision)[0]!.payload).not.toHaveProperty('certificates');
  });

  it.each([
    ['revoked', refused('XR_CERT_REVOKED'), 'XR_CERT_REVOKED'],
    ['not recognised here', refused('XR_CERT_NOT_RECOGNISED'), 'XR_CERT_NOT_RECOGNISED'],
    ['altered (bad signature)', refused('XR_CERT_SIGNATURE_INVALID'), 'XR_CERT_SIGNATURE_INVALID'],
    ['revoked and not recognised: the first reason is the code', refused('XR_CERT_REVOKED', 'XR_CERT_NOT_RECOGNISED'), 'XR_CERT_REVOKED'],
    ['of a type the catalog does not accept for 营业执照', valid(OTHER_ID, FOOD_TYPE), 'XR_CERT_TYPE_MISMATCH'],
  ])('a certificate %s refuses the submission with %s, naming the material and its field', (_what, verdict, code) => {
    const { decision, state } = submit(new Map([[JWS, verdict]]));
    expect(decision).toMatchObject({ ok: false, code, field: '/payload/materials/1/certificate' });
    expect(state).toBeUndefined();
    const message = decision.ok ? '' : decision.message;
    expect(message).toContain('营业执照');
    for (const reason of verdict.reasons) expect(message).toContain(reason.code);
  });

  it('a handling region without a verifier cannot take a presented certificate: XR_CERT_UNVERIFIABLE', () => {
    expect(submit().decision).toMatchObject({ ok: false, code: 'XR_CERT_UNVERIFIABLE', field: '/payload/materials/1/certificate' });
  });

  it('every refused certificate is named; the first one gives the code and field', () => {
    const materials = [...presenting(), { name: '授权委托书', certificate: JWS_2 }];
    const { decision } = submit(new Map([[JWS, valid()], [JWS_2, refused('XR_CERT_EXPIRED')]]), materials);
    expect(decision).toMatchObject({ ok: false, code: 'XR_CERT_EXPIRED', field: '/payload/materials/5/certificate' });
    const both = submit(new Map([[JWS, refused('XR_CERT_SUSPENDED')], [JWS_2, refused('XR_CERT_EXPIRED')]]), materials).decision;
    expect(both).toMatchObject({ ok: false, code: 'XR_CERT_SUSPENDED', field: '/payload/materials/1/certificate' });
    expect(both.ok ? [] : both.violations?.map((v) => v.field)).toEqual(['/payload/materials/1/certificate', '/payload/materials/5/certificate']);
  });

  it('a material the catalog names no types for takes any certificate the verifier accepts', () => {
    const materials = [...SAMPLE_MATERIALS.map(material), { name: '授权委托书', certificate: JWS_2 }];
    expect(submit(new Map([[JWS_2, valid(OTHER_ID, FOOD_TYPE)]]), materials).decision).toMatchObject({ ok: true });
  });

  it('catalog rules come first: a missing material is still XR_MATERIAL_MISSING; a presented one counts as present', () => {
    const materials = presenting().filter((m) => m.name !== '食品安全管理制度');
    expect(submit(new Map([[JWS, refused('XR_CERT_REVOKED')]]), materials).decision).toMatchObject({ ok: false, code: 'XR_MATERIAL_MISSING' });
  });

  it('the receiving region does not judge certificates: it mirrors what the handling region decides', () => {
    const event = flow.submitted(at('2025-09-26'), { materials: presenting() });
    expect(decide(undefined, event, { self: flow.receiving, now: NOW })).toMatchObject({ ok: true, emit: [] });
  });
});

describe('证照免提交 in a 补正 (the confirmation records the verdict)', () => {
  const history = given(
    flow.submitted(at('2025-09-26')),
    flow.event('case.received', { receivedAt: at('2025-09-26', '09:05') }, at('2025-09-26', '09:05')),
    flow.event('case.supplement-requested', { items: [{ material: '营业执照', reason: '复印件不清晰' }], notice: '请补正营业执照。' }, at('2025-09-29')),
  );
  const supplement = flow.event('case.supplemented', { materials: [{ name: '营业执照', certificate: JWS }] }, at('2025-09-30'));

  it('accepted: case.request-accepted carries the verified certificate; the receiving copy folds it in', () => {
    const { decision } = history.when(supplement, { item, verdicts: new Map([[JWS, valid()]]), now: NOW });
    expect(decision).toMatchObject({ ok: true, emit: [{ type: 'case.request-accepted', payload: { certificates: [{ material: '营业执照', certificateId: ID, verifiedAt: NOW }] } }] });
    const confirmation = flow.event('case.request-accepted', emitted(decision)[0]!.payload, at('2025-09-30', '09:01'));
    const receivingCopy = evolve(history.state, confirmation);
    expect(receivingCopy.status).toBe('supplemented');
    expect(receivingCopy.materials.find((m) => m.name === '营业执照')).toEqual({ name: '营业执照', certificate: JWS });
    expect(receivingCopy.presentedCertificates).toMatchObject([{ material: '营业执照', certificateId: ID }]);
  });

  it('refused: the request is refused with the verdict’s code, and the refusal carries the field', () => {
    const { decision } = history.when(supplement, { item, verdicts: new Map([[JWS, refused('XR_CERT_KEY_REVOKED')]]), now: NOW });
    expect(decision).toMatchObject({ ok: false, code: 'XR_CERT_KEY_REVOKED', field: '/payload/materials/0/certificate' });
    if (decision.ok) return;
    expect(refusalOf(supplement, decision).payload).toMatchObject({ code: 'XR_CERT_KEY_REVOKED', field: '/payload/materials/0/certificate' });
  });

  it('a refusal’s message is cut to what its schema allows', () => {
    const long = refusalOf(supplement, problem('XR_CERT_REVOKED', '证'.repeat(5000), '/payload/materials/0/certificate'));
    expect([...(long.payload as { message: string }).message]).toHaveLength(1000);
  });
});

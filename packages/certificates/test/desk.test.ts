/**
 * The certificate desk with real gateways on the embedded log: 青岛 approves a case from 聊城's
 * hall and issues its 电子证照 in the same journal append; the status topic gets the issuance; 温岭
 * (recognising the type) and 成都 (not recognising it) verify what the holder presents; 青岛
 * suspends, reinstates and revokes it, and every desk sees it.
 */
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

async function until<T>(probe: () => T, want: (v: T) => boolean, ms = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (want(v)) return v;
    if (Date.now() - start > ms) throw new Error(`not reached in ${ms} ms (last: ${String(v)})`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
import { checkLicenceUrn, openStatusList, statusLookupFromLists, type LicenceCredential } from '@xr/credentials';
import { generateKeyPair, makeKid, sha256Hex, signingKeyFromJwk, type SigningKey } from '@xr/crypto';
import { catalogIndex } from '@xr/domain';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import { FileEventLog } from '@xr/event-log-file';
import { ExchangeGateway, KeyRing, topics } from '@xr/exchange';
import { Counters, createLogger } from '@xr/observability';
import { CertificateDesk } from '@xr/certificates';

const quiet = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) });
const t = topics('t');
const TYPE = '11100000MB0143028R002'; // 食品经营许可证 in the sample catalogs
const codes = ['371500', '370200', '331081', '510100'] as const;
const keys = new Map<string, ReturnType<typeof generateKeyPair>>(codes.map((c) => [c, generateKeyPair(makeKid(c, 1))]));
const signer = (c: string): SigningKey => signingKeyFromJwk(keys.get(c)!.privateJwk);
const trust = (): KeyRing => new KeyRing(codes.map((c) => keys.get(c)!.publicJwk));
const items = catalogIndex(SAMPLE_CATALOGS);
// 温岭 recognises 青岛's 食品经营许可证; 成都 recognises nothing of 青岛's.
const recognises = (verifier: string, issuer: string, type: string): boolean => verifier === '331081' && issuer === '370200' && type === TYPE;

/** The payload of a compact JWS, as any holder can read it. */
const payloadOf = (jws: string): LicenceCredential => JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as LicenceCredential;
/** The calendar date in China (UTC+8, no daylight saving) of an instant. */
const chinaDay = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
/** 有效期至 of a 颁发日期 and a validity in years: 23:59:59 China time of the day before the same date that many years later. */
function validUntilOf(issueDate: string, years: number): string {
  const [y, m, d] = issueDate.split('-').map(Number) as [number, number, number];
  return `${new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10)}T23:59:59+08:00`;
}

function desk(region: string, log: FileEventLog): CertificateDesk {
  const authorities = SAMPLE_CATALOGS.find((c) => c.region === region)!.items.flatMap((i) => (i.certificate ? [i.certificate.issuer] : []));
  return new CertificateDesk({ region, signer: signer(region), base: 'https://xr.example.gov.cn', log, topics: t, partitions: 3, trust: trust(), recognises, item: items.item, authorities: [...new Map(authorities.map((a) => [a.uscc, a])).values()], logger: quiet });
}

function gateway(region: string, log: FileEventLog, certify?: CertificateDesk['certify']): ExchangeGateway {
  return new ExchangeGateway({ region, log, signer: signer(region), keys: trust(), topics: t, partitions: 3, logger: quiet, counters: new Counters(), ...(certify ? { certify } : {}) });
}

describe('电子证照 issued on approval, verified and recognised elsewhere, revoked everywhere', () => {
  let dir: string;
  let log: FileEventLog;
  let desks: Map<string, CertificateDesk>;
  let gateways: ExchangeGateway[];
  let credential: string;
  let certificateId: string;
  let caseId: string;
  const issued = () => gateways[1]!.getCase(caseId)!;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xr-certs-'));
    log = await FileEventLog.open({ dir });
    for (const c of codes) await log.createTopic(t.inbox(c), { partitions: 3, timestampType: 'LogAppendTime' });
    desks = new Map(codes.map((c) => [c, desk(c, log)]));
    for (const d of desks.values()) await d.start();
    const hall = gateway('371500', log);
    const office = gateway('370200', log, desks.get('370200')!.certify);
    gateways = [hall, office];
    for (const g of gateways) await g.start();
    for (const d of desks.values()) d.publish();
    caseId = hall.newCaseId();
    const submitted = await hall.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: {
      item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' },
      applicant: { kind: 'organisation', name: '聊城示例餐饮有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' },
      materials: [{ name: '食品经营许可申请书', sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' }],
      intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2026-12-01T09:00:00+08:00' },
    } });
    expect(submitted.ok).toBe(true);
    await until(() => office.getCase(caseId)?.status, (s) => s === 'received');
    expect((await office.request({ type: 'case.accepted', v: 1, caseId, target: '371500', payload: { receiptNo: 'R-1', basis: 'standard' } })).ok).toBe(true);
    expect((await office.request({ type: 'case.approved', v: 1, caseId, target: '371500', payload: { decisionNo: '青市监准〔2026〕1号' } })).ok).toBe(true);
    // Both copies hold it: the hall's as soon as certificate.issued is delivered.
    await until(() => hall.getCase(caseId)?.certificate?.credential, (c) => typeof c === 'string');
    credential = office.getCase(caseId)!.certificate!.credential;
    certificateId = office.getCase(caseId)!.certificate!.id;
    expect(hall.getCase(caseId)!.certificate!.credential).toBe(credential);
    // The issuance reaches the status topic after the journal.
    for (const d of desks.values()) await until(() => d.statusOf(certificateId), (s) => s === 'valid');
  });

  afterAll(async () => {
    for (const g of gateways) await g.stop();
    for (const d of desks.values()) await d.stop();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the certificate names its holder, type and issuer, and verifies where the type is recognised', () => {
    expect(certificateId).toMatch(/^1\.2\.156\.3005\.2\.11100000MB0143028R002\.11370200MB12345674\.\d+\.001\.[0-9A-Z]$/);
    const verdict = desks.get('331081')!.verify(credential);
    expect(verdict.reasons).toEqual([]);
    expect(verdict).toMatchObject({ valid: true, certificateId, issuerRegion: '370200' });
    expect(verdict.credential?.credentialSubject).toMatchObject({ holderName: '聊城示例餐饮有限公司', holderCode: '91350100M000100Y43', holderCodeType: '001', licenceTypeCode: TYPE });
  });

  it('the credential holds what the approval and the catalog item (validityYears 5) derive: dates, 流水号, 证照编号, item and case', () => {
    const state = issued();
    const approvedAt = state.decision!.at;
    const c = payloadOf(credential);
    const issueDate = chinaDay(approvedAt);
    const serial = `${issueDate.replaceAll('-', '')}${String(state.certificate!.statusIndex).padStart(8, '0')}`;
    expect(c.credentialSubject).toMatchObject({ issueDate, licenceNumber: `370200-${serial}`, licenceName: '食品经营许可证', itemCode: state.itemCode, itemName: '食品经营许可证核发', caseId });
    expect(c.credentialSubject.itemCode).toBe('370200-SPJY-0001');
    expect(c.validFrom).toBe(approvedAt);
    expect(c.iat).toBe(Math.floor(Date.parse(approvedAt) / 1000));
    expect(c.validUntil).toBe(validUntilOf(issueDate, 5));
    const id = checkLicenceUrn(c.id);
    expect(id.ok && { ...id.value }).toMatchObject({ typeCode: TYPE, issuerUscc: '11370200MB12345674', serial, version: '001' });
    expect(c.id).toBe(`urn:gbt36904:${certificateId}`);
    expect(c.issuer).toEqual({ id: 'https://xr.example.gov.cn/issuers/370200/11370200MB12345674', name: '青岛市行政审批服务局' });
    // The case's copy says the same as the credential.
    expect(state.certificate).toMatchObject({ number: `370200-${serial}`, validFrom: approvedAt, validUntil: c.validUntil, typeCode: TYPE, digest: sha256Hex(credential) });
  });

  it('an approval late in the UTC day is issued on the China date; 29 February plus 5 years ends on 28 February; a status index past list 0 goes to list 1', async () => {
    const time = '2028-02-28T16:30:00.000Z'; // 2028-02-29 00:30 in China
    const made = await desks.get('370200')!.certify(
      { id: '0193f0a0-0000-7000-8000-00000000f0f2', type: 'case.approved', v: 1, caseId, seq: 9, source: '370200', target: '371500', time, payload: { decisionNo: 'X' } },
      issued(),
      131_073,
    );
    const c = payloadOf(made!.credential);
    expect([c.validFrom, c.iat]).toEqual([time, Date.parse(time) / 1000]);
    expect(c.credentialSubject.issueDate).toBe('2028-02-29');
    expect(c.validUntil).toBe('2033-02-28T23:59:59+08:00');
    expect(c.credentialSubject.licenceNumber).toBe('370200-2028022900131073');
    expect(c.id).toMatch(/^urn:gbt36904:1\.2\.156\.3005\.2\.11100000MB0143028R002\.11370200MB12345674\.2028022900131073\.001\.[0-9A-Z]$/);
    expect(checkLicenceUrn(c.id).ok).toBe(true);
    expect(c.credentialStatus.map((e) => [e.statusListCredential, e.statusListIndex])).toEqual([
      ['https://xr.example.gov.cn/issuers/370200/11370200MB12345674/status/revocation/1', '1'],
      ['https://xr.example.gov.cn/issuers/370200/11370200MB12345674/status/suspension/1', '1'],
    ]);
    expect(made).toMatchObject({ number: '370200-2028022900131073', validFrom: time, validUntil: '2033-02-28T23:59:59+08:00', statusIndex: 131_073, id: c.id.slice('urn:gbt36904:'.length) });
    // 23:59:59 China time on the last day is 15:59:59 UTC.
    expect(Date.parse(c.validUntil!)).toBe(Date.parse('2033-02-28T15:59:59Z'));
  });

  it('is refused where no agreement covers issuer and type (成都), with the code', () => {
    const verdict = desks.get('510100')!.verify(credential);
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons.map((r) => r.code)).toEqual(['XR_CERT_NOT_RECOGNISED']);
  });

  it('a credential the issuer never put on the status topic is refused even though its signature holds', async () => {
    // Same key, same index, another holder: signed by 青岛 but never issued through the network.
    const forged = await desks.get('370200')!.certify(
      { id: '0193f0a0-0000-7000-8000-00000000f0f0', type: 'case.approved', v: 1, caseId: '0193f0a0-0000-7000-8000-00000000f0f1', seq: 9, source: '370200', target: '371500', time: '2026-12-02T10:00:00.000+08:00', payload: { decisionNo: 'X' } },
      { ...issued(), applicant: { kind: 'person', name: '李四', idType: 'resident-id', idNumber: '11010519491231002X' } },
      issued().certificate!.statusIndex,
    );
    const verdict = desks.get('331081')!.verify(forged!.credential);
    expect(verdict.reasons.map((r) => r.code)).toEqual(['XR_CERT_NOT_ISSUED']);
  });

  it('suspension, reinstatement and revocation by the issuer reach every desk; only the issuer may change it', async () => {
    const office = desks.get('370200')!;
    expect(await desks.get('331081')!.change('revoked', certificateId, 'fraud', 'r0')).toMatchObject({ ok: false, code: 'XR_CERT_NOT_FOUND' });
    const suspended = await office.change('suspended', certificateId, 'under-review', 'r1');
    expect(suspended).toMatchObject({ ok: true, value: { status: 'suspended', unchanged: false } });
    await expect.poll(() => desks.get('331081')!.verify(credential).reasons.map((r) => r.code), { timeout: 2_000 }).toEqual(['XR_CERT_SUSPENDED']);
    expect(await office.change('suspended', certificateId, 'under-review', 'r1')).toMatchObject({ ok: true, value: { unchanged: true } });
    expect(await office.change('reinstated', certificateId, 'review-passed', 'r2')).toMatchObject({ ok: true, value: { status: 'valid' } });
    await expect.poll(() => desks.get('331081')!.verify(credential).valid, { timeout: 2_000 }).toBe(true);
    // r1 retried after the reinstatement (its answer was lost): answered with the earlier outcome, nothing changes.
    const position = office.follower.freshness.position;
    const retried = await office.change('suspended', certificateId, 'under-review', 'r1');
    expect(retried).toEqual({ ok: true, value: { ...(suspended.ok ? suspended.value : {}), unchanged: true } });
    expect(office.follower.freshness.position).toBe(position);
    expect(office.statusOf(certificateId)).toBe('valid');
    expect(desks.get('331081')!.verify(credential).valid).toBe(true);
    // A request id used before for another change is no retry.
    expect(await office.change('suspended', certificateId, 'under-review', 'r2')).toMatchObject({ ok: false, code: 'XR_REQUEST_CONFLICT', field: 'request_id' });
    expect(await office.change('suspended', certificateId, 'other-reason', 'r1')).toMatchObject({ ok: false, code: 'XR_REQUEST_CONFLICT', field: 'request_id' });
    expect(office.statusOf(certificateId)).toBe('valid');
    // A request that changed nothing (already valid) is remembered too: its retry after a suspension does not reinstate.
    const noop = await office.change('reinstated', certificateId, 'review-passed', 'r2b');
    expect(noop).toMatchObject({ ok: true, value: { status: 'valid', unchanged: true } });
    expect(await office.change('suspended', certificateId, 'under-review', 'r6')).toMatchObject({ ok: true, value: { status: 'suspended', unchanged: false } });
    expect(await office.change('reinstated', certificateId, 'review-passed', 'r2b')).toEqual(noop);
    expect(office.statusOf(certificateId)).toBe('suspended');
    expect(await office.change('reinstated', certificateId, 'review-passed', 'r7')).toMatchObject({ ok: true, value: { status: 'valid', unchanged: false } });
    expect(await office.change('revoked', certificateId, 'fraud', 'r3')).toMatchObject({ ok: true, value: { status: 'revoked' } });
    await expect.poll(() => desks.get('331081')!.verify(credential).reasons.map((r) => r.code), { timeout: 2_000 }).toEqual(['XR_CERT_REVOKED']);
    expect(await office.change('reinstated', certificateId, 'mistake', 'r4')).toMatchObject({ ok: false, code: 'XR_CERT_STATUS_CONFLICT' });
    expect(await office.change('revoked', certificateId, 'Not A Code', 'r5')).toMatchObject({ ok: false });
  });

  it('the issuer’s status list lets an outside verifier check status offline', () => {
    const list = desks.get('370200')!.statusList('revocation', 0);
    if (!list.ok) throw new Error(list.message);
    const ring = trust();
    const opened = openStatusList(list.value.credential, (kid) => {
      const v = ring.keyFor(kid);
      return v.ok ? v.key : { code: v.code, message: v.reason };
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    const index = issued().certificate!.statusIndex;
    expect(opened.value.bits.get(index)).toBe(true);
    expect(opened.value.bits.setIndexes()).toEqual([index]);
    const lookup = statusLookupFromLists([opened.value]);
    expect(lookup({ issuer: opened.value.issuer, purpose: 'revocation', index, list: opened.value.url })).toMatchObject({ status: 'revoked' });
    expect(desks.get('370200')!.statusList('expiry', 0)).toMatchObject({ ok: false, field: 'purpose' });
  });
});

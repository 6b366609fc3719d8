/**
 * 证照免提交 with real gateways and certificate desks on the embedded log: 青岛 issues a 食品经营许可证
 * by approving a case from 聊城's hall; the holder then applies at 聊城's hall for items handled in
 * 温岭 (which recognises 青岛's 食品经营许可证) and 成都 (which does not), presenting the certificate
 * instead of a scan. The handling region's desk verifies it at intake, recognition included: 温岭
 * signs for the case and records the verdict (both journals hold it); 成都 refuses it
 * XR_CERT_NOT_RECOGNISED; an altered copy is refused XR_CERT_SIGNATURE_INVALID; once 青岛 revokes
 * it, 温岭 refuses it XR_CERT_REVOKED. The hall's caller hears each refusal with its code and field.
 */
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, makeKid, signingKeyFromJwk, type SigningKey } from '@xr/crypto';
import { catalogIndex, type Catalog, type CaseState, type Result } from '@xr/domain';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import { FileEventLog } from '@xr/event-log-file';
import { ExchangeGateway, KeyRing, topics } from '@xr/exchange';
import { Counters, createLogger } from '@xr/observability';
import { CertificateDesk } from '@xr/certificates';

const quiet = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) });
const t = topics(`p${Math.random().toString(36).slice(2, 8)}`);
const TYPE = '11100000MB0143028R002'; // 食品经营许可证 in the sample catalogs
const codes = ['371500', '370200', '331081', '510100'] as const;
const keys = new Map<string, ReturnType<typeof generateKeyPair>>(codes.map((c) => [c, generateKeyPair(makeKid(c, 1))]));
const signer = (c: string): SigningKey => signingKeyFromJwk(keys.get(c)!.privateJwk);
const trust = (): KeyRing => new KeyRing(codes.map((c) => keys.get(c)!.publicJwk));
// 温岭 recognises 青岛's 食品经营许可证; 成都 recognises nothing of 青岛's.
const recognises = (verifier: string, issuer: string, type: string): boolean => verifier === '331081' && issuer === '370200' && type === TYPE;
// 温岭's 食品经营许可 takes the previous licence as a certificate of its type (证照免提交).
const catalogs: Catalog[] = SAMPLE_CATALOGS.map((c) => ({
  ...c,
  items: c.items.map((i) => (i.code === '331081-SPJY-0001' ? { ...i, materials: [...i.materials, { name: '原食品经营许可证', required: false, certificateTypes: [TYPE] }] } : i)),
}));
const items = catalogIndex(catalogs);
const HOLDER = { kind: 'organisation', name: '聊城示例餐饮有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' } as const;
const scan = (name: string) => ({ name, sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' });
const intake = { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2026-12-01T09:00:00+08:00' } as const;

function desk(region: string, log: FileEventLog): CertificateDesk {
  const authorities = catalogs.find((c) => c.region === region)!.items.flatMap((i) => (i.certificate ? [i.certificate.issuer] : []));
  return new CertificateDesk({ region, signer: signer(region), base: 'https://xr.example.gov.cn', log, topics: t, partitions: 3, trust: trust(), recognises, item: items.item, authorities: [...new Map(authorities.map((a) => [a.uscc, a])).values()], logger: quiet });
}

function gateway(region: string, log: FileEventLog, d?: CertificateDesk): ExchangeGateway {
  return new ExchangeGateway({
    region,
    log,
    signer: signer(region),
    keys: trust(),
    topics: t,
    partitions: 3,
    logger: quiet,
    counters: new Counters(),
    catalogs: items,
    ...(d ? { certify: d.certify, verifyCertificate: (jws: string) => d.verify(jws) } : {}),
  });
}

async function until(probe: () => boolean, ms = 10_000): Promise<void> {
  for (const start = Date.now(); !probe(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - start > ms) throw new Error(`not reached in ${ms} ms`);
  }
}

/** Flips one claim of the credential and keeps its signature. */
function altered(jws: string): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { credentialSubject: { holderName: string } };
  claims.credentialSubject.holderName = '另一家餐饮有限公司';
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('证照免提交: a material satisfied by presenting an 电子证照, verified by the handling region at intake', () => {
  let dir: string;
  let log: FileEventLog;
  let desks: Map<string, CertificateDesk>;
  let gateways: Map<string, ExchangeGateway>;
  let credential: string;
  let certificateId: string;
  const hall = (): ExchangeGateway => gateways.get('371500')!;

  /** A food licence application at 聊城's hall for 温岭, presenting `certificate` for 原食品经营许可证. */
  const toWenling = (certificate: string): Promise<Result<CaseState>> =>
    hall().request({ type: 'case.submitted', v: 1, caseId: hall().newCaseId(), target: '331081', payload: {
      item: { code: '331081-SPJY-0001', name: '食品经营许可证核发' },
      applicant: HOLDER,
      materials: [scan('食品经营许可申请书'), scan('营业执照'), scan('食品安全管理制度'), { name: '原食品经营许可证', certificate }],
      intake,
    } });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xr-presented-'));
    log = await FileEventLog.open({ dir });
    for (const c of codes) await log.createTopic(t.inbox(c), { partitions: 3, timestampType: 'LogAppendTime' });
    desks = new Map(codes.map((c) => [c, desk(c, log)]));
    for (const d of desks.values()) await d.start();
    gateways = new Map(codes.map((c) => [c, gateway(c, log, c === '371500' ? undefined : desks.get(c))]));
    for (const g of gateways.values()) await g.start();
    for (const d of desks.values()) d.publish();
    // 青岛 approves a case from 聊城's hall and issues the 食品经营许可证.
    const office = gateways.get('370200')!;
    const caseId = hall().newCaseId();
    const submitted = await hall().request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: {
      item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' },
      applicant: HOLDER,
      materials: ['食品经营许可申请书', '营业执照', '法定代表人身份证明', '食品安全管理制度', '经营场所平面布局图'].map(scan),
      intake,
    } });
    if (!submitted.ok) throw new Error(`${submitted.code} ${submitted.message}`);
    expect(submitted.value.status).toBe('received');
    expect((await office.request({ type: 'case.accepted', v: 1, caseId, target: '371500', payload: { receiptNo: 'R-1', basis: 'standard' } })).ok).toBe(true);
    expect((await office.request({ type: 'case.approved', v: 1, caseId, target: '371500', payload: { decisionNo: '青市监准〔2026〕7号' } })).ok).toBe(true);
    await until(() => typeof hall().getCase(caseId)?.certificate?.credential === 'string');
    credential = hall().getCase(caseId)!.certificate!.credential;
    certificateId = hall().getCase(caseId)!.certificate!.id;
    for (const d of desks.values()) await until(() => d.statusOf(certificateId) === 'valid');
  });

  afterAll(async () => {
    for (const g of gateways.values()) await g.stop();
    for (const d of desks.values()) await d.stop();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('accepted where the type is recognised (温岭): 签收 records the verdict, and both journals hold it', async () => {
    const result = await toWenling(credential);
    if (!result.ok) throw new Error(`${result.code} ${result.message}`);
    expect(result.value.status).toBe('received');
    const recorded = { material: '原食品经营许可证', certificateId, issuerRegion: '370200', typeCode: TYPE };
    expect(result.value.presentedCertificates).toMatchObject([recorded]);
    expect(result.value.presentedCertificates[0]!.verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // 温岭's own copy: the same verdict, from its own journal.
    expect(gateways.get('331081')!.getCase(result.value.caseId)!.presentedCertificates).toEqual(result.value.presentedCertificates);
    // The presented credential is the material itself, in both copies.
    expect(gateways.get('331081')!.getCase(result.value.caseId)!.materials).toContainEqual({ name: '原食品经营许可证', certificate: credential });
  });

  it('a 补正 may present it too: an altered copy is refused, the genuine one is confirmed with its verdict', async () => {
    const taken = await toWenling(credential);
    if (!taken.ok) throw new Error(taken.message);
    const caseId = taken.value.caseId;
    const wenling = gateways.get('331081')!;
    expect((await wenling.request({ type: 'case.supplement-requested', v: 1, caseId, target: '371500', payload: { items: [{ material: '原食品经营许可证', reason: '请出示有效证照' }], notice: '请补正：原食品经营许可证。' } })).ok).toBe(true);
    await until(() => hall().getCase(caseId)?.status === 'supplement-requested');
    const supplement = (certificate: string): Promise<Result<CaseState>> => hall().request({ type: 'case.supplemented', v: 1, caseId, target: '331081', payload: { materials: [{ name: '原食品经营许可证', certificate }] } });
    expect(await supplement(altered(credential))).toMatchObject({ ok: false, code: 'XR_CERT_SIGNATURE_INVALID', field: '/payload/materials/0/certificate' });
    expect(hall().getCase(caseId)?.status).toBe('supplement-requested');
    const confirmed = await supplement(credential);
    if (!confirmed.ok) throw new Error(`${confirmed.code} ${confirmed.message}`);
    expect(confirmed.value.status).toBe('supplemented');
    const verdicts = confirmed.value.presentedCertificates;
    expect(verdicts).toMatchObject([{ material: '原食品经营许可证', certificateId }]);
    expect(verdicts[0]!.verifiedAt >= taken.value.presentedCertificates[0]!.verifiedAt).toBe(true);
    await until(() => wenling.getCase(caseId)?.status === 'supplemented');
    expect(wenling.getCase(caseId)!.presentedCertificates).toEqual(verdicts);
  });

  it('refused where no agreement covers issuer and type (成都): XR_CERT_NOT_RECOGNISED on the material’s field', async () => {
    const result = await hall().request({ type: 'case.submitted', v: 1, caseId: hall().newCaseId(), target: '510100', payload: {
      item: { code: '510100-YPLS-0004', name: '药品零售企业许可' },
      applicant: HOLDER,
      materials: [scan('药品经营许可证申请表'), scan('营业执照'), scan('执业药师注册证'), scan('质量管理文件目录'), { name: '食品经营许可证', certificate: credential }],
      intake,
    } });
    expect(result).toMatchObject({ ok: false, code: 'XR_CERT_NOT_RECOGNISED', field: '/payload/materials/4/certificate' });
    expect(result.ok ? '' : result.message).toContain('食品经营许可证');
    // 成都 kept nothing: the submission is in its quarantine with the same reason.
    const quarantined = await gateways.get('510100')!.quarantine();
    expect(quarantined.map((q) => [q.code, q.field])).toContainEqual(['XR_CERT_NOT_RECOGNISED', '/payload/materials/4/certificate']);
  });

  it('an altered certificate (one claim changed, signature kept) is refused XR_CERT_SIGNATURE_INVALID', async () => {
    const result = await toWenling(altered(credential));
    expect(result).toMatchObject({ ok: false, code: 'XR_CERT_SIGNATURE_INVALID', field: '/payload/materials/3/certificate' });
    expect(result.ok ? '' : result.message).toContain('原食品经营许可证');
  });

  it('once 青岛 revokes it, 温岭 refuses it XR_CERT_REVOKED at intake', async () => {
    expect(await desks.get('370200')!.change('revoked', certificateId, 'fraud', 'presented-r1')).toMatchObject({ ok: true });
    await expect.poll(() => desks.get('331081')!.statusOf(certificateId), { timeout: 5_000 }).toBe('revoked');
    const result = await toWenling(credential);
    expect(result).toMatchObject({ ok: false, code: 'XR_CERT_REVOKED', field: '/payload/materials/3/certificate' });
    expect(result.ok ? '' : result.message).toMatch(/原食品经营许可证.*XR_CERT_REVOKED/);
  });
});

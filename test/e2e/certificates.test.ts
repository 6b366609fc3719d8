/**
 * 电子证照 across regions, four gateway processes on Kafka with real sockets and tokens. The admin
 * registers 聊城, 青岛, 温岭 and 成都 with the sample catalogs; 温岭 recognises 青岛's 食品经营许可证.
 * 聊城's hall submits a 青岛 food licence case; 青岛 accepts and approves it and issues the
 * certificate; both parties fetch the same credential, which verifies with plain node:crypto; 温岭
 * accepts it, 成都 refuses it (not recognised), an altered copy is refused everywhere; only 青岛 may
 * change its status; suspension and reinstatement reach 温岭; `xr cert verify --offline` decides from
 * an audit export and status lists fetched with `xr cert status-list`; 聊城's hall presents it as a
 * case's material (证照免提交) to 温岭, which takes it, and to 成都, which refuses it; and after 青岛
 * revokes it, the test measures how long until each other region refuses it.
 */
import { createPublicKey, randomUUID, verify as edVerify } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalJson, generateKeyPair, makeKid, type PublicJwk } from '@xr/crypto';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import { adminKid } from '@xr/registry';
import type { Certificate__Output } from '@xr/proto';
import { runCli, startAdminInProcess, type AdminUnderTest } from './support/admin.js';
import { foodLicence } from './support/cases.js';
import { certificatesFor, type CertificateClient } from './support/certificates.js';
import { clientsFor, detailsOf, eventually, type Clients } from './support/clients.js';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.js';
import { authConfig, tokenFor } from './support/identity.js';

const prefix = `cert-${randomUUID().slice(0, 8)}`;
const TYPE = '11100000MB0143028R002'; // 食品经营许可证 in the sample catalogs
const admin = generateKeyPair(adminKid('ops', 1));
const CITIES = {
  lc: { code: '371500', name: '聊城市', k1: generateKeyPair(makeKid('371500', 1)) },
  qd: { code: '370200', name: '青岛市', k1: generateKeyPair(makeKid('370200', 1)) },
  wl: { code: '331081', name: '温岭市', k1: generateKeyPair(makeKid('331081', 1)) },
  cd: { code: '510100', name: '成都市', k1: generateKeyPair(makeKid('510100', 1)) },
} as const;
type City = keyof typeof CITIES;
const ORG = { kind: 'organisation', name: '聊城示例餐饮有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' };
const pdf = (name: string) => ({ name, sha256: Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64), size: 40_000, mediaType: 'application/pdf' });
const MATERIALS = ['食品经营许可申请书', '营业执照', '法定代表人身份证明', '食品安全管理制度', '经营场所平面布局图'].map(pdf);

let dir: string;
let brokers: string;
let desk: AdminUnderTest;
const gw = {} as Record<City, GatewayProcess>;
const cases = {} as Record<City, Clients>;
const certs = {} as Record<City, CertificateClient>;
const tokens = {} as Record<City, string>;
let issued: Certificate__Output;

const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });
const codesOf = (v: { reasons: { code: string }[] }) => v.reasons.map((r) => r.code);
const address = (city: City) => `127.0.0.1:${gw[city].grpcPort}`;

function gatewayConfig(city: City): Record<string, unknown> {
  const c = CITIES[city];
  return {
    region: c.code,
    signingKey: c.k1.privateJwk,
    eventLog: { kind: 'kafka', brokers: brokers.split(',') },
    ...authConfig('127.0.0.1:0'),
    registry: { trustAnchors: [admin.publicJwk] },
    catalog: SAMPLE_CATALOGS.find((k) => k.region === c.code)!,
    topicPrefix: prefix,
    logLevel: 'info',
  };
}

function call<Res>(c: Clients, method: string, request: object): Promise<Res> {
  return new Promise((resolve, reject) => {
    const fn = (c.cases as unknown as Record<string, (r: object, cb: (e: ServiceError | null, v?: Res) => void) => void>)[method]!.bind(c.cases);
    fn(request, (e, v) => (e ? reject(e) : resolve(v as Res)));
  });
}

/** The credential with one claim of its payload changed, re-encoded canonically: only the signature is wrong. */
function altered(jws: string, change: (payload: Record<string, unknown>) => void): string {
  const [h, p, s] = jws.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(payload);
  return `${h}.${Buffer.from(canonicalJson(payload)).toString('base64url')}.${s}`;
}

/** Milliseconds from now until `client`'s VerifyCertificate reasons satisfy `want`, polling every 20 ms; −1 after 5 s. */
async function msUntil(client: CertificateClient, want: (codes: string[]) => boolean): Promise<number> {
  const from = Date.now();
  while (Date.now() - from < 5_000) {
    if (want(codesOf(await client.verify(issued.credential)))) return Date.now() - from;
    await new Promise((r) => setTimeout(r, 20));
  }
  return -1;
}

const xr = (args: string[], token?: string) => runCli([...args], { KAFKA_BROKERS: '', ...(token ? { XR_TOKEN: token } : {}) });

beforeAll(async () => {
  brokers = inject('kafkaBrokers');
  dir = await mkdtemp(join(tmpdir(), 'xr-cert-e2e-'));
  desk = await startAdminInProcess(admin.privateJwk, brokers, prefix);
  for (const c of Object.values(CITIES)) {
    await desk.call('RegisterPartner', { requestId: randomUUID(), region: c.code, name: c.name, keys: [jwk(c.k1.publicJwk)], catalogJson: JSON.stringify(SAMPLE_CATALOGS.find((k) => k.region === c.code)!), contact: {} });
  }
  // 互认: 温岭 accepts 青岛's 食品经营许可证; 成都 has no agreement.
  await desk.call('SetRecognition', { requestId: randomUUID(), region: CITIES.wl.code, issuer: CITIES.qd.code, certificateTypes: [TYPE] });
  const started = await Promise.all((Object.keys(CITIES) as City[]).map((city) => startGatewayProcess(gatewayConfig(city), dir, city)));
  for (const [i, city] of (Object.keys(CITIES) as City[]).entries()) {
    gw[city] = started[i]!;
    tokens[city] = await tokenFor(CITIES[city].code);
    cases[city] = clientsFor(gw[city].grpcPort, tokens[city]);
    certs[city] = certificatesFor(gw[city].grpcPort, tokens[city]);
  }
  await writeFile(join(dir, 'anchors.json'), JSON.stringify({ keys: [admin.publicJwk] }));

  // 聊城's hall → 青岛: submitted, signed for, accepted, approved (the certificate is issued with the approval).
  const submitted = await cases.lc.submit(foodLicence(CITIES.qd.code, { applicant: ORG, materials: MATERIALS }));
  await eventually(async () => ((await cases.qd.get(submitted.caseId)).status === 'received' ? true : undefined));
  await call(cases.qd, 'AcceptCase', { requestId: randomUUID(), caseId: submitted.caseId, receiptNo: 'QD-SL-2026-0001', basis: 'standard' });
  await call(cases.qd, 'ApproveCase', { requestId: randomUUID(), caseId: submitted.caseId, decisionNo: '青市监食许〔2026〕18号', certificate: { type: '食品经营许可证' } });
  issued = await certs.qd.get(submitted.caseId);
}, 180_000);

afterAll(async () => {
  for (const c of [...Object.values(cases), ...Object.values(certs)]) c?.close();
  await Promise.all(Object.values(gw).map((g) => g?.stop('SIGKILL')));
  await desk?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('电子证照 across four gateway processes on Kafka', () => {
  it('青岛 issued it with the approval; 聊城 holds the same credential (电子送达)', async () => {
    expect(issued).toMatchObject({ typeCode: TYPE, issuerRegion: CITIES.qd.code });
    // The issuance reaches the status topic right after the journal: then 青岛's own view says valid.
    await eventually(async () => ((await certs.qd.get(issued.caseId)).status === 'valid' ? true : undefined), 5_000);
    expect(issued.id).toMatch(/^1\.2\.156\.3005\.2\.11100000MB0143028R002\.11370200MB12345674\.\d+\.001\.[0-9A-Z]$/);
    const atHall = await eventually(() => certs.lc.get(issued.caseId));
    expect(atHall.credential).toBe(issued.credential);
    expect(atHall.digest).toBe(issued.digest);
  });

  it('verifies with plain node:crypto: Ed25519 over header.payload with 青岛\'s registered key', () => {
    const [h, p, s] = issued.credential.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(header).toEqual({ alg: 'EdDSA', kid: '370200.k1', typ: 'vc+jwt' });
    const key = createPublicKey({ key: { ...CITIES.qd.k1.publicJwk }, format: 'jwk' });
    expect(edVerify(null, Buffer.from(`${h}.${p}`, 'ascii'), key, Buffer.from(s, 'base64url'))).toBe(true);
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(payload['@context']).toContain('https://www.w3.org/ns/credentials/v2');
    expect(payload['id']).toBe(`urn:gbt36904:${issued.id}`);
    expect(edVerify(null, Buffer.from(`${h}.${altered(issued.credential, (x) => (x['validUntil'] = '2099-01-01T00:00:00+08:00')).split('.')[1]}`, 'ascii'), key, Buffer.from(s, 'base64url'))).toBe(false);
  });

  it('温岭 (recognising 青岛\'s type) finds it valid; 成都 refuses it XR_CERT_NOT_RECOGNISED', async () => {
    const atWl = await eventually(async () => {
      const v = await certs.wl.verify(issued.credential);
      return v.valid ? v : undefined;
    });
    expect(atWl).toMatchObject({ valid: true, reasons: [], certificateId: issued.id, issuerRegion: CITIES.qd.code, typeCode: TYPE, verifiedBy: CITIES.wl.code });
    const atCd = await eventually(async () => {
      const v = await certs.cd.verify(issued.credential);
      return codesOf(v).includes('XR_CERT_STATUS_UNKNOWN') ? undefined : v;
    });
    expect(atCd.valid).toBe(false);
    expect(codesOf(atCd)).toEqual(['XR_CERT_NOT_RECOGNISED']);
  });

  it('a credential with one claim altered is refused XR_CERT_SIGNATURE_INVALID', async () => {
    const forged = altered(issued.credential, (x) => ((x['credentialSubject'] as Record<string, unknown>)['holderName'] = '另一家公司'));
    for (const city of ['wl', 'qd'] as const) {
      const v = await certs[city].verify(forged);
      expect(v.valid).toBe(false);
      expect(codesOf(v)).toContain('XR_CERT_SIGNATURE_INVALID');
    }
  });

  it('证照免提交: 聊城 submits a case presenting it; 温岭 (recognising it) signs for the case and both sides record its verdict; 成都 refuses it XR_CERT_NOT_RECOGNISED naming the material', async () => {
    // Both handling regions have read the issuance from the status topic.
    await eventually(async () => ((await certs.wl.verify(issued.credential)).valid ? true : undefined));
    await eventually(async () => (codesOf(await certs.cd.verify(issued.credential)).includes('XR_CERT_STATUS_UNKNOWN') ? undefined : true));
    const presented = { name: '食品经营许可证', certificate: issued.credential };
    const toWl = await cases.lc.submit(foodLicence(CITIES.wl.code, { applicant: ORG, materials: [pdf('食品经营许可申请书'), pdf('营业执照'), pdf('食品安全管理制度'), presented] }));
    expect(toWl.status).toBe('received');
    const recorded = { material: '食品经营许可证', certificateId: issued.id, issuerRegion: CITIES.qd.code, typeCode: TYPE, verifiedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown, statusPosition: expect.any(Number) as unknown };
    expect(toWl.presentedCertificates).toEqual([recorded]);
    expect(toWl.presentedCertificates[0]!.statusPosition).toBeGreaterThan(0);
    // The verdict is 温岭's, recorded with the case at 温岭 and carried back to 聊城 with the 签收.
    const atWl = await eventually(async () => ((await cases.wl.get(toWl.caseId)).status === 'received' ? cases.wl.get(toWl.caseId) : undefined));
    expect(atWl.presentedCertificates).toEqual(toWl.presentedCertificates);
    expect(atWl.materials[3]).toMatchObject({ name: '食品经营许可证', certificate: issued.credential, sha256: '' });
    expect((await cases.lc.get(toWl.caseId)).presentedCertificates).toEqual(toWl.presentedCertificates);

    const toCd = foodLicence(CITIES.cd.code, { itemCode: `${CITIES.cd.code}-YPLS-0004`, itemName: '药品零售企业许可', applicant: ORG, materials: [pdf('药品经营许可证申请表'), pdf('营业执照'), pdf('执业药师注册证'), pdf('质量管理文件目录'), presented] });
    const refused = (await cases.lc.submit(toCd).catch((e: unknown) => e)) as ServiceError;
    expect(refused).toBeInstanceOf(Error);
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.metadata.get('xr-code')).toEqual(['XR_CERT_NOT_RECOGNISED']);
    expect(refused.metadata.get('xr-field')).toEqual(['materials[4].certificate']);
    const details = detailsOf(refused);
    expect(details.violations.map((v) => v.field)).toEqual(['materials[4].certificate']);
    expect(details.message).toContain('食品经营许可证');
    expect(details.message).toContain(CITIES.cd.code);
  });

  it('only the issuing region changes its status: 温岭 is refused', async () => {
    const refused = await certs.wl.change('RevokeCertificate', issued.id, 'fraud', randomUUID()).then(() => undefined, (e: ServiceError) => e);
    expect([status.PERMISSION_DENIED, status.NOT_FOUND]).toContain(refused?.code);
    expect(['XR_CERT_NOT_FOUND', 'XR_PERMISSION_DENIED', 'XR_CERT_STATUS_SIGNER']).toContain(refused?.metadata.get('xr-code')[0]);
    // 青岛's own systems, calling 温岭's gateway, are not 温岭's systems.
    const viaWl = certificatesFor(gw.wl.grpcPort, tokens.qd);
    const foreign = await viaWl.change('RevokeCertificate', issued.id, 'fraud', randomUUID()).then(() => undefined, (e: ServiceError) => e);
    viaWl.close();
    expect(foreign?.code).toBe(status.PERMISSION_DENIED);
    expect((await certs.wl.verify(issued.credential)).valid).toBe(true);
  });

  it('suspension reaches 温岭 (XR_CERT_SUSPENDED); reinstatement makes it valid again (five rounds, each timed)', async () => {
    const figures: number[] = [];
    for (let round = 0; round < 5; round++) {
      const suspended = await certs.qd.change('SuspendCertificate', issued.id, 'under-review', randomUUID());
      figures.push(await msUntil(certs.wl, (codes) => codes.join() === 'XR_CERT_SUSPENDED'));
      expect(suspended).toMatchObject({ certificateId: issued.id, status: 'suspended', unchanged: false });
      const again = await certs.qd.change('ReinstateCertificate', issued.id, 'review-passed', randomUUID());
      figures.push(await msUntil(certs.wl, (codes) => codes.length === 0));
      expect(again).toMatchObject({ status: 'valid', unchanged: false });
    }
    const sorted = [...figures].sort((a, b) => a - b);
    process.stdout.write(`[certificates e2e] suspend/reinstate at 370200 → seen at 331081, ms from the call returning: ${figures.join(', ')} (median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)})\n`);
    expect(sorted.at(-1)).toBeLessThan(1_000);
  });

  it('xr cert: get, status-list and verify --offline from an audit export decide as the gateways do', async () => {
    const file = join(dir, 'licence.jws');
    const got = await xr(['cert', 'get', issued.caseId, '--gateway', address('lc'), '--out', file], tokens.lc);
    expect(got.stderr).toContain('wrote');
    expect(got.code).toBe(0);
    expect((await readFile(file, 'utf8')).trim()).toBe(issued.credential);
    for (const purpose of ['revocation', 'suspension']) {
      const fetched = await xr(['cert', 'status-list', '--gateway', address('qd'), '--purpose', purpose, '--out', join(dir, `${purpose}.jws`)], tokens.qd);
      expect(fetched.code, fetched.stderr).toBe(0);
    }
    const exported = await xr(['audit', 'export', '--brokers', brokers, '--prefix', prefix, '--to', join(dir, 'export')]);
    expect(exported.code, exported.stderr).toBe(0);
    const offline = (region: string) => xr(['cert', 'verify', file, '--offline', '--registry', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'), '--status-list', join(dir, 'revocation.jws'), '--status-list', join(dir, 'suspension.jws'), '--region', region, '--json']);
    const atWl = await offline(CITIES.wl.code);
    expect(atWl.code, atWl.stderr).toBe(0);
    expect(JSON.parse(atWl.stdout)).toMatchObject({ valid: true, reasons: [], certificateId: issued.id, recognitionChecked: true });
    const atCd = await offline(CITIES.cd.code);
    expect(atCd.code).toBe(1);
    expect(codesOf(JSON.parse(atCd.stdout) as { reasons: { code: string }[] })).toEqual(['XR_CERT_NOT_RECOGNISED']);
    const viaGateway = await xr(['cert', 'verify', file, '--gateway', address('cd')], tokens.cd);
    expect(viaGateway.code).toBe(1);
    expect(viaGateway.stdout).toContain('XR_CERT_NOT_RECOGNISED');
  });

  it('RevokeCertificate at 青岛: every other region (温岭, 成都, 聊城) refuses it XR_CERT_REVOKED within a second of the call returning', async () => {
    const revoked = await certs.qd.change('RevokeCertificate', issued.id, 'fraud', randomUUID());
    // Each region polled on its own from the moment the call returned.
    const others = ['wl', 'cd', 'lc'] as const;
    const ms = await Promise.all(others.map((city) => msUntil(certs[city], (codes) => codes.includes('XR_CERT_REVOKED'))));
    expect(revoked).toMatchObject({ certificateId: issued.id, status: 'revoked', unchanged: false });
    const figures = others.map((city, i) => `${CITIES[city].code} after ${ms[i]} ms`).join(', ');
    process.stdout.write(`[certificates e2e] RevokeCertificate at 370200 returned → XR_CERT_REVOKED at ${figures} (separate processes, Kafka)\n`);
    for (const m of ms) {
      expect(m).toBeGreaterThanOrEqual(0);
      expect(m).toBeLessThan(1_000);
    }
    // 温岭 refuses it for the revocation alone; the others also never recognised it.
    expect(codesOf(await certs.wl.verify(issued.credential))).toEqual(['XR_CERT_REVOKED']);
    expect(codesOf(await certs.cd.verify(issued.credential)).sort()).toEqual(['XR_CERT_NOT_RECOGNISED', 'XR_CERT_REVOKED']);
    // Revocation is final.
    const back = await certs.qd.change('ReinstateCertificate', issued.id, 'mistake', randomUUID()).then(() => undefined, (e: ServiceError) => e);
    expect(back?.metadata.get('xr-code')).toEqual(['XR_CERT_STATUS_CONFLICT']);
  });

  it('offline, a freshly fetched revocation list refuses it too', async () => {
    const fetched = await xr(['cert', 'status-list', '--gateway', address('qd'), '--purpose', 'revocation', '--out', join(dir, 'revocation-2.jws')], tokens.qd);
    expect(fetched.code, fetched.stderr).toBe(0);
    const v = await xr(['cert', 'verify', join(dir, 'licence.jws'), '--offline', '--registry', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'), '--status-list', join(dir, 'revocation-2.jws'), '--status-list', join(dir, 'suspension.jws'), '--region', CITIES.wl.code]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('XR_CERT_REVOKED');
    expect(v.stdout).toContain('离线 Offline');
  });
});

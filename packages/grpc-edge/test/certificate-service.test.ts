/**
 * CertificateService over real sockets, three gateways on one embedded log: 聊城's hall submits a
 * food licence case to 青岛, which approves it and so issues the 电子证照. Both parties fetch it;
 * 温岭, party to nothing, cannot. 温岭 (which recognises 青岛's 食品经营许可证) verifies it and says
 * how fresh its status view is: a status topic position past the issuance record, as of a moment
 * ago. 青岛 revokes it; 温岭 then refuses it XR_CERT_REVOKED from a later position, and 青岛's
 * revocation list (a BitstringStatusListCredential, decoded here with node:zlib) has the
 * certificate's bit set where it was clear before.
 */
import { createPublicKey, verify as edVerify } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerInterceptor, createAuthenticator, generateIssuerKeyPair, issueToken } from '@xr/auth';
import { CertificateDesk } from '@xr/certificates';
import { generateKeyPair, makeKid, signingKeyFromJwk } from '@xr/crypto';
import { catalogIndex } from '@xr/domain';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import { FileEventLog } from '@xr/event-log-file';
import { ExchangeGateway, KeyRing, topics } from '@xr/exchange';
import { Counters, createLogger } from '@xr/observability';
import { loadServices, type Certificate__Output, type CertificateServiceClient, type CertificateStatusChange__Output, type CertificateVerdict__Output, type StatusList__Output } from '@xr/proto';
import { startGrpcEdge, type GrpcEdge } from '../src/index.js';

const HALL = '371500'; // 聊城: receives the case
const ISSUER = '370200'; // 青岛: handles it and issues the certificate
const VERIFIER = '331081'; // 温岭: recognises 青岛's food licences, party to no case
const REGIONS = [HALL, ISSUER, VERIFIER];
const TYPE = '11100000MB0143028R002';
const AUTHORITY = { uscc: '11370200MB12345674', name: '青岛市行政审批服务局' };
const issuer = generateIssuerKeyPair('cert-service-test');
const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
const t = topics(`cs${Math.random().toString(36).slice(2, 8)}`);
const keys = new Map(REGIONS.map((r) => [r, generateKeyPair(makeKid(r, 1))]));
const ring = (): KeyRing => new KeyRing(REGIONS.map((r) => keys.get(r)!.publicJwk));
const items = catalogIndex(SAMPLE_CATALOGS);
const HOLDER = { kind: 'organisation', name: '聊城示例餐饮有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' };

let dir: string;
let log: FileEventLog;
let caseId: string;
const desks: CertificateDesk[] = [];
const gateways = new Map<string, ExchangeGateway>();
const edges = new Map<string, GrpcEdge>();
const tokens = new Map<string, string>();
const clients: CertificateServiceClient[] = [];

async function until(probe: () => boolean, ms = 10_000): Promise<void> {
  for (const start = Date.now(); !probe(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - start > ms) throw new Error(`not reached in ${ms} ms`);
  }
}

/** A CertificateService client at `gateway`'s edge, calling as `as`'s systems. */
function at(gateway: string, as = gateway) {
  const client = new (loadServices().certificates.CertificateService)(`127.0.0.1:${edges.get(gateway)!.port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(tokens.get(as)!)] });
  clients.push(client);
  const unary = <Res>(method: string, request: object): Promise<Res> =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, (r: object, cb: (e: ServiceError | null, v?: Res) => void) => void>)[method]!.bind(client);
      fn(request, (e, v) => (e || v === undefined ? reject(e ?? new Error('empty')) : resolve(v)));
    });
  return {
    get: (id: string) => unary<Certificate__Output>('GetCertificate', { caseId: id }),
    verify: (credential: string) => unary<CertificateVerdict__Output>('VerifyCertificate', { credential }),
    statusList: (purpose: 'revocation' | 'suspension') => unary<StatusList__Output>('GetStatusList', { purpose, list: 0 }),
    change: (rpc: 'RevokeCertificate' | 'SuspendCertificate' | 'ReinstateCertificate', certificateId: string, reason: string, requestId: string) => unary<CertificateStatusChange__Output>(rpc, { requestId, certificateId, reason }),
  };
}

/** The stable code a refused call carries. */
const xrCode = (e: ServiceError): string => String(e.metadata.get('xr-code')[0]);

/** The status topic's records, read straight from the log: offset, status and certificate. */
async function statusRecords(): Promise<{ offset: number; status: string; certificate: string }[]> {
  const records = await log.read(t.status, 0, 0, 1_000);
  return records.map((r) => {
    const body = JSON.parse(Buffer.from(r.value).toString('utf8')) as { status: string; certificate: string };
    return { offset: r.offset, status: body.status, certificate: body.certificate };
  });
}

/** A vc+jwt's header and payload, after checking its Ed25519 signature with node:crypto against `region`'s key. */
function openVcJwt(jws: string, region: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h, p, s] = jws.split('.') as [string, string, string];
  const key = createPublicKey({ key: { ...keys.get(region)!.publicJwk }, format: 'jwk' });
  expect(edVerify(null, Buffer.from(`${h}.${p}`, 'ascii'), key, Buffer.from(s, 'base64url'))).toBe(true);
  return { header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>, payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown> };
}

interface StatusEntry {
  readonly statusPurpose: string;
  readonly statusListIndex: string;
  readonly statusListCredential: string;
}

/** W3C Bitstring Status List: 'u' + base64url(GZIP(bits)), bit i = byte ⌊i/8⌋, mask 0x80 >> (i mod 8). */
function bitOf(list: StatusList__Output, entry: StatusEntry): { bit: boolean; entries: number } {
  const { header, payload } = openVcJwt(list.credential, ISSUER);
  expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: `${ISSUER}.k1` });
  expect(payload['type']).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
  expect(payload['id']).toBe(entry.statusListCredential);
  const subject = payload['credentialSubject'] as { type: string; statusPurpose: string; encodedList: string };
  expect(subject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: entry.statusPurpose });
  expect(subject.encodedList.startsWith('u')).toBe(true);
  const bytes = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
  const i = Number(entry.statusListIndex);
  return { bit: ((bytes[i >> 3]! >> (7 - (i & 7))) & 1) === 1, entries: bytes.length * 8 };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-cert-grpc-'));
  log = await FileEventLog.open({ dir });
  for (const r of REGIONS) await log.createTopic(t.inbox(r), { partitions: 2, timestampType: 'LogAppendTime' });
  const authenticator = await createAuthenticator({ issuers: [{ iss: 'cert-service-test', keys: [issuer.publicJwk] }] });
  if (!authenticator.ok) throw new Error(authenticator.message);
  for (const region of REGIONS) {
    const signer = signingKeyFromJwk(keys.get(region)!.privateJwk);
    // 互认: 温岭 recognises 青岛's 食品经营许可证, and nothing else is agreed.
    const recognises = (verifier: string, from: string, type: string): boolean => verifier === VERIFIER && from === ISSUER && type === TYPE;
    const desk = new CertificateDesk({ region, signer, base: 'https://xr.example.gov.cn', log, topics: t, partitions: 2, trust: ring(), recognises, item: items.item, authorities: region === ISSUER ? [AUTHORITY] : [] });
    await desk.start();
    desks.push(desk);
    const gateway = new ExchangeGateway({ region, log, signer, keys: ring(), topics: t, partitions: 2, logger: quiet, counters: new Counters(), certify: desk.certify, verifyCertificate: (jws: string) => desk.verify(jws) });
    await gateway.start();
    gateways.set(region, gateway);
    edges.set(region, await startGrpcEdge({ gateway, certificates: desk, logger: quiet, address: '127.0.0.1:0', tls: { mode: 'insecure' }, authenticator: authenticator.value }));
    tokens.set(region, await issueToken({ issuerKey: issuer.privateJwk, iss: 'cert-service-test', sub: `system-${region}`, role: 'system', region }));
  }
  for (const d of desks) d.publish();

  // 聊城 → 青岛: submitted, accepted, approved; the approval issues the certificate.
  const hall = gateways.get(HALL)!;
  const office = gateways.get(ISSUER)!;
  caseId = hall.newCaseId();
  const payload = { item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' }, applicant: HOLDER, materials: [{ name: '食品经营许可申请书', sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' }], intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2026-12-01T09:00:00+08:00' } };
  expect((await hall.request({ type: 'case.submitted', v: 1, caseId, target: ISSUER, payload })).ok).toBe(true);
  await until(() => office.getCase(caseId)?.status === 'received');
  expect((await office.request({ type: 'case.accepted', v: 1, caseId, target: HALL, payload: { receiptNo: 'R-1', basis: 'standard' } })).ok).toBe(true);
  expect((await office.request({ type: 'case.approved', v: 1, caseId, target: HALL, payload: { decisionNo: '青市监准〔2026〕9号' } })).ok).toBe(true);
  await until(() => typeof hall.getCase(caseId)?.certificate?.credential === 'string');
  const id = office.getCase(caseId)!.certificate!.id;
  for (const d of desks) await until(() => d.statusOf(id) === 'valid');
}, 30_000);

afterAll(async () => {
  for (const c of clients) c.close();
  for (const e of edges.values()) await e.close();
  for (const g of gateways.values()) await g.stop();
  for (const d of desks) await d.stop();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('CertificateService over a real socket', () => {
  let issued: Certificate__Output;
  let revocationEntry: StatusEntry;
  let before: CertificateVerdict__Output;

  it('GetCertificate: both parties of the case get the same credential; 温岭, party to nothing, is refused', async () => {
    issued = await at(ISSUER).get(caseId);
    expect(issued).toMatchObject({ caseId, issuerRegion: ISSUER, typeCode: TYPE, status: 'valid' });
    expect(issued.id).toMatch(/^1\.2\.156\.3005\.2\.11100000MB0143028R002\.11370200MB12345674\.\d+\.001\.[0-9A-Z]$/);
    const atHall = await at(HALL).get(caseId);
    expect(atHall).toMatchObject({ id: issued.id, credential: issued.credential, digest: issued.digest, statusIndex: issued.statusIndex });
    const { payload } = openVcJwt(issued.credential, ISSUER);
    expect(payload['id']).toBe(`urn:gbt36904:${issued.id}`);
    revocationEntry = (payload['credentialStatus'] as StatusEntry[]).find((s) => s.statusPurpose === 'revocation')!;
    expect(revocationEntry).toBeDefined();

    // 温岭's own gateway never had the case; 温岭's systems at 青岛's gateway are not 青岛's.
    const own = (await at(VERIFIER).get(caseId).catch((e: unknown) => e)) as ServiceError;
    expect([own.code, xrCode(own)]).toEqual([status.NOT_FOUND, 'XR_CASE_NOT_FOUND']);
    const foreign = (await at(ISSUER, VERIFIER).get(caseId).catch((e: unknown) => e)) as ServiceError;
    expect([foreign.code, xrCode(foreign)]).toEqual([status.PERMISSION_DENIED, 'XR_PERMISSION_DENIED']);
  });

  it('VerifyCertificate at 温岭: valid, verified by 温岭, from a status view past the issuance record and a moment old', async () => {
    const asked = Date.now();
    before = await at(VERIFIER).verify(issued.credential);
    expect(before).toMatchObject({ valid: true, reasons: [], certificateId: issued.id, issuerRegion: ISSUER, typeCode: TYPE, name: issued.name, validFrom: issued.validFrom, verifiedBy: VERIFIER });
    const issuance = (await statusRecords()).find((r) => r.certificate === issued.id && r.status === 'issued');
    expect(issuance).toBeDefined();
    // status_position: every record before it has been applied, so the issuance record is behind it.
    expect(before.statusPosition).toBeGreaterThan(issuance!.offset);
    const asOf = Date.parse(before.statusAsOf);
    expect(Number.isNaN(asOf)).toBe(false);
    expect(Math.abs(asked - asOf)).toBeLessThan(5_000);

    // The verdict names whoever verified it: 聊城 recognises nothing of 青岛's.
    const atHall = await at(HALL).verify(issued.credential);
    expect(atHall).toMatchObject({ valid: false, verifiedBy: HALL, certificateId: issued.id });
    expect(atHall.reasons.map((r) => r.code)).toEqual(['XR_CERT_NOT_RECOGNISED']);
  });

  it('GetStatusList at 青岛: a signed BitstringStatusListCredential of ≥ 131,072 entries with the certificate\'s bit clear', async () => {
    for (const purpose of ['revocation', 'suspension'] as const) {
      const list = await at(ISSUER).statusList(purpose);
      expect(list).toMatchObject({ purpose, list: 0, issuerRegion: ISSUER, issuerUscc: AUTHORITY.uscc });
      expect(list.statusPosition).toBeGreaterThan(0);
      expect(Math.abs(Date.now() - Date.parse(list.statusAsOf))).toBeLessThan(5_000);
      const entry = (openVcJwt(issued.credential, ISSUER).payload['credentialStatus'] as StatusEntry[]).find((s) => s.statusPurpose === purpose)!;
      const { bit, entries } = bitOf(list, entry);
      expect(bit).toBe(false);
      expect(entries).toBeGreaterThanOrEqual(131_072);
    }
  });

  it('RevokeCertificate at 青岛: 温岭 refuses it XR_CERT_REVOKED from a later position; the revocation bit is set', async () => {
    const revoked = await at(ISSUER).change('RevokeCertificate', issued.id, 'fraud', 'revoke-1');
    expect(revoked).toMatchObject({ certificateId: issued.id, status: 'revoked', unchanged: false });
    const record = (await statusRecords()).find((r) => r.certificate === issued.id && r.status === 'revoked');
    expect(record?.offset).toBe(revoked.offset);

    let after = await at(VERIFIER).verify(issued.credential);
    for (const from = Date.now(); after.valid && Date.now() - from < 5_000; ) {
      await new Promise((r) => setTimeout(r, 20));
      after = await at(VERIFIER).verify(issued.credential);
    }
    expect(after).toMatchObject({ valid: false, verifiedBy: VERIFIER, certificateId: issued.id });
    expect(after.reasons.map((r) => r.code)).toEqual(['XR_CERT_REVOKED']);
    expect(after.statusPosition).toBeGreaterThan(revoked.offset);
    expect(after.statusPosition).toBeGreaterThan(before.statusPosition);
    expect(Date.parse(after.statusAsOf)).toBeGreaterThanOrEqual(Date.parse(before.statusAsOf));

    const list = await at(ISSUER).statusList('revocation');
    expect(list.statusPosition).toBeGreaterThan(revoked.offset);
    expect(bitOf(list, revocationEntry).bit).toBe(true);
    const suspension = await at(ISSUER).statusList('suspension');
    const suspensionEntry = (openVcJwt(issued.credential, ISSUER).payload['credentialStatus'] as StatusEntry[]).find((s) => s.statusPurpose === 'suspension')!;
    expect(bitOf(suspension, suspensionEntry).bit).toBe(false);
    expect((await at(HALL).get(caseId)).status).toBe('revoked');
  });

  it('only 青岛 changes its status: 温岭\'s systems at 温岭 are refused, and 温岭 still refuses it as revoked', async () => {
    const refused = (await at(VERIFIER).change('ReinstateCertificate', issued.id, 'mistake', 'reinstate-1').catch((e: unknown) => e)) as ServiceError;
    expect([refused.code, xrCode(refused)]).toEqual([status.NOT_FOUND, 'XR_CERT_NOT_FOUND']);
    expect((await at(VERIFIER).verify(issued.credential)).reasons.map((r) => r.code)).toEqual(['XR_CERT_REVOKED']);
  });
});

/**
 * 证照免提交 through SubmitCase over a real socket: 青岛 (370200) has issued a 食品经营许可证 to a
 * company; 聊城's hall submits cases for it with the certificate presented as a material
 * (`Material.certificate`). 温岭 (331081), with no recognition agreement, refuses it and the
 * caller gets the stable code and the failing field in the gRPC status; 青岛 takes its own
 * certificate and the answer's case lists it under presented_certificates. A material that is
 * both a scan and a certificate is refused at the hall before it is sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
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
import { decodeStatusDetails, loadServices, type CaseServiceClient, type Material, type SubmitCaseResponse__Output } from '@xr/proto';
import { startGrpcEdge, type GrpcEdge } from '../src/index.js';

const HALL = '371500';
const ISSUER = '370200';
const ELSEWHERE = '331081';
const REGIONS = [HALL, ISSUER, ELSEWHERE];
const TYPE = '11100000MB0143028R002';
const issuer = generateIssuerKeyPair('presented-test');
const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
const t = topics(`pr${Math.random().toString(36).slice(2, 8)}`);
const keys = new Map(REGIONS.map((r) => [r, generateKeyPair(makeKid(r, 1))]));
const ring = (): KeyRing => new KeyRing(REGIONS.map((r) => keys.get(r)!.publicJwk));
const items = catalogIndex(SAMPLE_CATALOGS);
const HOLDER = { kind: 'organisation', name: '聊城示例餐饮有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' };
const scan = (name: string): Material => ({ name, sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' });

let dir: string;
let log: FileEventLog;
let edge: GrpcEdge;
let client: CaseServiceClient;
let credential: string;
let certificateId: string;
const desks: CertificateDesk[] = [];
const gateways = new Map<string, ExchangeGateway>();

async function until(probe: () => boolean, ms = 10_000): Promise<void> {
  for (const start = Date.now(); !probe(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - start > ms) throw new Error(`not reached in ${ms} ms`);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-presented-grpc-'));
  log = await FileEventLog.open({ dir });
  for (const r of REGIONS) await log.createTopic(t.inbox(r), { partitions: 2, timestampType: 'LogAppendTime' });
  for (const region of REGIONS) {
    const signer = signingKeyFromJwk(keys.get(region)!.privateJwk);
    // No recognition agreement anywhere: only the issuer itself takes its certificates.
    const desk = region === HALL ? undefined : new CertificateDesk({ region, signer, base: 'https://xr.example.gov.cn', log, topics: t, partitions: 2, trust: ring(), recognises: () => false, item: items.item, authorities: [{ uscc: '11370200MB12345674', name: '青岛市行政审批服务局' }] });
    if (desk) {
      await desk.start();
      desks.push(desk);
    }
    const gateway = new ExchangeGateway({ region, log, signer, keys: ring(), topics: t, partitions: 2, logger: quiet, counters: new Counters(), ...(desk ? { certify: desk.certify, verifyCertificate: (jws: string) => desk.verify(jws) } : {}) });
    await gateway.start();
    gateways.set(region, gateway);
  }
  for (const d of desks) d.publish();
  const authenticator = await createAuthenticator({ issuers: [{ iss: 'presented-test', keys: [issuer.publicJwk] }] });
  if (!authenticator.ok) throw new Error(authenticator.message);
  edge = await startGrpcEdge({ gateway: gateways.get(HALL)!, logger: quiet, address: '127.0.0.1:0', tls: { mode: 'insecure' }, authenticator: authenticator.value });
  const token = await issueToken({ issuerKey: issuer.privateJwk, iss: 'presented-test', sub: `system-${HALL}`, role: 'system', region: HALL });
  client = new (loadServices().cases.CaseService)(`127.0.0.1:${edge.port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });

  // 青岛 issues the 食品经营许可证 on approving a case from the hall.
  const hall = gateways.get(HALL)!;
  const office = gateways.get(ISSUER)!;
  const caseId = hall.newCaseId();
  const payload = { item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' }, applicant: HOLDER, materials: [scan('食品经营许可申请书')], intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2026-12-01T09:00:00+08:00' } };
  expect((await hall.request({ type: 'case.submitted', v: 1, caseId, target: ISSUER, payload })).ok).toBe(true);
  await until(() => office.getCase(caseId)?.status === 'received');
  expect((await office.request({ type: 'case.accepted', v: 1, caseId, target: HALL, payload: { receiptNo: 'R-1', basis: 'standard' } })).ok).toBe(true);
  expect((await office.request({ type: 'case.approved', v: 1, caseId, target: HALL, payload: { decisionNo: '青市监准〔2026〕9号' } })).ok).toBe(true);
  await until(() => typeof hall.getCase(caseId)?.certificate?.credential === 'string');
  credential = hall.getCase(caseId)!.certificate!.credential;
  certificateId = hall.getCase(caseId)!.certificate!.id;
  for (const d of desks) await until(() => d.statusOf(certificateId) === 'valid');
}, 30_000);

afterAll(async () => {
  client?.close();
  await edge?.close();
  for (const g of gateways.values()) await g.stop();
  for (const d of desks) await d.stop();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function submit(requestId: string, handlingRegion: string, itemCode: string, materials: Material[]): Promise<SubmitCaseResponse__Output> {
  const request = { requestId, itemCode, itemName: '食品经营许可证核发', applicant: HOLDER, materials, handlingRegion, intake: { formCheckPassed: true, identityVerified: true } };
  return new Promise((resolve, reject) => client.SubmitCase(request, (error: ServiceError | null, response) => (error || !response ? reject(error ?? new Error('no response')) : resolve(response))));
}

/** The stable code, field and violations a refused call carries. */
function refusal(error: ServiceError): { code: number; xrCode: string; field: string; violations: readonly { field: string; description: string }[]; message: string } {
  const bin = error.metadata.get('grpc-status-details-bin')[0];
  const details = decodeStatusDetails(bin as Buffer);
  return { code: error.code, xrCode: String(error.metadata.get('xr-code')[0]), field: String(error.metadata.get('xr-field')[0]), violations: details.violations, message: details.message };
}

describe('SubmitCase with a presented certificate (证照免提交), over a real socket', () => {
  it('refused where the handling region does not recognise it: FAILED_PRECONDITION, XR_CERT_NOT_RECOGNISED, field materials[1].certificate', async () => {
    const error = (await submit('presented-1', ELSEWHERE, '331081-SPJY-0001', [scan('食品经营许可申请书'), { name: '食品经营许可证', certificate: credential }]).catch((e: unknown) => e)) as ServiceError;
    expect(error).toBeInstanceOf(Error);
    const r = refusal(error);
    expect(r).toMatchObject({ code: status.FAILED_PRECONDITION, xrCode: 'XR_CERT_NOT_RECOGNISED', field: 'materials[1].certificate' });
    expect(r.violations.map((v) => v.field)).toEqual(['materials[1].certificate']);
    expect(r.message).toContain('食品经营许可证');
    expect(r.message).toContain(ELSEWHERE);
  });

  it('taken where it is recognised (the issuer itself): the case lists it under presented_certificates', async () => {
    const response = await submit('presented-2', ISSUER, '370200-SPJY-0001', [scan('食品经营许可申请书'), { name: '食品经营许可证', certificate: credential }]);
    expect(response.case?.status).toBe('received');
    expect(response.case?.materials[1]).toMatchObject({ name: '食品经营许可证', certificate: credential, sha256: '' });
    expect(response.case?.presentedCertificates).toEqual([{ material: '食品经营许可证', certificateId, issuerRegion: ISSUER, typeCode: TYPE, verifiedAt: expect.stringMatching(/^\d{4}-/) as unknown, statusPosition: expect.any(Number) as unknown }]);
  });

  it('a material that is both a scan and a certificate is refused at the hall, naming the field', async () => {
    const error = (await submit('presented-3', ISSUER, '370200-SPJY-0001', [{ ...scan('食品经营许可证'), certificate: credential }]).catch((e: unknown) => e)) as ServiceError;
    expect(refusal(error)).toMatchObject({ code: status.INVALID_ARGUMENT, xrCode: 'XR_SCHEMA_INVALID', field: 'materials[0].certificate' });
  });

  it('a certificate that is not a compact JWS is refused at the hall', async () => {
    const error = (await submit('presented-4', ISSUER, '370200-SPJY-0001', [{ name: '食品经营许可证', certificate: 'not a credential' }]).catch((e: unknown) => e)) as ServiceError;
    expect(refusal(error)).toMatchObject({ code: status.INVALID_ARGUMENT, xrCode: 'XR_SCHEMA_INVALID', field: 'materials[0].certificate' });
  });
});

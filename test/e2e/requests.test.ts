/**
 * Client requests across restarts and transient failures (issue #8), over real gRPC sockets
 * against two gateways on real Kafka (in-process, so a gateway can be stopped and started again
 * and given a short request timeout):
 * - a request sent while the handling region is away, then a restart, then another request: the
 *   sequence numbers come from the journal, so the authority takes both;
 * - a retry after UNAVAILABLE succeeds once the event is applied, and a retry after a restart
 *   gets the answer the journal holds (a refusal stays a refusal);
 * - a request id reused with another body, or for another RPC, is XR_REQUEST_CONFLICT, before
 *   and after a restart; the same body still gets the first outcome.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { SAMPLE_CATALOG_370200 } from '@xr/domain/samples';
import { parseConfig, startGateway, type RunningGateway } from '@xr/gateway';
import { createLogger } from '@xr/observability';
import type { Case__Output, SubmitCaseRequest } from '@xr/proto';
import { clientsFor, detailsOf, eventually, type Clients } from './support/clients.js';
import { authConfig, tokenFor } from './support/identity.js';

const prefix = `e2e-req-${randomUUID().slice(0, 8)}`;
const A = { code: '371500', keys: generateKeyPair(makeKid('371500', 1)) };
const B = { code: '370200', keys: generateKeyPair(makeKid('370200', 1)) };
const logger = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) });
const MATERIALS = ['食品经营许可申请书', '营业执照', '法定代表人身份证明', '食品安全管理制度', '经营场所平面布局图'].map((name) => ({ name, sha256: 'c'.repeat(64), size: 10, mediaType: 'application/pdf' }));

let brokers: string[];
let gwA: RunningGateway | undefined;
let gwB: RunningGateway | undefined;
let a: Clients;
let b: Clients;

function config(self: typeof A, partner: typeof A, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    region: self.code,
    signingKey: self.keys.privateJwk,
    partners: [{ region: partner.code, keys: [partner.keys.publicJwk] }],
    eventLog: { kind: 'kafka', brokers },
    ...authConfig('127.0.0.1:0'),
    topicPrefix: prefix,
    partitions: 3,
    logLevel: 'warn',
    ...extra,
  };
}

async function startA(requestTimeoutMs: number): Promise<void> {
  a?.close();
  gwA = await startGateway(parseConfig(config(A, B)), logger, { requestTimeoutMs });
  a = clientsFor(gwA.grpcPort, await tokenFor(A.code));
}

async function startB(): Promise<void> {
  b?.close();
  gwB = await startGateway(parseConfig(config(B, A, { catalog: SAMPLE_CATALOG_370200 })), logger);
  b = clientsFor(gwB.grpcPort, await tokenFor(B.code));
}

/** Both gateways up, 聊城 freshly started with the given request timeout (a failed test leaves nothing behind). */
async function ready(timeoutA: number): Promise<void> {
  await stop('a');
  await startA(timeoutA);
  if (!gwB) await startB();
}

async function stop(which: 'a' | 'b'): Promise<void> {
  if (which === 'a') {
    await gwA?.stop();
    gwA = undefined;
  } else {
    await gwB?.stop();
    gwB = undefined;
  }
}

function submission(overrides: Partial<SubmitCaseRequest> = {}): SubmitCaseRequest {
  return {
    requestId: randomUUID(),
    itemCode: '370200-SPJY-0001',
    itemName: '食品经营许可证核发',
    applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
    materials: MATERIALS,
    handlingRegion: B.code,
    intake: { formCheckPassed: true, identityVerified: true, window: '3号窗口' },
    ...overrides,
  };
}

/** One transition RPC over the socket; resolves with the case or the ServiceError. */
function call(c: Clients, rpc: string, request: Record<string, unknown>): Promise<Case__Output | ServiceError> {
  return new Promise((resolve) => {
    const fn = (c.cases as unknown as Record<string, (r: object, m: Metadata, o: object, cb: (e: ServiceError | null, r?: { case?: Case__Output }) => void) => void>)[rpc]!.bind(c.cases);
    fn(request, new Metadata(), { deadline: Date.now() + 30_000 }, (e, r) => resolve(e ?? r!.case!));
  });
}

function submit(c: Clients, request: SubmitCaseRequest): Promise<Case__Output | ServiceError> {
  return c.submit(request).catch((e: ServiceError) => e);
}

const isError = (x: Case__Output | ServiceError): x is ServiceError => x instanceof Error;

function expectCode(x: Case__Output | ServiceError, grpc: status, code: string): void {
  if (!isError(x)) throw new Error(`expected ${code}, got a case in status ${x.status}`);
  expect({ grpc: x.code, code: detailsOf(x).reason, message: x.details }).toMatchObject({ grpc, code });
}

function expectCase(x: Case__Output | ServiceError): Case__Output {
  if (isError(x)) throw new Error(`expected a case, got ${x.details}`);
  return x;
}

/** A case received at 青岛 with an open 补正 notice, as both regions see it. */
async function caseAwaitingSupplement(): Promise<string> {
  const submitted = expectCase(await submit(a, submission()));
  expect(submitted.status).toBe('received');
  const caseId = submitted.caseId;
  await eventually(async () => ((await b.get(caseId)).status === 'received' ? true : undefined));
  expectCase(await call(b, 'RequestSupplement', { requestId: randomUUID(), caseId, items: [{ material: '营业执照', reason: '复印件不清晰' }], notice: '请补正营业执照' }));
  await eventually(async () => ((await a.get(caseId)).status === 'supplement-requested' ? true : undefined));
  return caseId;
}

const supplement = (caseId: string, requestId = randomUUID()) => ({ requestId, caseId, materials: [{ name: '营业执照', sha256: 'd'.repeat(64), size: 11, mediaType: 'application/pdf' }] });

beforeAll(async () => {
  brokers = inject('kafkaBrokers').split(',');
  await startB();
}, 120_000);

afterAll(async () => {
  a?.close();
  b?.close();
  await Promise.all([stop('a'), stop('b')]);
});

describe('client requests across restarts and transient failures', () => {
  it('fault 2: 补正 sent while 青岛 is away, 聊城 restarts, then 撤回: 青岛 takes both, in order', async () => {
    await ready(1_500);
    const caseId = await caseAwaitingSupplement();
    await stop('b');
    // The authority is away: the request is journaled and sent, the caller hears UNAVAILABLE.
    expectCode(await call(a, 'ProvideSupplement', supplement(caseId)), status.UNAVAILABLE, 'XR_UNAVAILABLE');
    await stop('a');
    await startA(30_000);
    const withdrawing = call(a, 'WithdrawCase', { requestId: randomUUID(), caseId, reason: '申请人主动撤回' });
    await new Promise((r) => setTimeout(r, 300));
    await startB();
    const withdrawn = expectCase(await withdrawing);
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.history.map((h) => h.type)).toEqual(['case.submitted', 'case.received', 'case.supplement-requested', 'case.supplemented', 'case.withdrawn']);
    expect((await b.get(caseId)).status).toBe('withdrawn');
    const auditor = clientsFor(gwB!.grpcPort, await tokenFor('*', 'auditor', 'auditor-1'));
    const quarantined = (await auditor.stats()).counters.filter((c) => c.name === 'xr_quarantined_total');
    auditor.close();
    expect(quarantined).toEqual([]);
  }, 120_000);

  it('fault 3: a retry after UNAVAILABLE gets the case once the request is applied', async () => {
    await ready(1_500);
    const caseId = await caseAwaitingSupplement();
    await stop('b');
    const request = supplement(caseId);
    expectCode(await call(a, 'ProvideSupplement', request), status.UNAVAILABLE, 'XR_UNAVAILABLE');
    await startB();
    await eventually(async () => ((await a.get(caseId)).status === 'supplemented' ? true : undefined));
    const retried = expectCase(await call(a, 'ProvideSupplement', request));
    expect(retried.status).toBe('supplemented');
    expect(retried.history.filter((h) => h.type === 'case.supplemented')).toHaveLength(1);
  }, 120_000);

  it('fault 3: a submission the handling region refused is still refused when retried after a restart', async () => {
    await ready(5_000);
    const request = submission({ materials: MATERIALS.filter((m) => m.name !== '营业执照') });
    const first = await submit(a, request);
    expectCode(first, status.INVALID_ARGUMENT, 'XR_MATERIAL_MISSING');
    expectCode(await submit(a, request), status.INVALID_ARGUMENT, 'XR_MATERIAL_MISSING');
    await stop('a');
    await startA(5_000);
    expectCode(await submit(a, request), status.INVALID_ARGUMENT, 'XR_MATERIAL_MISSING');
  }, 120_000);

  it('fault 8: a request id reused with another body or for another RPC is XR_REQUEST_CONFLICT; the same body gets the first case, after a restart too', async () => {
    await ready(5_000);
    const request = submission();
    const first = expectCase(await submit(a, request));
    const other = { ...request, applicant: { kind: 'person', name: '李四', idType: 'resident-id', idNumber: '11010519491231002X' } };
    expectCode(await submit(a, other), status.ALREADY_EXISTS, 'XR_REQUEST_CONFLICT');
    expect(expectCase(await submit(a, request)).caseId).toBe(first.caseId);
    // The same request id for another RPC is another request.
    expectCode(await call(a, 'WithdrawCase', { requestId: request.requestId, caseId: first.caseId }), status.ALREADY_EXISTS, 'XR_REQUEST_CONFLICT');
    expect((await a.get(first.caseId)).status).toBe('received');

    // Two bodies under one new request id at once: one case, the other caller is refused.
    const racing = submission();
    const outcomes = await Promise.all([submit(a, racing), submit(a, { ...racing, applicant: other.applicant })]);
    expect(outcomes.filter(isError).map((e) => detailsOf(e).reason)).toEqual(['XR_REQUEST_CONFLICT']);

    await stop('a');
    await startA(5_000);
    expectCode(await submit(a, other), status.ALREADY_EXISTS, 'XR_REQUEST_CONFLICT');
    expectCode(await call(a, 'WithdrawCase', { requestId: request.requestId, caseId: first.caseId }), status.ALREADY_EXISTS, 'XR_REQUEST_CONFLICT');
    const again = expectCase(await submit(a, request));
    expect(again.caseId).toBe(first.caseId);
    expect(again.applicant?.name).toBe('张三');
    expect((await b.get(first.caseId)).applicant?.name).toBe('张三');
  }, 120_000);
});

/**
 * ListCases over real sockets: cases come back in the order they were submitted, page after page,
 * although their case ids (derived from request ids, so in hash order) sort otherwise; a case
 * submitted between two pages comes at the end. Both regions list in the same order.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerInterceptor, createAuthenticator, generateIssuerKeyPair, issueToken } from '@xr/auth';
import { generateKeyPair, makeKid, signingKeyFromJwk } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { ExchangeGateway, KeyRing, topics } from '@xr/exchange';
import { Counters, createLogger } from '@xr/observability';
import { loadServices, type CaseServiceClient, type ListCasesRequest, type ListCasesResponse__Output } from '@xr/proto';
import { startGrpcEdge, type GrpcEdge } from '../src/index.js';

const RECEIVING = '371500';
const HANDLING = '370200';
const issuer = generateIssuerKeyPair('list-order-test');
const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });

let dir: string;
let log: FileEventLog;
const gateways: Record<string, ExchangeGateway> = {};
const edges: Record<string, GrpcEdge> = {};
const clients: Record<string, CaseServiceClient> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-list-order-'));
  log = await FileEventLog.open({ dir });
  const keys: Record<string, ReturnType<typeof generateKeyPair>> = { [RECEIVING]: generateKeyPair(makeKid(RECEIVING, 1)), [HANDLING]: generateKeyPair(makeKid(HANDLING, 1)) };
  const authenticator = await createAuthenticator({ issuers: [{ iss: 'list-order-test', keys: [issuer.publicJwk] }] });
  if (!authenticator.ok) throw new Error(authenticator.message);
  // The real time, but never the same millisecond twice: each submission has its own instant.
  let last = 0;
  const clock = (): Date => new Date((last = Math.max(last + 1, Date.now())));
  for (const region of [RECEIVING, HANDLING]) {
    gateways[region] = new ExchangeGateway({
      region,
      log,
      signer: signingKeyFromJwk(keys[region]!.privateJwk),
      keys: new KeyRing([keys[RECEIVING]!.publicJwk, keys[HANDLING]!.publicJwk]),
      topics: topics('list-order'),
      partitions: 2,
      logger: quiet,
      counters: new Counters(),
      clock,
    });
    await gateways[region].start();
    edges[region] = await startGrpcEdge({ gateway: gateways[region], logger: quiet, address: '127.0.0.1:0', tls: { mode: 'insecure' }, authenticator: authenticator.value });
    const token = await issueToken({ issuerKey: issuer.privateJwk, iss: 'list-order-test', sub: `system-${region}`, role: 'system', region });
    clients[region] = new (loadServices().cases.CaseService)(`127.0.0.1:${edges[region].port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
  }
}, 30_000);

afterAll(async () => {
  for (const region of Object.keys(edges)) {
    clients[region]?.close();
    await edges[region]!.close();
    await gateways[region]!.stop();
  }
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function submit(requestId: string): Promise<string> {
  const request = {
    requestId,
    itemCode: '370200-SPJY-0001',
    itemName: '食品经营许可证核发',
    applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
    materials: [],
    handlingRegion: HANDLING,
    intake: { formCheckPassed: true, identityVerified: true },
  };
  return new Promise((resolve, reject) =>
    clients[RECEIVING]!.SubmitCase(request, (error: ServiceError | null, response) => (error || !response?.case ? reject(error ?? new Error('no case')) : resolve(response.case.caseId))),
  );
}

function list(region: string, request: ListCasesRequest): Promise<ListCasesResponse__Output> {
  return new Promise((resolve, reject) => clients[region]!.ListCases(request, (error: ServiceError | null, response) => (error || !response ? reject(error ?? new Error('no response')) : resolve(response))));
}

/** Every case id, following next_page_token; `between` runs after the first page. */
async function listAll(region: string, pageSize: number, between: () => Promise<void> = async () => undefined): Promise<string[]> {
  const ids: string[] = [];
  let token = '';
  for (let page = 0; page < 20; page += 1) {
    const response = await list(region, { pageSize, pageToken: token });
    ids.push(...response.cases.map((c) => c.caseId));
    if (page === 0) await between();
    token = response.nextPageToken;
    if (token === '') return ids;
  }
  throw new Error('ListCases did not end');
}

describe('ListCases over real sockets: submission order', () => {
  it('returns cases oldest first across pages, also when their ids sort otherwise and one arrives between pages', async () => {
    const submitted: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) submitted.push(await submit(`order-${n}`));
    // The premise: these ids (UUIDv8 from the request ids, so in hash order) do not sort by submission.
    expect([...submitted].sort()).not.toEqual(submitted);

    const seen = await listAll(RECEIVING, 2, async () => {
      submitted.push(await submit('order-6'));
    });
    expect(seen).toEqual(submitted);

    // The handling region orders by the same signed submission time, whatever order delivery took.
    for (let i = 0; i < 300 && !submitted.every((id) => gateways[HANDLING]!.getCase(id)); i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(await listAll(HANDLING, 4)).toEqual(submitted);
  }, 30_000);

  it('refuses a page token it did not give', async () => {
    await expect(list(RECEIVING, { pageToken: Buffer.from('not a position').toString('base64url') })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });
});

/**
 * Every RPC × role × region, over real sockets: two gateways (聊城 receives, 青岛 handles one
 * case), callers with tokens for each role and region. The expectations are written out here from
 * the rules, not taken from the policy code they check.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials, Metadata, status, type Client, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerInterceptor, createAuthenticator, generateIssuerKeyPair, issueToken, type Role } from '@xr/auth';
import { generateKeyPair, makeKid, signingKeyFromJwk } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { ExchangeGateway, KeyRing, topics } from '@xr/exchange';
import { Counters, createLogger } from '@xr/observability';
import { loadServices } from '@xr/proto';
import { Writable } from 'node:stream';
import { startGrpcEdge, type GrpcEdge } from '../src/index.js';

const RECEIVING = '371500';
const HANDLING = '370200';
const STRANGER = '331081';
const issuer = generateIssuerKeyPair('authz-test');
const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });

type Kind = 'read' | 'ops' | 'submit' | 'receiving' | 'handling';
const RECEIVING_RPCS = ['ProvideSupplement', 'CompleteMaterials', 'WithdrawCase', 'RateCase'];
const HANDLING_RPCS = ['RequestSupplement', 'AcceptCase', 'RefuseCase', 'SuspendReview', 'ResumeReview', 'ExtendDeadline', 'ApproveCase', 'DenyCase', 'RecordDelivery', 'CloseCase', 'TerminateCase'];

function kindOf(method: string): Kind {
  if (method === 'GetStats') return 'ops';
  if (method === 'SubmitCase') return 'submit';
  if (RECEIVING_RPCS.includes(method)) return 'receiving';
  if (HANDLING_RPCS.includes(method)) return 'handling';
  return 'read';
}

/** The rules of issue #4, written out. */
function expected(gateway: string, method: string, role: Role, region: string): 'allow' | 'deny' {
  if (region !== '*' && region !== gateway) return 'deny';
  const kind = kindOf(method);
  if (role === 'system') {
    if (kind === 'read' || kind === 'submit') return 'allow';
    if (kind === 'receiving') return gateway === RECEIVING ? 'allow' : 'deny';
    if (kind === 'handling') return gateway === HANDLING ? 'allow' : 'deny';
    return 'deny';
  }
  return kind === 'read' || kind === 'ops' ? 'allow' : 'deny';
}

const CALLERS: readonly [Role, string][] = [
  ['system', RECEIVING],
  ['system', HANDLING],
  ['system', STRANGER],
  ['admin', '*'],
  ['admin', HANDLING],
  ['auditor', '*'],
  ['auditor', RECEIVING],
];

let dir: string;
let log: FileEventLog;
const gateways: Record<string, ExchangeGateway> = {};
const edges: Record<string, GrpcEdge> = {};
let caseId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-authz-'));
  log = await FileEventLog.open({ dir });
  const keys: Record<string, ReturnType<typeof generateKeyPair>> = { [RECEIVING]: generateKeyPair(makeKid(RECEIVING, 1)), [HANDLING]: generateKeyPair(makeKid(HANDLING, 1)) };
  const authenticator = await createAuthenticator({ issuers: [{ iss: 'authz-test', keys: [issuer.publicJwk] }] });
  if (!authenticator.ok) throw new Error(authenticator.message);
  for (const region of [RECEIVING, HANDLING]) {
    gateways[region] = new ExchangeGateway({
      region,
      log,
      signer: signingKeyFromJwk(keys[region]!.privateJwk),
      keys: new KeyRing([keys[RECEIVING]!.publicJwk, keys[HANDLING]!.publicJwk]),
      topics: topics('authz'),
      partitions: 2,
      logger: quiet,
      counters: new Counters(),
    });
    await gateways[region].start();
    edges[region] = await startGrpcEdge({ gateway: gateways[region], logger: quiet, address: '127.0.0.1:0', tls: { mode: 'insecure' }, authenticator: authenticator.value });
  }
  caseId = gateways[RECEIVING]!.newCaseId();
  const submitted = await gateways[RECEIVING]!.request({
    type: 'case.submitted',
    v: 1,
    caseId,
    target: HANDLING,
    payload: {
      item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' },
      applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
      materials: [],
      intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2026-11-23T09:00:00+08:00' },
    },
  });
  if (!submitted.ok) throw new Error(submitted.message);
  for (let i = 0; i < 200 && !gateways[HANDLING]!.getCase(caseId); i += 1) await new Promise((r) => setTimeout(r, 10));
}, 30_000);

afterAll(async () => {
  for (const region of Object.keys(edges)) {
    await edges[region]!.close();
    await gateways[region]!.stop();
  }
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The status an RPC ends with: unary's error code, or a stream's first error within a moment. */
function invoke(client: Client, method: string, streaming: boolean, request: Record<string, unknown>): Promise<status> {
  const fn = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
  if (!streaming) {
    return new Promise((resolve) => fn.call(client, request, new Metadata(), (e: ServiceError | null) => resolve(e ? e.code : status.OK)));
  }
  return new Promise((resolve) => {
    const stream = fn.call(client, request) as NodeJS.EventEmitter & { cancel(): void };
    const timer = setTimeout(() => {
      stream.cancel();
      resolve(status.OK);
    }, 300);
    stream.on('data', () => undefined);
    stream.on('error', (e: ServiceError) => {
      clearTimeout(timer);
      resolve(e.code === status.CANCELLED ? status.OK : e.code);
    });
  });
}

describe('authorization over real sockets: every RPC × role × region', () => {
  it('allows exactly what the rules allow, denies the rest with PERMISSION_DENIED, and refuses callers without a token', async () => {
    const services = loadServices();
    const definitions = [services.cases.CaseService, services.ops.OpsService];
    const mismatches: string[] = [];
    let rows = 0;
    for (const gateway of [RECEIVING, HANDLING]) {
      const address = `127.0.0.1:${edges[gateway]!.port}`;
      for (const [role, region] of [...CALLERS, ['none', ''] as const]) {
        const token = role === 'none' ? undefined : await issueToken({ issuerKey: issuer.privateJwk, iss: 'authz-test', sub: `${role}-${region}`, role, region });
        for (const Definition of definitions) {
          const client = new Definition(address, credentials.createInsecure(), token ? { interceptors: [bearerInterceptor(token)] } : {});
          const methods = new Map(Object.values(Definition.service).map((m) => [m.path, m]));
          for (const method of methods.values()) {
            const name = method.path.split('/').pop()!;
            const code = await invoke(client, name, method.responseStream, { requestId: randomUUID(), caseId });
            rows += 1;
            const denied = code === status.PERMISSION_DENIED;
            const want = role === 'none' ? 'unauthenticated' : expected(gateway, name, role, region);
            const ok = want === 'unauthenticated' ? code === status.UNAUTHENTICATED : want === 'deny' ? denied : !denied && code !== status.UNAUTHENTICATED;
            if (!ok) mismatches.push(`${gateway} ${name} ${role}/${region}: want ${want}, got ${status[code]}`);
          }
          client.close();
        }
      }
    }
    expect(mismatches).toEqual([]);
    // 2 gateways × 8 callers (7 with tokens, 1 without) × (20 CaseService + 1 OpsService RPCs)
    expect(rows).toBe(2 * (CALLERS.length + 1) * 21);
  }, 60_000);
});

/**
 * GetStats over a real socket shows each journal partition's latest signed checkpoint, the same
 * one written to `<prefix>.checkpoints`.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { credentials, type ServiceError } from '@grpc/grpc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { bearerInterceptor, createAuthenticator, generateIssuerKeyPair, issueToken } from '@xr/auth';
import { generateKeyPair, makeKid, signingKeyFromJwk } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { ExchangeGateway, KeyRing, topics } from '@xr/exchange';
import { Counters, createLogger } from '@xr/observability';
import { loadServices, type Stats__Output } from '@xr/proto';
import { startGrpcEdge, type GrpcEdge } from '../src/index.js';

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe('GetStats', () => {
  it('lists the latest signed checkpoint of each journal partition', async () => {
    const log = await FileEventLog.open({ dir: await mkdtemp(join(tmpdir(), 'xr-ops-ckpt-')) });
    cleanup.push(() => log.close());
    const key = generateKeyPair(makeKid('371500', 1));
    const partner = generateKeyPair(makeKid('370200', 1));
    const gateway = new ExchangeGateway({
      region: '371500',
      log,
      signer: signingKeyFromJwk(key.privateJwk),
      keys: new KeyRing([key.publicJwk, partner.publicJwk]),
      topics: topics('ops'),
      partitions: 2,
      logger: quiet,
      counters: new Counters(),
      receiptTimeoutMs: 100,
      checkpoints: { intervalMs: 30 },
    });
    await gateway.start();
    cleanup.push(() => gateway.stop());
    const issuer = generateIssuerKeyPair('ops-test');
    const authenticator = await createAuthenticator({ issuers: [{ iss: 'ops-test', keys: [issuer.publicJwk] }] });
    if (!authenticator.ok) throw new Error(authenticator.message);
    const edge: GrpcEdge = await startGrpcEdge({ gateway, logger: quiet, address: '127.0.0.1:0', tls: { mode: 'insecure' }, authenticator: authenticator.value });
    cleanup.push(() => edge.close());
    const token = await issueToken({ issuerKey: issuer.privateJwk, iss: 'ops-test', sub: 'ops', role: 'admin', region: '371500' });
    const client = new (loadServices().ops.OpsService)(`127.0.0.1:${edge.port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
    const stats = (): Promise<Stats__Output> => new Promise((resolve, reject) => client.GetStats({}, (e: ServiceError | null, s?: Stats__Output) => (e || !s ? reject(e ?? new Error('no answer')) : resolve(s))));

    expect((await stats()).checkpoints).toEqual([]);
    // A case sent to a partner that is not running: journaled (answered `submitted`), then checkpointed.
    const caseId = gateway.newCaseId();
    const outcome = await gateway.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: { item: { code: '370200-SPJY-0001', name: '食品经营许可' }, applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' }, materials: [{ name: '申请书', sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' }], intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2025-09-26T09:00:00+08:00' } } });
    expect(outcome).toMatchObject({ ok: true });
    for (const start = Date.now(); (await stats()).checkpoints.length === 0; ) {
      if (Date.now() - start > 10_000) throw new Error('no checkpoint in GetStats');
      await new Promise((r) => setTimeout(r, 30));
    }
    const [shown] = (await stats()).checkpoints;
    const latest = gateway.checkpoints().find((c) => c?.origin === shown!.origin)!;
    expect(shown).toEqual({ origin: latest.origin, size: latest.size, rootHash: Buffer.from(latest.rootHash).toString('base64'), note: latest.note });
    expect(shown!.note.startsWith(`${shown!.origin}\n${latest.size}\n${shown!.rootHash}\n\n— ops.journal.371500 `)).toBe(true);
    client.close();
  });
});

/**
 * On real Kafka: a gateway with `snapshots.dir` writes its state at stop, and the next start
 * restores it (checked against the journal on the broker, read back with the Kafka adapter) and
 * has the same cases. Refusals are tested on the embedded log (packages/exchange/test/snapshot.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generateKeyPair } from '@xr/crypto';
import { createLogger } from '@xr/observability';
import { parseConfig, startGateway, type RunningGateway } from '../src/index.js';

const brokers = inject('kafkaBrokers').split(',');
const prefix = `snap-${randomUUID().slice(0, 8)}`;
const lc = generateKeyPair('371500.k1');
const qd = generateKeyPair('370200.k1');
const running: RunningGateway[] = [];

afterAll(async () => {
  for (const g of running.splice(0)) await g.stop();
});

function recording(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write: (chunk: Buffer, _e, done) => {
      for (const line of chunk.toString().split('\n')) if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

const payload = {
  item: { code: '370200-SPJY-0001', name: '食品经营许可' },
  applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
  materials: [{ name: '申请书', sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' }],
  intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2025-09-26T09:00:00+08:00' },
};

describe('state snapshots of a gateway on Kafka', () => {
  it('a restart restores the snapshot checked against the journal on the broker and serves the same cases', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-snap-int-'));
    const config = (region: string, own: typeof lc, partner: typeof qd, partnerRegion: string, snapshots?: string) =>
      parseConfig({
        region,
        signingKey: own.privateJwk,
        partners: [{ region: partnerRegion, keys: [partner.publicJwk] }],
        eventLog: { kind: 'kafka', brokers },
        grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
        auth: { issuers: [{ iss: 'test', keys: [partner.publicJwk] }] },
        topicPrefix: prefix,
        partitions: 2,
        logLevel: 'info',
        ...(snapshots ? { snapshots: { dir: snapshots } } : {}),
      });
    const first = recording();
    const a = await startGateway(config('371500', lc, qd, '370200', dir), first.logger);
    running.push(a);
    const b = await startGateway(config('370200', qd, lc, '371500'), recording().logger);
    running.push(b);
    const cases: string[] = [];
    for (let i = 0; i < 4; i++) {
      const caseId = a.gateway.newCaseId();
      cases.push(caseId);
      expect((await a.gateway.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload })).ok).toBe(true);
    }
    for (let i = 0; i < 200 && !cases.every((id) => a.gateway.getCase(id)?.status === 'received'); i++) await new Promise((r) => setTimeout(r, 50));
    const before = cases.map((id) => a.gateway.getCase(id));
    expect(before.every((c) => c?.status === 'received')).toBe(true);
    await a.stop();
    running.splice(running.indexOf(a), 1);
    expect(first.lines.some((l) => l['msg'] === 'state snapshot written')).toBe(true);

    const second = recording();
    const again = await startGateway(config('371500', lc, qd, '370200', dir), second.logger);
    running.push(again);
    expect(second.lines.find((l) => l['msg'] === 'journal replayed')).toMatchObject({ fromSnapshot: true, records: 0 });
    expect(second.lines.some((l) => l['code'] === 'XR_SNAPSHOT_REFUSED')).toBe(false);
    expect(cases.map((id) => again.gateway.getCase(id))).toStrictEqual(before);
  }, 90_000);
});

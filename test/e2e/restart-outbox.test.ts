/**
 * Issue #8, faults 6 and 9, as a user sees them over real sockets on real Kafka:
 * - a partner that cannot be reached (its inbox does not exist yet) delays only that partner:
 *   cases for the others go on, GetStats shows its backlog and last error, and it gets everything
 *   once it is there;
 * - a gateway SIGKILLed and started again answers as soon as its journal is replayed — before its
 *   inbox consumer may take over the dead member's partitions (it used to wait out that 10 s
 *   session before opening its port); a submission sent at once is answered once its pipeline runs.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { clientsFor, eventually, type Clients } from './support/clients.js';
import { foodLicence } from './support/cases.js';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.js';
import { authConfig, tokenFor } from './support/identity.js';

type Region = { code: string; keys: ReturnType<typeof generateKeyPair> };
const region = (code: string): Region => ({ code, keys: generateKeyPair(makeKid(code, 1)) });
const A = region('371500');
const B = region('370200');
const C = region('320500');

let brokers: string[];
let dir: string;
const running: GatewayProcess[] = [];
const clients: Clients[] = [];

function config(prefix: string, self: Region, partners: readonly Region[]): Record<string, unknown> {
  return {
    region: self.code,
    signingKey: self.keys.privateJwk,
    partners: partners.map((p) => ({ region: p.code, keys: [p.keys.publicJwk] })),
    eventLog: { kind: 'kafka', brokers },
    ...authConfig('127.0.0.1:0'),
    topicPrefix: prefix,
    partitions: 3,
    logLevel: 'info',
  };
}

/** A gateway process with a client of its region's system and one of its admin (GetStats). */
async function start(prefix: string, self: Region, partners: readonly Region[], name: string): Promise<{ gw: GatewayProcess; api: Clients; ops: Clients }> {
  const gw = await startGatewayProcess(config(prefix, self, partners), dir, name);
  running.push(gw);
  const api = clientsFor(gw.grpcPort, await tokenFor(self.code));
  const ops = clientsFor(gw.grpcPort, await tokenFor(self.code, 'admin', `admin-${self.code}`));
  clients.push(api, ops);
  return { gw, api, ops };
}

beforeAll(async () => {
  brokers = inject('kafkaBrokers').split(',');
  dir = await mkdtemp(join(tmpdir(), 'xr-e2e-restart-'));
});

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(running.map((g) => g.stop('SIGKILL')));
  await rm(dir, { recursive: true, force: true });
});

describe('fault 6: one unreachable partner does not block the others', () => {
  it('苏州 has no inbox yet: its cases wait in its outbox (visible in GetStats), 青岛\'s go on; once 苏州 is up it gets them', async () => {
    const prefix = `e2e-outbox-${randomUUID().slice(0, 8)}`;
    const a = await start(prefix, A, [B, C], 'outbox-liaocheng');
    const b = await start(prefix, B, [A], 'outbox-qingdao');
    // Cases for 苏州 first, on every partition: before, the failed delivery held each one up.
    const forSuzhou = await Promise.all(Array.from({ length: 6 }, () => a.api.submit(foodLicence(C.code))));
    expect(forSuzhou.every((c) => c.status === 'submitted')).toBe(true);
    const began = Date.now();
    const forQingdao = await Promise.all(Array.from({ length: 6 }, () => a.api.submit(foodLicence(B.code))));
    // 青岛 signs for each (签收) while 苏州's deliveries keep failing.
    expect(forQingdao.map((c) => c.status)).toEqual(Array(6).fill('received'));
    expect(Date.now() - began).toBeLessThan(4_000);
    const stats = await a.ops.stats();
    const suzhou = stats.outboxes.find((o) => o.target === C.code);
    expect(Number(suzhou?.backlog)).toBe(6);
    expect(suzhou?.lastError).not.toBe('');
    expect(Number(suzhou?.failedAttempts)).toBeGreaterThan(0);
    expect(stats.outboxes.find((o) => o.target === B.code)).toMatchObject({ lastError: '' });
    expect(Number(stats.outboxes.find((o) => o.target === B.code)?.backlog)).toBe(0);
    expect(stats.pipelineRunning).toBe(true);

    const c = await start(prefix, C, [A], 'outbox-suzhou');
    for (const sent of forSuzhou) expect((await eventually(async () => ((await c.api.get(sent.caseId)).status === 'received' ? true : undefined), 30_000))).toBe(true);
    await eventually(async () => {
      const now = (await a.ops.stats()).outboxes.find((o) => o.target === C.code);
      return Number(now?.backlog) === 0 && now?.lastError === '' ? now : undefined;
    });
    // 聊城 learns of each receipt when 苏州's case.received comes back: a hop after its outbox emptied.
    for (const sent of forSuzhou) expect(await eventually(async () => ((await a.api.get(sent.caseId)).status === 'received' ? true : undefined), 30_000)).toBe(true);
    void b;
  }, 120_000);
});

describe('fault 9: a gateway killed and started again serves at once', () => {
  it('after a SIGKILL, the new process answers GetCase within 2 s of its start; a submission sent then is answered', async () => {
    const prefix = `e2e-restart-${randomUUID().slice(0, 8)}`;
    const a = await start(prefix, A, [B], 'restart-liaocheng');
    await start(prefix, B, [A], 'restart-qingdao');
    const before = await a.api.submit(foodLicence(B.code));
    expect(before.status).toBe('received');
    expect(await a.gw.stop('SIGKILL')).toBeNull();

    const started = Date.now();
    const again = await start(prefix, A, [B], 'restart-liaocheng-2');
    const first = await eventually(async () => {
      const stats = await again.ops.stats();
      return { stats, read: (await again.api.get(before.caseId)).status, ms: Date.now() - started };
    });
    // eslint-disable-next-line no-console -- the figure the issue asks to measure
    console.log(`[restart] killed gateway answered GetCase ${first.ms} ms after its process started (module loading included)`);
    expect(first.read).toBe('received');
    // Served before its inbox consumer could take the dead member's partitions (a 10 s session):
    // the port did not wait for the group. The 2 s target itself is a figure for the note and
    // the bench; here the bound only says "not the session timeout" on a loaded machine.
    expect(first.stats.pipelineRunning).toBe(false);
    expect(first.ms).toBeLessThan(6_000);
    const after = await again.api.submit(foodLicence(B.code));
    expect(after.status).toBe('received');
    expect((await again.ops.stats()).pipelineRunning).toBe(true);
  }, 120_000);
});

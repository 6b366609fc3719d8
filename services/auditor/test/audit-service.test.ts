/**
 * The AuditService over a real socket with auditor tokens, on a log two real gateways wrote and
 * whose checkpoints are signed and cosigned: events stream with filters and resume, the newest
 * witnessed checkpoint, and proofs that `checkProofFile` verifies offline with the region keys
 * alone. Systems (role `system`) and tokens for one region are refused.
 */
import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { credentials, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProofFile, kafkaSource } from '@xr/audit';
import { LC, QD, addCheckpoints, copyTopics, makeWorld, type World } from '@xr/audit/testing';
import { bearerInterceptor, generateIssuerKeyPair, issueToken, type Role } from '@xr/auth';
import { canonicalBytes, signDetached } from '@xr/crypto';
import type { JournalRecord } from '@xr/domain';
import { FileEventLog } from '@xr/event-log-file';
import { createLogger } from '@xr/observability';
import { loadAuditService, type AuditServiceClient, type JournalEvent, type JournalEvent__Output } from '@xr/proto';
import { MerkleTree, ed25519Verifier, openCheckpoint, verifyConsistency } from '@xr/tlog';
import { auditServiceHandlers } from '../src/audit-service.js';
import { IndexHolder, parseConfig, startAuditor, type RunningAuditor } from '../src/index.js';

const issuer = generateIssuerKeyPair('auditor-test');
const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
const PREFIX = 'aud';
let dir: string;
let log: FileEventLog;
let world: World;
let auditor: RunningAuditor;

async function client(role: Role, region: string): Promise<AuditServiceClient> {
  const token = await issueToken({ issuerKey: issuer.privateJwk, iss: 'auditor-test', sub: `${role}-${region}`, role, region });
  const Service = loadAuditService().AuditService;
  return new Service(`127.0.0.1:${auditor.port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
}

function unary<Req, Res>(fn: (req: Req, cb: (err: ServiceError | null, res?: Res) => void) => void, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => fn(req, (err, res) => (err ? reject(err) : resolve(res!))));
}

function stream(c: AuditServiceClient, req: Record<string, unknown>): Promise<JournalEvent__Output[]> {
  return new Promise((resolve, reject) => {
    const out: JournalEvent__Output[] = [];
    const call = c.StreamEvents(req);
    call.on('data', (e: JournalEvent__Output) => out.push(e));
    call.on('end', () => resolve(out));
    call.on('error', reject);
  });
}

async function until(probe: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!probe()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Appends to a region's journal the record its gateway would write for `event` (chained, numbered, signed by the event's source). */
async function journal(region: string, partition: number, event: JournalRecord['event']): Promise<{ topic: string; partition: number; offset: number }> {
  const topic = `${PREFIX}.journal.${region}`;
  const records = await log.read(topic, partition, 0);
  const last = records[records.length - 1]!;
  const caseSeq = records.filter((r) => (JSON.parse(Buffer.from(r.value).toString('utf8')) as JournalRecord).event.caseId === event.caseId).length + 1;
  const eventJws = await signDetached(canonicalBytes(event), world.regions[event.source]!.signer);
  const value = canonicalBytes({ event, eventJws, prev: createHash('sha256').update(last.value).digest('hex'), n: records.length, caseSeq, recordedAt: new Date().toISOString() });
  const [written] = await log.append(topic, [{ id: event.id, key: event.caseId, value, headers: { 'xr-id': event.id }, partition }]);
  return { topic, partition, offset: written!.offset };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-auditor-'));
  log = await FileEventLog.open({ dir });
  world = await makeWorld(log, 'src');
  await copyTopics(log, 'src', PREFIX, (copy) => addCheckpoints(copy, world, PREFIX));
  const config = parseConfig({
    trustAnchors: world.anchors,
    eventLog: { kind: 'file', dir },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: 'auditor-test', keys: [issuer.publicJwk] }] },
    topicPrefix: PREFIX,
    refreshMs: 100,
  });
  auditor = await startAuditor(config, quiet, { log });
}, 60_000);

afterAll(async () => {
  await auditor?.stop();
  await log?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('AuditService', () => {
  it('streams every journaled event of both regions, filters by region, case and type, and resumes after a position', async () => {
    const c = await client('auditor', '*');
    const all = await stream(c, {});
    expect(new Set(all.map((e) => e.region))).toEqual(new Set([LC, QD]));
    const caseId = world.caseIds[0]!;
    const ofCase = await stream(c, { caseId, region: QD });
    expect(ofCase.length).toBeGreaterThan(1);
    expect(ofCase.every((e) => e.caseId === caseId && e.region === QD)).toBe(true);
    const received = await stream(c, { types: ['case.received'] });
    expect(received.length).toBe(world.caseIds.length * 2); // journaled by 青岛 and by 聊城
    const first = ofCase[0]!;
    const rest = await stream(c, { caseId, region: QD, after: [first.position] });
    expect(rest.map((e) => e.eventId)).toEqual(ofCase.slice(1).map((e) => e.eventId));
    expect(Buffer.from(first.record).toString('utf8')).toContain(first.eventId);
  });

  it('streams only the events whose time is in [from_time, to_time)', async () => {
    const c = await client('auditor', '*');
    const all = await stream(c, {});
    const times = [...new Set(all.map((e) => e.time))].sort((a, b) => Date.parse(a) - Date.parse(b));
    expect(times.length).toBeGreaterThan(3);
    const [t1, t2] = [times[1]!, times[times.length - 1]!];
    const key = (e: JournalEvent__Output): string => `${e.position!.topic}/${e.position!.partition}/${e.position!.offset}`;
    const keys = (events: JournalEvent__Output[]): string[] => events.map(key).sort();
    const within = (from: number, to: number): string[] => keys(all.filter((e) => Date.parse(e.time) >= from && Date.parse(e.time) < to));
    // Bounds equal to an event's own time: included by from_time, excluded by to_time.
    const from = await stream(c, { fromTime: t2 });
    expect(keys(from)).toEqual(within(Date.parse(t2), Infinity));
    expect(from.length).toBeGreaterThan(0);
    expect(from.length).toBeLessThan(all.length);
    const to = await stream(c, { toTime: t2 });
    expect(keys(to)).toEqual(within(-Infinity, Date.parse(t2)));
    expect(to.length + from.length).toBe(all.length);
    const between = await stream(c, { fromTime: t1, toTime: t2 });
    expect(keys(between)).toEqual(within(Date.parse(t1), Date.parse(t2)));
    expect(between.length).toBeGreaterThan(0);
    expect(between.length).toBeLessThan(to.length);
    // Another zone, the same instant.
    const shifted = new Date(Date.parse(t2) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(keys(await stream(c, { fromTime: shifted }))).toEqual(keys(from));
    expect(await stream(c, { fromTime: t2, toTime: t2 })).toEqual([]);
  });

  it('refuses a malformed filter with the field', async () => {
    const c = await client('auditor', '*');
    await expect(stream(c, { fromTime: 'yesterday' })).rejects.toMatchObject({ code: 3, details: 'XR_BAD_REQUEST: yesterday is not an RFC 3339 time (field from_time)' });
    await expect(stream(c, { after: [{ topic: 'other.topic', partition: 0, offset: 1 }] })).rejects.toMatchObject({ code: 3 });
  });

  it('gives the newest witnessed checkpoint and an inclusion proof that verifies offline with the region keys', async () => {
    const c = await client('auditor', '*');
    const [event] = await stream(c, { region: LC, types: ['case.received'] });
    const origin = `${PREFIX}.journal.${LC}/${event!.position!.partition}`;
    const cp = await unary(c.GetCheckpoint.bind(c), { origin, witnessed: true });
    expect(cp).toMatchObject({ origin, witnessed: true, quorum: 1 });
    expect(cp.witnesses).toEqual([`${PREFIX}.witness.${QD}`]);
    const proof = await unary(c.GetInclusionProof.bind(c), { eventId: event!.eventId, region: LC });
    expect(proof.tlogProof.startsWith('c2sp.org/tlog-proof@v1\n')).toBe(true);
    const keys = { jwks: Object.values(world.regions).map((r) => r.publicJwk), quorum: 1 };
    expect(checkProofFile(proof.tlogProof, keys).ok).toBe(true);
    // The same leaf by origin and index.
    const byIndex = await unary(c.GetInclusionProof.bind(c), { origin, index: event!.position!.offset });
    expect(byIndex.tlogProof).toBe(proof.tlogProof);
    const tampered = proof.tlogProof.replace(/\nindex (\d+)\n/, (_, n: string) => `\nindex ${Number(n) + 1}\n`);
    expect(checkProofFile(tampered, keys).ok).toBe(false);
  });

  it('gives a consistency proof between two checkpointed sizes, checked offline', async () => {
    const c = await client('auditor', '*');
    const [event] = await stream(c, { region: QD });
    const origin = `${PREFIX}.journal.${QD}/${event!.position!.partition}`;
    const cp = await unary(c.GetCheckpoint.bind(c), { origin });
    const proof = await unary(c.GetConsistencyProof.bind(c), { origin, oldSize: 0, newSize: cp.size });
    expect(proof.newCheckpoint.startsWith(`${origin}\n${cp.size}\n`)).toBe(true);
    expect(checkProofFile(proof.proofFile, { jwks: Object.values(world.regions).map((r) => r.publicJwk) }).ok).toBe(true);
    await expect(unary(c.GetConsistencyProof.bind(c), { origin, oldSize: 5, newSize: 2 })).rejects.toMatchObject({ code: 3 });
    await expect(unary(c.GetCheckpoint.bind(c), { origin: 'nonsense' })).rejects.toMatchObject({ code: 3 });
  });

  it('gives a consistency proof between two signed sizes that verifies against the two checkpoints\' roots', async () => {
    const c = await client('auditor', '*');
    const events = await stream(c, { region: QD });
    const counts = new Map<number, number>();
    for (const e of events) counts.set(e.position!.partition, (counts.get(e.position!.partition) ?? 0) + 1);
    const partition = [...counts].sort((a, b) => b[1] - a[1])[0]![0]; // case 0's: three records at least
    const records = events.filter((e) => e.position!.partition === partition).sort((a, b) => Number(a.position!.offset) - Number(b.position!.offset));
    expect(records.map((e) => Number(e.position!.offset))).toEqual(records.map((_, i) => i)); // every record of the partition is an event
    const origin = `${PREFIX}.journal.${QD}/${partition}`;
    const newSize = (await unary(c.GetCheckpoint.bind(c), { origin })).size;
    const oldSize = Math.floor(newSize / 2); // addCheckpoints signs half and full size
    expect(oldSize).toBeGreaterThan(0);
    const proof = await unary(c.GetConsistencyProof.bind(c), { origin, oldSize, newSize });
    expect(proof).toMatchObject({ origin, oldSize, newSize });
    expect(proof.hashes.length).toBeGreaterThan(0);
    // Both checkpoints opened with 青岛's journal key; their roots are the journal's, rebuilt here from the streamed records.
    const log = [ed25519Verifier(`${PREFIX}.journal.${QD}`, createPublicKey(world.regions[QD]!.signer.privateKey))];
    const old = openCheckpoint(proof.oldCheckpoint, { log, origin });
    const neu = openCheckpoint(proof.newCheckpoint, { log, origin });
    if (!old.ok || !neu.ok) throw new Error('a checkpoint of the proof does not open with the region key');
    expect([old.value.checkpoint.size, neu.value.checkpoint.size]).toEqual([oldSize, newSize]);
    const tree = new MerkleTree();
    for (const e of records.slice(0, newSize)) tree.appendData(e.record);
    const root = (n: number): Uint8Array => {
      const r = tree.root(n);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    expect(Buffer.from(old.value.checkpoint.rootHash)).toEqual(Buffer.from(root(oldSize)));
    expect(Buffer.from(neu.value.checkpoint.rootHash)).toEqual(Buffer.from(root(newSize)));
    expect(verifyConsistency(oldSize, newSize, old.value.checkpoint.rootHash, neu.value.checkpoint.rootHash, proof.hashes)).toMatchObject({ ok: true });
    // A changed hash, or the proof against another old root, does not verify.
    const bent = proof.hashes.map((h, i) => (i === 0 ? Buffer.alloc(32, 1) : h));
    expect(verifyConsistency(oldSize, newSize, old.value.checkpoint.rootHash, neu.value.checkpoint.rootHash, bent).ok).toBe(false);
    expect(verifyConsistency(oldSize, newSize, Buffer.alloc(32, 2), neu.value.checkpoint.rootHash, proof.hashes).ok).toBe(false);
    expect(checkProofFile(proof.proofFile, { jwks: Object.values(world.regions).map((r) => r.publicJwk) }).ok).toBe(true);
    // A size no checkpoint signs: nothing to prove against.
    expect(newSize).toBeGreaterThan(oldSize + 1);
    await expect(unary(c.GetConsistencyProof.bind(c), { origin, oldSize: oldSize + 1, newSize })).rejects.toMatchObject({ code: 5 });
  });

  it('is for auditors and admins acting for every region: a system, or a token for one region, is refused', async () => {
    const system = await client('system', LC);
    await expect(unary(system.GetCheckpoint.bind(system), { origin: `${PREFIX}.journal.${LC}/0` })).rejects.toMatchObject({ code: 7 });
    const regional = await client('auditor', LC);
    await expect(unary(regional.GetCheckpoint.bind(regional), { origin: `${PREFIX}.journal.${LC}/0` })).rejects.toMatchObject({ code: 7 });
    const admin = await client('admin', '*');
    const [event] = await stream(admin, { region: LC });
    await expect(unary(admin.GetCheckpoint.bind(admin), { origin: `${PREFIX}.journal.${LC}/${event!.position!.partition}` })).resolves.toMatchObject({ size: expect.any(Number) as unknown });
  });
});

describe('AuditService StreamEvents with follow', () => {
  it('keeps the stream open and sends what is journaled after it started, filtered as asked', async () => {
    const c = await client('auditor', '*');
    const before = await stream(c, { region: QD });
    const call = c.StreamEvents({ region: QD, follow: true });
    const got: JournalEvent__Output[] = [];
    let ended = false;
    let failed: ServiceError | undefined;
    call.on('data', (e: JournalEvent__Output) => got.push(e));
    call.on('end', () => (ended = true));
    call.on('error', (e: ServiceError) => (failed = e));
    try {
      await until(() => got.length === before.length);
      expect(got.map((e) => e.eventId)).toEqual(before.map((e) => e.eventId));
      // 聊城 withdraws a case: its journal records the event, then 青岛's does on receipt.
      const caseId = world.caseIds[1]!;
      const partition = before.find((e) => e.caseId === caseId)!.position!.partition;
      const event = { id: randomUUID(), type: 'case.withdrawn', v: 1, caseId, seq: 2, source: LC, target: QD, time: new Date().toISOString(), payload: { reason: '申请人撤回' } };
      await journal(LC, partition, event);
      const at = await journal(QD, partition, event);
      await until(() => got.length > before.length);
      await new Promise((r) => setTimeout(r, 300)); // anything else the refresh would (wrongly) send
      expect(got.slice(before.length).map((e) => ({ eventId: e.eventId, region: e.region, type: e.type, position: { ...e.position, offset: Number(e.position!.offset) } }))).toEqual([
        { eventId: event.id, region: QD, type: 'case.withdrawn', position: at },
      ]);
      expect(ended).toBe(false);
      expect(failed).toBeUndefined();
    } finally {
      call.cancel();
    }
  });
  it('follows for as long as the log keeps growing, without piling up listeners per refresh', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error): void => void warnings.push(w);
    process.on('warning', onWarning);
    const c = await client('auditor', '*');
    const caseId = world.caseIds[2]!;
    const before = await stream(c, { region: QD, caseId });
    const partition = before[0]!.position!.partition;
    const call = c.StreamEvents({ region: QD, caseId, follow: true });
    const got: JournalEvent__Output[] = [];
    call.on('data', (e: JournalEvent__Output) => got.push(e));
    call.on('error', () => undefined); // the cancel below
    try {
      await until(() => got.length === before.length);
      // More refreshes with new records than an emitter's default listener limit (10).
      for (let i = 0; i < 12; i++) {
        const event = { id: randomUUID(), type: 'case.supplement-submitted', v: 1, caseId, seq: 2 + i, source: LC, target: QD, time: new Date().toISOString(), payload: { materials: [] } };
        await journal(QD, partition, event);
        await until(() => got.some((e) => e.eventId === event.id));
      }
      expect(got.length).toBe(before.length + 12);
      await new Promise((r) => setImmediate(r));
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    } finally {
      call.cancel();
      process.off('warning', onWarning);
    }
  });
});

/**
 * A client slower than the log: the follow loop waits for `drain` while a refresh swaps the index.
 * The call is a stand-in for grpc-js's server stream (the socket's flow control cannot be timed
 * from a test); the holder is a real one over the same log, refreshed by hand.
 */
describe('AuditService StreamEvents with follow, behind a slow client', () => {
  class SlowCall extends EventEmitter {
    cancelled = false;
    ended = false;
    readonly written: JournalEvent[] = [];
    constructor(readonly request: Record<string, unknown>) {
      super();
    }
    /** The first write fills the client's window: the stream must wait for `drain`. */
    write(message: JournalEvent): boolean {
      this.written.push(message);
      return this.written.length > 1;
    }
    end(): void {
      this.ended = true;
    }
  }

  it('sends the records a refresh brought while it waited for the client', async () => {
    const holder = await IndexHolder.open(kafkaSource(log, PREFIX), world.anchors, quiet);
    const caseId = world.caseIds[1]!;
    const call = new SlowCall({ region: QD, caseId, types: [], fromTime: '', toTime: '', after: [], follow: true });
    auditServiceHandlers(holder, quiet).StreamEvents(call as never);
    try {
      await until(() => call.written.length === 1);
      const partition = Number(call.written[0]!.position!.partition);
      const event = { id: randomUUID(), type: 'case.supplement-submitted', v: 1, caseId, seq: 40, source: LC, target: QD, time: new Date().toISOString(), payload: { materials: [] } };
      await journal(QD, partition, event);
      expect(await holder.refresh()).toBe(true);
      call.emit('drain');
      await until(() => call.written.some((m) => m.eventId === event.id), 3_000);
      expect(call.ended).toBe(false);
    } finally {
      call.cancelled = true;
      call.emit('cancelled');
      holder.stop();
    }
  });
});

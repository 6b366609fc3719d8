/**
 * The AuditService over a real socket with auditor tokens, on a log two real gateways wrote and
 * whose checkpoints are signed and cosigned: events stream with filters and resume, the newest
 * witnessed checkpoint, and proofs that `checkProofFile` verifies offline with the region keys
 * alone. Systems (role `system`) and tokens for one region are refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { credentials, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProofFile } from '@xr/audit';
import { LC, QD, addCheckpoints, copyTopics, makeWorld, type World } from '@xr/audit/testing';
import { bearerInterceptor, generateIssuerKeyPair, issueToken, type Role } from '@xr/auth';
import { FileEventLog } from '@xr/event-log-file';
import { createLogger } from '@xr/observability';
import { loadAuditService, type AuditServiceClient, type JournalEvent__Output } from '@xr/proto';
import { parseConfig, startAuditor, type RunningAuditor } from '../src/index.js';

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

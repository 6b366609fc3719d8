import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import { formatVerifierKey } from '@xr/tlog';
import { journalVerifier } from '@xr/exchange';
import { createPublicKey } from 'node:crypto';
import { AuditIndex, checkProofFile, kafkaSource } from '../src/index.js';
import { addCheckpoints, copyTopics, LC, makeWorld, QD, type World } from '../src/testing.js';

let dir: string;
let log: FileEventLog;
let world: World;
let index: AuditIndex;
const prefix = 'idx';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-audit-index-'));
  log = await FileEventLog.open({ dir });
  world = await makeWorld(log, 'base');
  await copyTopics(log, 'base', prefix, (copy) => addCheckpoints(copy, world, prefix));
  index = await AuditIndex.load(kafkaSource(log, prefix), { trustAnchors: world.anchors });
}, 60_000);

afterAll(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

const jwks = () => Object.values(world.regions).map((r) => r.publicJwk);

describe('AuditIndex', () => {
  it('gives the newest witnessed checkpoint of an origin, cosignatures merged', () => {
    const origin = index.origins().find((o) => o.startsWith(`${prefix}.journal.${LC}/`) && (index.checkpoint(o)?.size ?? 0) > 1)!;
    const cp = index.checkpoint(origin, { witnessed: true })!;
    expect(cp).toMatchObject({ origin, region: LC, witnessed: true, quorum: 1, witnesses: [`${prefix}.witness.${QD}`] });
    expect(cp.note).toContain(`— ${prefix}.journal.${LC} `);
    expect(cp.note).toContain(`— ${prefix}.witness.${QD} `);
  });

  it('proves an event is in a journal, and the proof checks offline with the regions\' keys alone', () => {
    const event = [...index.events({ region: QD, types: ['case.received'] })][0]!;
    const proof = index.inclusionProof(event.event.id, QD);
    if (!proof.ok) throw new Error(proof.message);
    expect(proof.value.tlogProof.startsWith('c2sp.org/tlog-proof@v1\nextra ')).toBe(true);
    expect(checkProofFile(proof.value.tlogProof, { jwks: jwks(), quorum: 1 })).toMatchObject({ ok: true, value: { kind: 'inclusion', index: event.offset, eventId: event.event.id, witnesses: [`${prefix}.witness.${LC}`] } });
    // With the log's verifier key string only (what any C2SP tool takes).
    const key = formatVerifierKey(journalVerifier(prefix, QD, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: world.regions[QD]!.publicJwk.x }, format: 'jwk' })));
    expect(checkProofFile(proof.value.tlogProof, { verifierKeys: [key] })).toMatchObject({ ok: true });
    // Another record's bytes in `extra` do not prove anything.
    const other = [...index.events({ region: QD })].find((e) => e.event.id !== event.event.id && e.partition === event.partition)!;
    const forged = proof.value.tlogProof.replace(/^extra .*$/m, `extra ${Buffer.from(other.record).toString('base64')}`);
    expect(checkProofFile(forged, { jwks: jwks() })).toMatchObject({ ok: false, code: 'XR_PROOF_INVALID' });
    expect(checkProofFile(proof.value.tlogProof, { jwks: [world.regions[LC]!.publicJwk] })).toMatchObject({ ok: false });
    expect(index.inclusionProof('00000000-0000-7000-8000-000000000000')).toMatchObject({ ok: false, code: 'XR_AUDIT_NOT_FOUND' });
  });

  it('proves a journal only grew between two checkpoints, and refuses a proof that does not hold', () => {
    const origin = index.origins().find((o) => (index.checkpoint(o)?.size ?? 0) >= 2)!;
    const size = index.checkpoint(origin)!.size;
    const half = Math.floor(size / 2);
    const proof = index.consistencyProof(origin, half, size);
    if (!proof.ok) throw new Error(proof.message);
    expect(proof.value.proofFile.startsWith(`old ${half}\n`)).toBe(true);
    expect(checkProofFile(proof.value.proofFile, { jwks: jwks(), quorum: 1 })).toMatchObject({ ok: true, value: { kind: 'consistency', origin, size, oldSize: half } });
    const lines = proof.value.proofFile.split('\n');
    lines[1] = Buffer.alloc(32, 1).toString('base64');
    expect(checkProofFile(lines.join('\n'), { jwks: jwks() })).toMatchObject({ ok: false, code: 'XR_CHECKPOINT_FORK' });
    expect(index.consistencyProof(origin, 1, size + 5)).toMatchObject({ ok: false });
  });

  it('shows a case on both sides, as it stood then', async () => {
    const caseId = world.caseIds[0]!;
    const now = index.caseAt(caseId);
    if (!now.ok) throw new Error(now.message);
    expect(now.value.sides.map((s) => s.region).sort()).toEqual([QD, LC].sort());
    for (const side of now.value.sides) expect(side.state?.status).toBe('supplement-requested');
    // The original log keeps the times the gateways journaled at (a copy stamps them anew).
    const original = await AuditIndex.load(kafkaSource(log, 'base'), { trustAnchors: world.anchors });
    const submitted = [...original.events({ region: QD, caseId })][0]!;
    const then = original.caseAt(caseId, new Date(submitted.timestamp).toISOString());
    if (!then.ok) throw new Error(then.message);
    const atQd = then.value.sides.find((s) => s.region === QD)!;
    expect(atQd.events.map((e) => e.event.type)).toEqual(['case.submitted', 'case.received']);
    expect(atQd.state?.status).toBe('received');
    expect(index.caseAt('nope')).toMatchObject({ ok: false, code: 'XR_CASE_NOT_FOUND' });
  });

  it('lists events by case, type and position, resumable', () => {
    const all = [...index.events({ region: LC })];
    expect(all.length).toBeGreaterThan(3);
    const first = all[0]!;
    const rest = [...index.events({ region: LC, after: [{ region: LC, partition: first.partition, offset: first.offset }] })];
    expect(rest).toHaveLength(all.length - 1);
    expect([...index.events({ caseId: world.caseIds[1]!, types: ['case.submitted'] })]).toHaveLength(2);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import { journalOrigin } from '@xr/exchange';
import { cosignatureSigner, cosignatureVerifier, formatVerifierKey, parseAddCheckpoint, parseNote, signNote } from '@xr/tlog';
import { exportSource, kafkaSource, ScanPool, verifyAudit, writeExport, type AuditReport } from '../src/index.js';
import { appendRegistry, applyTamper, TAMPERS, type Expectation } from './tamper.js';
import { addCheckpoints, copyTopics, LC, makeWorld, QD, record, type World } from '../src/testing.js';

let dir: string;
let log: FileEventLog;
let world: World;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-audit-'));
  log = await FileEventLog.open({ dir });
  world = await makeWorld(log, 'base');
}, 60_000);

afterAll(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

describe('verifyAudit on an untouched log', () => {
  it('verifies clean, with every record checkpointed and witnessed', async () => {
    const prefix = `clean${n++}`;
    await copyTopics(log, 'base', prefix, (copy) => addCheckpoints(copy, world, prefix));
    const report = await verifyAudit(kafkaSource(log, prefix), { trustAnchors: world.anchors });
    expect(report.anomalies.map((a) => `${a.code} ${a.topic}:${a.offset} ${a.message}`)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.regions).toEqual(['370200', '371500']);
    expect(report.stats.journalRecords).toBeGreaterThan(6);
    expect(report.stats.uncheckpointed).toBe(0);
    expect(report.stats.signaturesVerified).toBeGreaterThan(0);
  });
});

/** Each tamper applied to a copy of the `from` world's topics is detected and named precisely. */
function tamperCases(from: string, world: () => World): void {
  for (const t of TAMPERS) {
    it(t.name, async () => {
      const prefix = `${from}tamper${n++}`;
      let expected: Expectation | undefined;
      await copyTopics(log, from, prefix, async (copy) => {
        expected = await applyTamper(t, copy, world(), prefix);
      });
      const report = await verifyAudit(kafkaSource(log, prefix), { trustAnchors: world().anchors });
      expect(report.ok).toBe(false);
      const { only, ...where } = expected!;
      expect(report.anomalies).toContainEqual(expect.objectContaining(where));
      if (only) expect(report.anomalies.map((a) => a.code)).toEqual([where.code]);
    });
  }
}

describe('tampering is detected and named precisely', () => {
  tamperCases('base', () => world);
});

describe('a journal of sealed batches (each event with its tlog-proof): the same tampering, detected and named the same way', () => {
  let sealed: World;
  beforeAll(async () => {
    sealed = await makeWorld(log, 'sealed', 3, 'sealed');
  }, 60_000);

  it('verifies clean, each seal checked', async () => {
    const prefix = `sealedclean${n++}`;
    await copyTopics(log, 'sealed', prefix, (copy) => addCheckpoints(copy, sealed, prefix));
    const report = await verifyAudit(kafkaSource(log, prefix), { trustAnchors: sealed.anchors });
    expect(report.anomalies.map((a) => `${a.code} ${a.topic}:${a.offset} ${a.message}`)).toEqual([]);
    expect(report.stats.signaturesVerified).toBeGreaterThan(6);
    const journal = await log.read(`${prefix}.journal.370200`, 0, 0);
    const records = [...journal, ...(await log.read(`${prefix}.journal.370200`, 1, 0)), ...(await log.read(`${prefix}.journal.370200`, 2, 0))];
    expect(records.every((r) => (JSON.parse(Buffer.from(r.value).toString('utf8')) as { eventSeal?: string }).eventSeal !== undefined)).toBe(true);
  });

  tamperCases('sealed', () => sealed);

  it('on worker threads, every tampering (sealed batches and a JWS per event) gives the same report, anomaly for anomaly, as on this thread', async () => {
    const pool = new ScanPool(2);
    const shown = (r: AuditReport): string[] => r.anomalies.map((a) => JSON.stringify(a, Object.keys(a).sort()));
    try {
      for (const [from, w] of [['sealed', sealed], ['base', world]] as const) for (const t of TAMPERS) {
        const prefix = `${from}threads${n++}`;
        await copyTopics(log, from, prefix, async (copy) => void (await applyTamper(t, copy, w, prefix)));
        const here = await verifyAudit(kafkaSource(log, prefix), { trustAnchors: w.anchors, threads: 0, batchRecords: 3 });
        // Batches of 3 records: each partition spans several, as a large journal's do.
        const there = await verifyAudit(kafkaSource(log, prefix), { trustAnchors: w.anchors, scanPool: pool, batchRecords: 3 });
        expect(here.ok, t.name).toBe(false);
        expect(shown(there), t.name).toEqual(shown(here));
        expect(there.stats.journalRecords).toBe(here.stats.journalRecords);
        expect(there.origins).toEqual(here.origins);
      }
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('a witness policy of quorum 2 (the partner region and an outside witness)', () => {
  it('is met when the outside witness cosigns beside the partner: clean, both counted', async () => {
    const prefix = `policy${n++}`;
    const name = 'witness.sd.gov.cn';
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const supervisor = cosignatureSigner(name, privateKey, () => Math.floor(Date.now() / 1000));
    await copyTopics(log, 'base', prefix, async (copy) => {
      await appendRegistry(copy, world, 'witness.policy.set', { region: LC, quorum: 2, witnesses: [{ region: QD }, { name, verifierKey: formatVerifierKey(cosignatureVerifier(name, publicKey)) }] }, new Date().toISOString());
      addCheckpoints(copy, world, prefix);
      const cps = copy.topics.get('checkpoints')![0]!;
      for (const r of [...cps]) {
        if (r.headers['xr-kind'] !== 'checkpoint' || !r.key.startsWith(`${prefix}.journal.${LC}/`)) continue;
        const body = parseAddCheckpoint(r.value);
        const note = body.ok ? parseNote(body.value.checkpoint) : body;
        if (!note.ok) throw new Error(note.message);
        const cosigned = signNote(note.value.text, [supervisor], note.value.signatures);
        if (!cosigned.ok) throw new Error(cosigned.message);
        cps.push(record(r.key, 'cosignature', cosigned.value));
      }
    });
    const report = await verifyAudit(kafkaSource(log, prefix), { trustAnchors: world.anchors });
    expect(report.anomalies).toEqual([]);
    const lc = report.origins.filter((o) => o.origin.startsWith(`${prefix}.journal.${LC}/`) && o.records > 0);
    expect(lc.length).toBeGreaterThan(0);
    for (const o of lc) {
      expect(o.quorum).toBe(2);
      expect([...o.witnesses].sort()).toEqual([`${prefix}.witness.${QD}`, name].sort());
    }
    expect(report.origins.find((o) => o.origin === journalOrigin(prefix, QD, 0))?.quorum).toBe(1);
  });
});

describe('an audit export', () => {
  async function exported(): Promise<string> {
    const prefix = `export${n++}`;
    await copyTopics(log, 'base', prefix, (copy) => addCheckpoints(copy, world, prefix));
    const to = join(dir, `${prefix}-out`);
    const written = await writeExport(kafkaSource(log, prefix), to);
    expect(written.ok).toBe(true);
    return to;
  }

  it('verifies clean with no log at all, exactly as the log did', async () => {
    const to = await exported();
    const source = await exportSource(to);
    if (!source.ok) throw new Error(source.message);
    const report = await verifyAudit(source.value, { trustAnchors: world.anchors });
    expect(report.anomalies).toEqual([]);
    expect(report.stats.journalRecords).toBeGreaterThan(6);
    const manifest = JSON.parse(await readFile(join(to, 'manifest.json'), 'utf8')) as { format: string; files: { path: string }[]; cursors: unknown[] };
    expect(manifest.format).toBe('xr-audit-export/v1');
    expect(manifest.files.map((f) => f.path)).toContain(`${source.value.prefix}.checkpoints/0.jsonl`);
    expect(manifest.cursors.length).toBeGreaterThan(0);
  });

  it('with one file removed is incomplete, naming the file', async () => {
    const to = await exported();
    const manifest = JSON.parse(await readFile(join(to, 'manifest.json'), 'utf8')) as { files: { path: string; records: number }[] };
    const victim = manifest.files.find((f) => f.path.includes('.journal.') && f.records > 0)!.path;
    await rm(join(to, victim));
    expect(await exportSource(to)).toMatchObject({ ok: false, code: 'XR_AUDIT_EXPORT_INCOMPLETE', field: victim });
  });

  it('with a changed file, an extra file or a rewritten manifest is refused', async () => {
    const to = await exported();
    const manifest = JSON.parse(await readFile(join(to, 'manifest.json'), 'utf8')) as { files: { path: string; records: number }[] };
    const victim = manifest.files.find((f) => f.path.includes('.journal.') && f.records > 0)!.path;
    const text = await readFile(join(to, victim), 'utf8');
    await writeFile(join(to, victim), text.replace('"timestamp":', '"timestamp": '));
    expect(await exportSource(to)).toMatchObject({ ok: false, code: 'XR_AUDIT_EXPORT_TAMPERED', field: victim });
    await writeFile(join(to, victim), text);
    await writeFile(join(to, 'notes.txt'), 'hello');
    expect(await exportSource(to)).toMatchObject({ ok: false, code: 'XR_AUDIT_EXPORT_INCOMPLETE', field: 'notes.txt' });
    await rm(join(to, 'notes.txt'));
    await writeFile(join(to, 'manifest.json'), JSON.stringify(manifest, null, 1));
    expect(await exportSource(to)).toMatchObject({ ok: false, code: 'XR_AUDIT_EXPORT_TAMPERED', field: 'manifest.json' });
  });
});

/**
 * A source hands the audit a journal a page at a time where it can (`pages`), or record by record:
 * the same report either way; and an export line that is not a record, in an export whose
 * manifest was rewritten to match (so the export opens), ends its partition there with the
 * records before it audited.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { exportSource, kafkaSource, MANIFEST_FILE, verifyAudit, writeExport, type Manifest } from '../src/index.js';
import { LC, syntheticLog, type World } from '../src/testing.js';

describe('a journal read a page at a time, or record by record', () => {
  let dir: string;
  let log: FileEventLog;
  let world: World;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xr-audit-pages-'));
    log = await FileEventLog.open({ dir: join(dir, 'log') });
    world = await syntheticLog(log, 'pg', 400, { signing: 'sealed' });
  });
  afterAll(async () => {
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same report from a source without pages', async () => {
    const paged = kafkaSource(log, 'pg');
    const { pages: _pages, ...recordsOnly } = paged;
    const options = { trustAnchors: world.anchors, threads: 0, batchRecords: 7 };
    const a = await verifyAudit(paged, options);
    const b = await verifyAudit(recordsOnly, options);
    expect(a.ok).toBe(true);
    expect(b.anomalies).toEqual(a.anomalies);
    expect(b.stats.journalRecords).toBe(a.stats.journalRecords);
    expect(a.stats.journalRecords).toBe(800);
  });

  it('an export line that is not a record ends its partition there, reported at that line, the records before it audited', async () => {
    const out = join(dir, 'export');
    expect((await writeExport(kafkaSource(log, 'pg'), out)).ok).toBe(true);
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')) as Manifest;
    const file = manifest.files.find((f) => f.topic === `pg.journal.${LC}` && f.records > 20)!;
    const lines = (await readFile(join(out, file.path), 'utf8')).split('\n');
    lines[17] = '{"not":"a record"}';
    const data = Buffer.from(lines.join('\n'));
    await writeFile(join(out, file.path), data);
    const files = manifest.files.map((f) => (f === file ? { ...f, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') } : f));
    await writeFile(join(out, MANIFEST_FILE), canonicalJson({ ...manifest, files }));
    const source = await exportSource(out);
    if (!source.ok) throw new Error(source.message);
    for (const threads of [0, 2]) {
      const report = await verifyAudit(source.value, { trustAnchors: world.anchors, threads, batchRecords: 5 });
      const malformed = report.anomalies.filter((a) => a.code === 'XR_AUDIT_RECORD_MALFORMED');
      expect(malformed).toEqual([expect.objectContaining({ topic: file.topic, partition: file.partition, offset: 17 })]);
      // The 17 lines before it were read and audited, none after it.
      expect(report.stats.journalRecords).toBe(800 - (file.records - 17));
    }
  });
});

/**
 * verifyAudit on a synthetic sealed journal: clean, and its rate. `AUDIT_BENCH_EVENTS=50000` (two
 * journal records each: 100k records) prints the figure the bench target is about.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import { exportSource, kafkaSource, verifyAudit, writeExport } from '../src/index.js';
import { syntheticLog } from '../src/testing.js';

const EVENTS = Number(process.env['AUDIT_BENCH_EVENTS'] ?? 1_000);

function rates(): { sha256PerSecond: number; ed25519VerifyPerSecond: number } {
  const data = Buffer.alloc(900, 7);
  let t = performance.now();
  for (let i = 0; i < 20_000; i++) createHash('sha256').update(data).digest();
  const sha = 20_000 / ((performance.now() - t) / 1000);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const sig = sign(null, data, privateKey);
  t = performance.now();
  for (let i = 0; i < 2_000; i++) verify(null, data, publicKey, sig);
  return { sha256PerSecond: Math.round(sha), ed25519VerifyPerSecond: Math.round(2_000 / ((performance.now() - t) / 1000)) };
}

describe.each(['event', 'sealed'] as const)('verifyAudit throughput, %s signatures', (signing) => {
  it(`verifies ${EVENTS * 2} synthetic journal records clean`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-audit-bench-'));
    const log = await FileEventLog.open({ dir: join(dir, 'log') });
    try {
      const world = await syntheticLog(log, 'syn', EVENTS, { signing });
      const live = await verifyAudit(kafkaSource(log, 'syn'), { trustAnchors: world.anchors });
      expect(live.anomalies).toEqual([]);
      expect(live.stats.journalRecords).toBe(EVENTS * 2);
      expect(live.stats.signaturesVerified).toBe(EVENTS);
      expect((await writeExport(kafkaSource(log, 'syn'), join(dir, 'export'))).ok).toBe(true);
      const exported = await exportSource(join(dir, 'export'));
      if (!exported.ok) throw new Error(exported.message);
      const offline = await verifyAudit(exported.value, { trustAnchors: world.anchors });
      expect(offline.anomalies).toEqual([]);
      if (process.env['AUDIT_BENCH_EVENTS']) {
        process.stderr.write(`${JSON.stringify({ signing, 'audit.verify': { records: live.stats.journalRecords, embeddedLog: { ms: live.stats.elapsedMs, recordsPerSecond: live.stats.recordsPerSecond }, export: { ms: offline.stats.elapsedMs, recordsPerSecond: offline.stats.recordsPerSecond } }, ...rates() })}\n`);
      }
    } finally {
      await log.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});

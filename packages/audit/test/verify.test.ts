import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import { kafkaSource, verifyAudit } from '../src/index.js';
import { applyTamper, TAMPERS, type Expectation } from './tamper.js';
import { addCheckpoints, copyTopics, makeWorld, type World } from './world.js';

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
    expect(report.anomalies).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.regions).toEqual(['370200', '371500']);
    expect(report.stats.journalRecords).toBeGreaterThan(6);
    expect(report.stats.uncheckpointed).toBe(0);
    expect(report.stats.signaturesVerified).toBeGreaterThan(0);
  });
});

describe('tampering is detected and named precisely', () => {
  for (const t of TAMPERS) {
    it(t.name, async () => {
      const prefix = `tamper${n++}`;
      let expected: Expectation | undefined;
      await copyTopics(log, 'base', prefix, async (copy) => {
        expected = await applyTamper(t, copy, world, prefix);
      });
      const report = await verifyAudit(kafkaSource(log, prefix), { trustAnchors: world.anchors });
      expect(report.ok).toBe(false);
      const { only, ...where } = expected!;
      if (process.env.AUDIT_DEBUG) process.stderr.write(`${t.name}: ${JSON.stringify(report.anomalies.map((a) => [a.code, a.topic, a.partition, a.offset]))}\n`);
      expect(report.anomalies).toContainEqual(expect.objectContaining(where));
      if (only) expect(report.anomalies.map((a) => a.code)).toEqual([where.code]);
    });
  }
});

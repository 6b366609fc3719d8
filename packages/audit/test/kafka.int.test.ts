/**
 * The tamper list on the real broker, and on an export of it: the same mutations as the embedded
 * log's tests, copied into fresh Kafka topics (`copyTopics` onto a KafkaEventLog).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { exportSource, kafkaSource, verifyAudit, writeExport, type AuditReport } from '../src/index.js';
import { addCheckpoints, copyTopics, makeWorld, type World } from '../src/testing.js';
import { applyTamper, TAMPERS, type Expectation } from './tamper.js';

let dir: string;
let file: FileEventLog;
let kafka: KafkaEventLog;
let world: World;
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-audit-kafka-'));
  file = await FileEventLog.open({ dir: join(dir, 'log') });
  world = await makeWorld(file, 'base');
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  kafka = new KafkaEventLog({ brokers, clientId: `audit-${run}` });
}, 120_000);

afterAll(async () => {
  await kafka?.close();
  await file?.close();
  await rm(dir, { recursive: true, force: true });
});

function expectDetected(report: AuditReport, expected: Expectation): void {
  const { only, ...where } = expected;
  expect(report.ok).toBe(false);
  expect(report.anomalies).toContainEqual(expect.objectContaining(where));
  if (only) expect(report.anomalies.map((a) => a.code)).toEqual([where.code]);
}

describe('audit on Kafka', () => {
  it('an untouched log verifies clean, on Kafka and from its export', async () => {
    const prefix = `au${run}.clean`;
    await copyTopics(file, 'base', prefix, (copy) => addCheckpoints(copy, world, prefix), kafka);
    const report = await verifyAudit(kafkaSource(kafka, prefix), { trustAnchors: world.anchors });
    expect(report.anomalies).toEqual([]);
    expect(report.stats.journalRecords).toBeGreaterThan(6);
    const to = join(dir, prefix);
    expect((await writeExport(kafkaSource(kafka, prefix), to)).ok).toBe(true);
    const exported = await exportSource(to);
    if (!exported.ok) throw new Error(exported.message);
    expect((await verifyAudit(exported.value, { trustAnchors: world.anchors })).anomalies).toEqual([]);
  });

  for (const [i, t] of TAMPERS.entries()) {
    it(`${t.name}: detected on Kafka and from an export`, async () => {
      const prefix = `au${run}.t${i}`;
      let expected: Expectation | undefined;
      await copyTopics(file, 'base', prefix, async (copy) => void (expected = await applyTamper(t, copy, world, prefix)), kafka);
      expectDetected(await verifyAudit(kafkaSource(kafka, prefix), { trustAnchors: world.anchors }), expected!);
      const to = join(dir, prefix);
      expect((await writeExport(kafkaSource(kafka, prefix), to)).ok).toBe(true);
      const exported = await exportSource(to);
      if (!exported.ok) throw new Error(exported.message);
      expectDetected(await verifyAudit(exported.value, { trustAnchors: world.anchors }), expected!);
    });
  }

  it('an export with one file removed is incomplete', async () => {
    const prefix = `au${run}.export`;
    await copyTopics(file, 'base', prefix, (copy) => addCheckpoints(copy, world, prefix), kafka);
    const to = join(dir, prefix);
    const written = await writeExport(kafkaSource(kafka, prefix), to);
    if (!written.ok) throw new Error(written.message);
    const victim = written.value.files.find((f) => f.records > 0 && f.topic.includes('.journal.'))!;
    await rm(join(to, victim.path));
    expect(await exportSource(to)).toMatchObject({ ok: false, code: 'XR_AUDIT_EXPORT_INCOMPLETE', field: victim.path });
  });
});

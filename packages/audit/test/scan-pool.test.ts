import { describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { ScanPool } from '../src/index.js';
import { PartitionScanner } from '../src/journal-scan.js';

const where = { region: '371500', topic: 'x.journal.371500', partition: 0 };
const inputs = (from: number, n: number): { offset: number; timestamp: number; value: Uint8Array }[] =>
  Array.from({ length: n }, (_, i) => ({ offset: from + i, timestamp: 1_764_000_000_000 + i, value: Buffer.from(`{"n":${from + i}}`) }));

describe('ScanPool', () => {
  it('scans a partition batch after batch on a worker exactly as on this thread', async () => {
    const pool = new ScanPool(1);
    try {
      const lane = pool.partition(where);
      const here = new PartitionScanner(where);
      for (const from of [0, 3, 7]) {
        const batch = inputs(from, from === 3 ? 4 : 3);
        const there = await lane.scan(batch);
        const local = here.scanBatch(batch);
        expect(there.records).toEqual(local.records);
        expect(Buffer.from(there.hashes).equals(local.hashes)).toBe(true);
      }
      lane.end();
    } finally {
      await pool.close();
    }
  });

  it('a worker that is gone fails its scans and every later one, instead of leaving them waiting', async () => {
    const pool = new ScanPool(1);
    const lane = pool.partition(where);
    await lane.scan(inputs(0, 2));
    const worker = (pool as unknown as { lanes: { worker: Worker }[] }).lanes[0]!.worker;
    const gone = new Promise((resolve) => worker.once('exit', resolve));
    await worker.terminate();
    await gone;
    await expect(lane.scan(inputs(2, 2))).rejects.toThrow(/scan worker exited/);
    await expect(pool.partition(where).scan(inputs(0, 1))).rejects.toThrow(/scan worker exited/);
    await pool.close();
  });
});

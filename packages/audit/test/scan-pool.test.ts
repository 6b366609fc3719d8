import { describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ScanPool, sharedScanPool } from '../src/index.js';
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
      // The partition's Merkle tree, built on the worker, comes back with the end of the scan.
      const tree = await lane.end();
      expect(tree.size).toBe(10);
      expect(tree.columns()).toEqual(here.tree.columns());
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

  it('the shared pool is kept from one audit to the next, and replaced once a worker died', async () => {
    const pool = sharedScanPool(1);
    expect(sharedScanPool(1)).toBe(pool);
    await pool.partition(where).scan(inputs(0, 2));
    const worker = (pool as unknown as { lanes: { worker: Worker }[] }).lanes[0]!.worker;
    const gone = new Promise((resolve) => worker.once('exit', resolve));
    await worker.terminate();
    await gone;
    expect(pool.failed).toBe(true);
    const next = sharedScanPool(1);
    expect(next).not.toBe(pool);
    expect((await next.partition(where).scan(inputs(0, 2))).records).toHaveLength(2);
  });

  it('its workers keep a process alive while they owe a reply, and not once idle', () => {
    // A process whose only work is a scan on the shared pool: it must wait for the reply (the
    // worker is referenced then) and exit at once after (the idle worker is not).
    const script = `
      import { sharedScanPool } from ${JSON.stringify(fileURLToPath(new URL('../src/index.ts', import.meta.url)))};
      const lane = sharedScanPool(1).partition({ region: '371500', topic: 'x', partition: 0 });
      const scanned = await lane.scan([{ offset: 0, timestamp: 0, value: Buffer.from('{}') }]);
      const tree = await lane.end();
      console.log('scanned', scanned.records.length, 'tree', tree.size);
    `;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('scanned 1 tree 1');
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

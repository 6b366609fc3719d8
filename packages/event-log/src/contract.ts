/**
 * The contract every EventLog adapter passes. Run it from an adapter's test file:
 *
 *   describeEventLogContract('file', async () => ({ current, restart, close }));
 *
 * Each test takes fresh topic and group names, so one broker or directory serves the run.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLogAppendTime } from './log-append-time.js';
import { partitionFor } from './partitioner.js';
import type { Batch, EventLog, LogRecord, RecordInput } from './port.js';

export interface ContractSubject {
  /** The instance in use. */
  current(): EventLog;
  /** Closes the instance in use and opens a new one over the same storage, as a restarted process would. */
  restart(): Promise<EventLog>;
  close(): Promise<void>;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function rec(id: string, key: string, text: string, headers?: Record<string, string>): RecordInput {
  return { id, key, value: enc.encode(text), ...(headers ? { headers } : {}) };
}

function fresh(prefix: string): string {
  return `${prefix}.${randomUUID().slice(0, 8)}`;
}

async function until<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function describeEventLogContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`EventLog contract: ${name}`, () => {
    let subject: ContractSubject;
    let log: EventLog;

    beforeAll(async () => {
      subject = await make();
      log = subject.current();
    }, 120_000);

    afterAll(async () => {
      await subject?.close();
    });

    it('creates topics idempotently and reports their partition count', async () => {
      const topic = fresh('ct.create');
      await log.createTopic(topic, { partitions: 3 });
      await log.createTopic(topic, { partitions: 5 });
      expect(await log.partitions(topic)).toBe(3);
    });

    it('creates a LogAppendTime topic, describes it so, and stamps each record with its append time', async () => {
      const topic = fresh('ct.stamped');
      await log.createTopic(topic, { partitions: 2, timestampType: 'LogAppendTime' });
      expect(await log.describeTopic(topic)).toEqual({ partitions: 2, timestampType: 'LogAppendTime' });
      expect(await ensureLogAppendTime(log, topic, 2)).toEqual({ partitions: 2, timestampType: 'LogAppendTime' });
      const made = await ensureLogAppendTime(log, fresh('ct.ensured'), 1);
      expect(made).toEqual({ partitions: 1, timestampType: 'LogAppendTime' });
      const before = Date.now();
      await log.append(topic, [{ ...rec('s1', 'k', 'one'), partition: 0 }]);
      const after = Date.now();
      const [read] = await log.read(topic, 0, 0);
      // Brokers and hosts share a clock here; allow a little skew either way.
      expect(read!.timestamp).toBeGreaterThanOrEqual(before - 1_000);
      expect(read!.timestamp).toBeLessThanOrEqual(after + 1_000);
      await expect(log.describeTopic(fresh('ct.missing'))).rejects.toThrow();
    });

    it('reads back exactly what was appended: bytes, key, id, headers, dense offsets from 0', async () => {
      const topic = fresh('ct.roundtrip');
      await log.createTopic(topic, { partitions: 1 });
      const bytes = new Uint8Array([0, 255, 1, 254, 7]);
      const results = await log.append(topic, [
        rec('e1', 'case-1', '{"a":1}', { 'xr-jws': 'abc..def' }),
        { id: 'e2', key: 'case-1', value: bytes },
        rec('e3', 'case-2', '你好'),
      ]);
      expect(results.map((r) => [r.partition, r.offset])).toEqual([
        [0, 0],
        [0, 1],
        [0, 2],
      ]);
      const read = await log.read(topic, 0, 0);
      expect(read.map((r) => [r.offset, r.id, r.key])).toEqual([
        [0, 'e1', 'case-1'],
        [1, 'e2', 'case-1'],
        [2, 'e3', 'case-2'],
      ]);
      expect(dec.decode(read[0]!.value)).toBe('{"a":1}');
      expect(read[0]!.headers['xr-jws']).toBe('abc..def');
      expect(Array.from(read[1]!.value)).toEqual(Array.from(bytes));
      expect(dec.decode(read[2]!.value)).toBe('你好');
      expect(read[0]!.timestamp).toBeGreaterThan(Date.now() - 600_000);
      expect(await log.endOffset(topic, 0)).toBe(3);
      expect((await log.read(topic, 0, 1, 1)).map((r) => r.id)).toEqual(['e2']);
      expect(await log.read(topic, 0, 3)).toEqual([]);
    });

    it('places records by key with Kafka\'s partitioner, or where told', async () => {
      const topic = fresh('ct.partition');
      await log.createTopic(topic, { partitions: 4 });
      const keys = ['case-a', 'case-b', 'case-c', 'case-d', 'case-e', 'case-f'];
      const results = await log.append(topic, keys.map((k, i) => rec(`id-${i}`, k, k)));
      results.forEach((r, i) => expect(r.partition).toBe(partitionFor(keys[i]!, 4)));
      const [explicit] = await log.append(topic, [{ ...rec('id-x', 'case-a', 'x'), partition: 3 }]);
      expect(explicit?.partition).toBe(3);
    });

    it('keeps no id index: the same id appended twice is stored twice, in order, for readers to deduplicate', async () => {
      const topic = fresh('ct.ids');
      await log.createTopic(topic, { partitions: 1 });
      const [first] = await log.append(topic, [rec('same', 'k', 'one')]);
      const [again] = await log.append(topic, [rec('same', 'k', 'two')]);
      expect([first, again]).toEqual([
        { partition: 0, offset: 0 },
        { partition: 0, offset: 1 },
      ]);
      expect((await log.read(topic, 0, 0)).map((r) => [r.id, dec.decode(r.value)])).toEqual([
        ['same', 'one'],
        ['same', 'two'],
      ]);
    });

    it('polls: returns what is there at once, waits for the next record, and gives up empty-handed on time', async () => {
      const topic = fresh('ct.poll');
      await log.createTopic(topic, { partitions: 2 });
      await log.append(topic, [{ ...rec('p1', 'k', 'one'), partition: 1 }, { ...rec('p2', 'k', 'two'), partition: 1 }]);
      expect((await log.poll(topic, 1, 0, 5_000)).map((r) => r.id)).toEqual(['p1', 'p2']);
      expect((await log.poll(topic, 1, 1, 5_000, 1)).map((r) => r.id)).toEqual(['p2']);
      const began = Date.now();
      expect(await log.poll(topic, 0, 0, 300)).toEqual([]);
      expect(Date.now() - began).toBeGreaterThanOrEqual(250);
      const waiting = log.poll(topic, 1, 2, 10_000);
      await new Promise((r) => setTimeout(r, 200));
      await log.append(topic, [{ ...rec('p3', 'k', 'three'), partition: 1 }]);
      const woke = Date.now();
      expect((await waiting).map((r) => [r.id, r.offset])).toEqual([['p3', 2]]);
      expect(Date.now() - woke).toBeLessThan(5_000);
    });

    it('stores a group-less position, keeps it across a restart, and leaves other groups and partitions alone', async () => {
      const topic = fresh('ct.cursor');
      const group = fresh('cursor');
      await log.createTopic(topic, { partitions: 2 });
      expect(await log.committed(group, topic, 0)).toBeUndefined();
      await log.commit(group, topic, 1, 7);
      await log.commit(group, topic, 1, 9);
      log = await subject.restart();
      expect(await log.committed(group, topic, 1)).toBe(9);
      expect(await log.committed(group, topic, 0)).toBeUndefined();
      expect(await log.committed(fresh('other'), topic, 1)).toBeUndefined();
    });

    it('consumes as a group in per-partition order, commits, and resumes after the commit', async () => {
      const topic = fresh('ct.group');
      const group = fresh('g');
      await log.createTopic(topic, { partitions: 2 });
      const keys = ['k1', 'k2', 'k3'];
      await log.append(topic, Array.from({ length: 30 }, (_, i) => rec(`a${i}`, keys[i % 3]!, `v${i}`)));
      const seen: LogRecord[] = [];
      const sub = await log.consume({ group, topic, onBatch: async (b: Batch) => void seen.push(...b.records) });
      await until(() => (seen.length >= 30 ? true : undefined));
      await sub.stop();
      for (const key of keys) {
        const values = seen.filter((r) => r.key === key).map((r) => Number(dec.decode(r.value).slice(1)));
        expect(values).toEqual([...values].sort((a, b) => a - b));
      }
      expect(new Set(seen.map((r) => r.id)).size).toBe(30);
      const p0 = await log.endOffset(topic, 0);
      expect(await log.committed(group, topic, 0)).toBe(p0 === 0 ? undefined : p0);

      await log.append(topic, [rec('late', 'k1', 'late')]);
      const again: LogRecord[] = [];
      log = await subject.restart();
      const sub2 = await log.consume({ group, topic, onBatch: async (b) => void again.push(...b.records) });
      await until(() => (again.length >= 1 ? true : undefined));
      await new Promise((r) => setTimeout(r, 300));
      await sub2.stop();
      expect(again.map((r) => r.id)).toEqual(['late']);
    });

    it('offers a batch again when its handler fails, and commits nothing for it', async () => {
      const topic = fresh('ct.retry');
      const group = fresh('g');
      await log.createTopic(topic, { partitions: 1 });
      await log.append(topic, [rec('x1', 'k', 'one'), rec('x2', 'k', 'two')]);
      let failures = 0;
      const delivered: string[] = [];
      const sub = await log.consume({
        group,
        topic,
        onBatch: async (b) => {
          if (failures < 2) {
            failures += 1;
            throw new Error('handler failed');
          }
          delivered.push(...b.records.map((r) => r.id));
        },
        onError: () => undefined,
      });
      await until(() => (delivered.length >= 2 ? true : undefined), 60_000);
      await sub.stop();
      expect(delivered).toEqual(['x1', 'x2']);
      expect(failures).toBe(2);
      expect(await log.committed(group, topic, 0)).toBe(2);
    }, 90_000);
  });
}

import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { KafkaEventLog } from '../src/index.js';

const text = (v: Uint8Array): string => Buffer.from(v).toString('utf8');

describe('Kafka appends made at the same time', () => {
  it('share produce requests, yet each caller gets the offsets of its own records, in order per partition, across topics', async () => {
    const log = new KafkaEventLog({ brokers: inject('kafkaBrokers').split(','), clientId: 'send-queue' });
    try {
      const prefix = `sq.${randomUUID().slice(0, 8)}`;
      const topics = [`${prefix}.a`, `${prefix}.b`];
      for (const t of topics) await log.createTopic(t, { partitions: 3 });
      // 60 callers at once, each appending 1–3 records to one partition of one of two topics.
      const calls = Array.from({ length: 60 }, (_, c) => ({ topic: topics[c % 2]!, partition: c % 3, values: Array.from({ length: 1 + (c % 3) }, (_, i) => `call-${c}-record-${i}`) }));
      const answers = await Promise.all(calls.map((call) => log.append(call.topic, call.values.map((v) => ({ id: v, key: v, value: Buffer.from(v), partition: call.partition })))));
      for (const [c, call] of calls.entries()) {
        const offsets = answers[c]!.map((a) => a.offset);
        expect(answers[c]!.every((a) => a.partition === call.partition)).toBe(true);
        // A caller's records are consecutive and read back where it was told they are.
        expect(offsets).toEqual(offsets.map((_, i) => offsets[0]! + i));
        const read = await log.read(call.topic, call.partition, offsets[0]!, call.values.length);
        expect(read.map((r) => text(r.value))).toEqual(call.values);
        expect(read.map((r) => r.id)).toEqual(call.values);
      }
      // Every record once: offsets of a partition are 0..n-1 with no gap and no repeat.
      for (const t of topics) {
        for (let p = 0; p < 3; p += 1) {
          const mine = calls.flatMap((call, c) => (call.topic === t && call.partition === p ? answers[c]!.map((a) => a.offset) : []));
          expect([...mine].sort((x, y) => x - y)).toEqual(mine.map((_, i) => i));
          expect(await log.endOffset(t, p)).toBe(mine.length);
        }
      }
    } finally {
      await log.close();
    }
  });
});

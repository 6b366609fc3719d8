import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { ensureLogAppendTime, TopicTimestampError } from '@xr/event-log';
import { describeEventLogContract } from '@xr/event-log/contract';
import { KafkaEventLog } from '../src/index.js';

describeEventLogContract('kafka', async () => {
  const brokers = inject('kafkaBrokers').split(',');
  let current = new KafkaEventLog({ brokers, clientId: 'contract' });
  return {
    current: () => current,
    restart: async () => {
      await current.close();
      current = new KafkaEventLog({ brokers, clientId: 'contract' });
      return current;
    },
    close: () => current.close(),
  };
});

describe('Kafka topics whose producers set the timestamps', () => {
  it('describes a CreateTime topic so; ensureLogAppendTime refuses it, naming the topic and the setting', async () => {
    const log = new KafkaEventLog({ brokers: inject('kafkaBrokers').split(','), clientId: 'contract-ct' });
    try {
      const topic = `ct.createtime.${randomUUID().slice(0, 8)}`;
      await log.createTopic(topic, { partitions: 1, timestampType: 'CreateTime' });
      expect(await log.describeTopic(topic)).toEqual({ partitions: 1, timestampType: 'CreateTime' });
      const refused = await ensureLogAppendTime(log, topic, 1).then(() => undefined, (e: unknown) => e);
      expect(refused).toBeInstanceOf(TopicTimestampError);
      expect((refused as Error).message).toContain(`topic ${topic} has message.timestamp.type=CreateTime`);
    } finally {
      await log.close();
    }
  });
});

describe('Kafka appends larger than one broker message', () => {
  it('appends records that together exceed the broker message size (1 MB) in one call, in order', async () => {
    const log = new KafkaEventLog({ brokers: inject('kafkaBrokers').split(','), clientId: 'contract-big' });
    try {
      const topic = `ct.big.${randomUUID().slice(0, 8)}`;
      await log.createTopic(topic, { partitions: 1 });
      const records = Array.from({ length: 5 }, (_, i) => ({ id: `big-${i}`, key: 'k', value: new Uint8Array(300 * 1024).fill(i + 1) }));
      const results = await log.append(topic, records);
      expect(results.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
      expect((await log.read(topic, 0, 0)).map((r) => [r.id, r.value.length, r.value[0]])).toEqual(records.map((r, i) => [r.id, 300 * 1024, i + 1]));
    } finally {
      await log.close();
    }
  });
});

describe('Kafka reads without consumer groups', () => {
  it('reads, polls and stores cursors without creating a consumer group on the broker', async () => {
    const brokers = inject('kafkaBrokers').split(',');
    const log = new KafkaEventLog({ brokers, clientId: 'contract-groupless' });
    const admin = new Kafka({ brokers, clientId: 'contract-groupless-admin', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const topic = `ct.groupless.${randomUUID().slice(0, 8)}`;
      await log.createTopic(topic, { partitions: 2 });
      await log.append(topic, Array.from({ length: 40 }, (_, i) => ({ id: `g-${i}`, key: `k${i % 5}`, value: new TextEncoder().encode(`v${i}`) })));
      const before = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
      const read = [...(await log.read(topic, 0, 0)), ...(await log.read(topic, 1, 0))];
      expect(read).toHaveLength(40);
      await log.poll(topic, 0, 0, 100);
      await log.poll(topic, 1, 1_000, 100);
      const cursor = `ct.cursor.${randomUUID().slice(0, 8)}`;
      await log.commit(cursor, topic, 0, 3);
      const after = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => !before.has(g));
      // The cursor is a position only (no member ever joined), as `kafka-consumer-groups` shows it.
      expect(after.filter((g) => g !== cursor)).toEqual([]);
      expect(await log.committed(cursor, topic, 0)).toBe(3);
    } finally {
      await admin.disconnect();
      await log.close();
    }
  });
});

describe('Kafka long polls beside other long polls', () => {
  it('a poll sees a new record at once while five other polls of the same log wait on idle topics', async () => {
    // A broker answers one request per connection at a time: on one shared connection this poll
    // waited behind the idle polls' 500 ms waits (2.0–2.5 s each time before the fix).
    const log = new KafkaEventLog({ brokers: inject('kafkaBrokers').split(','), clientId: 'contract-polls' });
    const p = `ct.polls.${randomUUID().slice(0, 8)}`;
    const idle = Array.from({ length: 5 }, (_, i) => `${p}.idle${i}`);
    let stop = false;
    try {
      for (const t of [...idle, `${p}.hot`]) await log.createTopic(t, { partitions: 1 });
      const loops = idle.map(async (t) => {
        while (!stop) await log.poll(t, 0, 0, 500);
      });
      const latencies: number[] = [];
      for (let i = 0; i < 5; i++) {
        const seen = (async () => {
          for (;;) if ((await log.poll(`${p}.hot`, 0, i, 500)).length > 0) return Date.now();
        })();
        await new Promise((r) => setTimeout(r, 97 * (i + 1)));
        const appended = Date.now();
        await log.append(`${p}.hot`, [{ id: `hot-${i}`, key: 'k', value: new Uint8Array([i]) }]);
        latencies.push((await seen) - appended);
      }
      stop = true;
      await Promise.all(loops);
      expect(Math.max(...latencies)).toBeLessThan(300);
    } finally {
      stop = true;
      await log.close();
    }
  }, 60_000);
});

describe('Kafka topics created by several processes at once', () => {
  it('lets every creator describe and append to the topic as soon as its createTopic returns', async () => {
    const brokers = inject('kafkaBrokers').split(',');
    const logs = Array.from({ length: 8 }, (_, i) => new KafkaEventLog({ brokers, clientId: `contract-race-${i}` }));
    try {
      for (let round = 0; round < 10; round += 1) {
        const topic = `ct.race.${randomUUID().slice(0, 8)}`;
        // Like two gateways starting together on the shared registry, status and checkpoint topics.
        await Promise.all(
          logs.map(async (log, i) => {
            await log.createTopic(topic, { partitions: 24, timestampType: 'LogAppendTime' });
            expect(await log.describeTopic(topic)).toEqual({ partitions: 24, timestampType: 'LogAppendTime' });
            await log.append(topic, [{ id: `r${round}-${i}`, key: `k${i}`, value: new Uint8Array([i]) }]);
          }),
        );
      }
    } finally {
      await Promise.all(logs.map((log) => log.close()));
    }
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
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
      expect(results.map((r) => [r.offset, r.duplicate])).toEqual([0, 1, 2, 3, 4].map((o) => [o, false]));
      expect((await log.read(topic, 0, 0)).map((r) => [r.id, r.value.length, r.value[0]])).toEqual(records.map((r, i) => [r.id, 300 * 1024, i + 1]));
    } finally {
      await log.close();
    }
  });
});

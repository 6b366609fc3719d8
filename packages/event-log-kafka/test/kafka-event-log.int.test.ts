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

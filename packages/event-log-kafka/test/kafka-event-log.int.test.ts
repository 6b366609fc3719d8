import { inject } from 'vitest';
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

import { describe, expect, it } from 'vitest';
import { commonEnv, ConfigError, readConfigFile } from '../src/index.js';

describe('service configuration', () => {
  it('takes the event log, address, level and prefix from the environment, keeping the rest of grpc', () => {
    const raw = { grpc: { address: '127.0.0.1:1', tls: { mode: 'insecure' } }, eventLog: { kind: 'file', dir: '/data' } };
    expect(commonEnv(raw, { KAFKA_BROKERS: 'a:1, b:2', XR_GRPC_ADDRESS: '0.0.0.0:9', XR_LOG_LEVEL: 'debug', XR_TOPIC_PREFIX: 'p' })).toEqual({
      grpc: { address: '0.0.0.0:9', tls: { mode: 'insecure' } },
      eventLog: { kind: 'kafka', brokers: ['a:1', 'b:2'] },
      logLevel: 'debug',
      topicPrefix: 'p',
    });
    expect(commonEnv(raw, { XR_DATA_DIR: '/other' })).toMatchObject({ eventLog: { kind: 'file', dir: '/other' } });
    expect(commonEnv(raw, {})).toEqual(raw);
  });

  it('names a missing or unreadable configuration file', () => {
    expect(() => readConfigFile('/no/such/config.json')).toThrow(ConfigError);
    expect(() => readConfigFile('/no/such/config.json')).toThrow(/cannot read configuration \/no\/such\/config.json/);
  });
});

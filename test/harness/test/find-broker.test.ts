import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestProject } from 'vitest/node';
import { HarnessError } from '../src/errors.js';
import { findOrStartBroker, parseBrokerList } from '../src/find-broker.js';
import setup from '../src/global-setup.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('findOrStartBroker', () => {
  it('uses KAFKA_BROKERS as is, with nothing to stop', async () => {
    vi.stubEnv('KAFKA_BROKERS', ' kafka-1:9092, 10.0.0.2:19092 ');
    const broker = await findOrStartBroker();
    expect(broker.source).toBe('env');
    expect(broker.brokers).toEqual(['kafka-1:9092', '10.0.0.2:19092']);
    expect('restart' in broker).toBe(false);
    await broker.stop();
  });

  it('names what to install when no broker source is possible', async () => {
    const emptyCache = await mkdtemp(join(tmpdir(), 'xr-harness-nocache-'));
    try {
      vi.stubEnv('KAFKA_BROKERS', '');
      vi.stubEnv('XR_KAFKA_SOURCE', 'local-jars'); // skip Docker detection
      vi.stubEnv('XR_CACHE_DIR', emptyCache);
      vi.stubEnv('PATH', '');
      vi.stubEnv('JAVA_HOME', '');
      const error: unknown = await findOrStartBroker().then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(HarnessError);
      expect((error as HarnessError).code).toBe('XR_HARNESS_NO_BROKER');
      expect((error as HarnessError).message).toContain('java (17+) and mvn (Maven) are not on PATH');
      expect((error as HarnessError).message).toContain('Install Java 17+ and Maven, or start Docker, or set KAFKA_BROKERS=host:port');
    } finally {
      await rm(emptyCache, { recursive: true, force: true });
    }
  });

  it('rejects an unknown XR_KAFKA_SOURCE', async () => {
    vi.stubEnv('KAFKA_BROKERS', '');
    vi.stubEnv('XR_KAFKA_SOURCE', 'podman');
    await expect(findOrStartBroker()).rejects.toThrow(/XR_KAFKA_SOURCE/);
  });
});

describe('parseBrokerList', () => {
  it('accepts host:port and [ipv6]:port, rejects entries without port', () => {
    expect(parseBrokerList('a:1,[::1]:9092,')).toEqual(['a:1', '[::1]:9092']);
    expect(() => parseBrokerList('localhost')).toThrow(/host:port/);
  });
});

describe('global setup', () => {
  it('provides kafkaBrokers and sets KAFKA_BROKERS', async () => {
    vi.stubEnv('KAFKA_BROKERS', '127.0.0.1:9999');
    const provide = vi.fn();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const teardown = await setup({ provide } as unknown as TestProject);
      expect(provide).toHaveBeenCalledWith('kafkaBrokers', '127.0.0.1:9999');
      expect(process.env['KAFKA_BROKERS']).toBe('127.0.0.1:9999');
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('from env'));
      await teardown();
    } finally {
      stderr.mockRestore();
    }
  });
});

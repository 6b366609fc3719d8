import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canConnect } from '../src/broker-log.js';
import { startLocalBroker } from '../src/local-broker.js';
import { findJava } from '../src/which.js';

const envBrokers = process.env['KAFKA_BROKERS'];
// global-setup sets KAFKA_BROKERS itself and says so in XR_KAFKA_HARNESS_SOURCE
const harnessSource = process.env['XR_KAFKA_HARNESS_SOURCE'];
const userBrokers = envBrokers !== undefined && envBrokers !== '' && (harnessSource === undefined || harnessSource === 'env');
// without java (e.g. a Docker-only machine) the harness broker came from testcontainers
const canRunLocal = !userBrokers && findJava() !== undefined;

/** Command lines of running processes that mention `text`. */
function processesMentioning(text: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

describe.runIf(canRunLocal)('local broker from the Kafka jars', () => {
  it('accepts connections, restarts keeping its data, and stops without leftovers', async () => {
    const broker = await startLocalBroker();
    const dataDir = broker.dataDir;
    try {
      expect(broker.brokers).toEqual([`127.0.0.1:${broker.port}`]);
      expect(await canConnect('127.0.0.1', broker.port)).toBe(true);
      expect(processesMentioning(dataDir)).toHaveLength(1);

      const firstPid = broker.pid;
      await broker.restart();
      expect(broker.pid).not.toBe(firstPid);
      expect(await canConnect('127.0.0.1', broker.port)).toBe(true);
      expect(existsSync(join(dataDir, 'kraft', 'meta.properties'))).toBe(true);
    } finally {
      await broker.stop();
    }
    expect(processesMentioning(dataDir)).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
    expect(await canConnect('127.0.0.1', broker.port, 500)).toBe(false);
  }, 60_000);
});

import { dockerAvailable, startDockerBroker } from './docker-broker.js';
import { HarnessError } from './errors.js';
import { hasCachedJars } from './fetch-jars.js';
import { startLocalBroker } from './local-broker.js';
import { findJava, which } from './which.js';

export type BrokerSource = 'env' | 'testcontainers' | 'local-jars';

export interface BrokerHandle {
  readonly brokers: string[];
  readonly source: BrokerSource;
  stop(): Promise<void>;
  /** Only for 'local-jars': stop the broker keeping its data, start it again on the same port. */
  restart?(): Promise<void>;
}

export interface FindBrokerOptions {
  readonly log?: (line: string) => void;
}

const FORCEABLE: readonly string[] = ['testcontainers', 'local-jars'] satisfies BrokerSource[];

/** Parses a KAFKA_BROKERS value: comma-separated host:port. */
export function parseBrokerList(value: string): string[] {
  const brokers = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const broker of brokers) {
    if (!/^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/.test(broker)) {
      throw new HarnessError('XR_HARNESS_NO_BROKER', `KAFKA_BROKERS entry "${broker}" is not host:port`);
    }
  }
  return brokers;
}

/**
 * A Kafka broker for tests, first that works of:
 *   1. env KAFKA_BROKERS (used as is; stop() does nothing);
 *   2. a Docker engine (testcontainers, apache/kafka at the pom's version);
 *   3. the Apache Kafka jars run with the local java (fetched with Maven on first use).
 * env XR_KAFKA_SOURCE=testcontainers|local-jars skips the detection and forces one of 2 or 3.
 */
export async function findOrStartBroker(opts: FindBrokerOptions = {}): Promise<BrokerHandle> {
  const fromEnv = process.env['KAFKA_BROKERS']?.trim();
  if (fromEnv !== undefined && fromEnv !== '') {
    const brokers = parseBrokerList(fromEnv);
    if (brokers.length > 0) return { source: 'env', brokers, stop: () => Promise.resolve() };
  }

  const forced = process.env['XR_KAFKA_SOURCE']?.trim();
  if (forced !== undefined && forced !== '' && !FORCEABLE.includes(forced)) {
    throw new HarnessError('XR_HARNESS_NO_BROKER', `XR_KAFKA_SOURCE must be testcontainers or local-jars, got "${forced}"`);
  }
  if (forced === 'testcontainers' || ((forced === undefined || forced === '') && (await dockerAvailable()))) {
    return startDockerBroker(opts);
  }

  const missing: string[] = [];
  if (findJava() === undefined) missing.push('java (17+)');
  if (!hasCachedJars() && which('mvn') === undefined) missing.push('mvn (Maven)');
  if (missing.length > 0) {
    throw new HarnessError(
      'XR_HARNESS_NO_BROKER',
      `No Kafka broker available: KAFKA_BROKERS is not set, no Docker engine answered, and ${missing.join(' and ')} ` +
        `${missing.length > 1 ? 'are' : 'is'} not on PATH. Install Java 17+ and Maven, or start Docker, or set KAFKA_BROKERS=host:port.`,
    );
  }
  return startLocalBroker(opts);
}

import type { TestProject } from 'vitest/node';
import { findOrStartBroker } from './find-broker.js';
import './provided-context.js';

/**
 * vitest globalSetup: one Kafka broker per test run.
 * Tests read it with `inject('kafkaBrokers')` (or process.env.KAFKA_BROKERS in forked workers).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const broker = await findOrStartBroker({ log: (line) => process.stderr.write(`[kafka-harness] ${line}\n`) });
  const brokers = broker.brokers.join(',');
  project.provide('kafkaBrokers', brokers);
  process.env['KAFKA_BROKERS'] = brokers;
  // lets tests tell a user-supplied KAFKA_BROKERS from the one set just above
  process.env['XR_KAFKA_HARNESS_SOURCE'] = broker.source;
  process.stderr.write(`[kafka-harness] broker ${brokers} from ${broker.source} in ${Date.now() - started} ms\n`);
  return async () => {
    await broker.stop();
    delete process.env['XR_KAFKA_HARNESS_SOURCE'];
  };
}

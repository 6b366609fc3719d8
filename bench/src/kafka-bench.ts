/**
 * The pipeline benchmark on Apache Kafka: a broker from the test harness (KAFKA_BROKERS when set,
 * else Docker, else the pinned Kafka jars run with the local Java), one KafkaEventLog per gateway as
 * in two separate processes, fresh topic names. No broker to be had: the result says so, the run goes on.
 */
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { topics } from '@xr/exchange';
import { findOrStartBroker, kafkaVersion, type BrokerHandle } from '@xr/kafka-harness';
import type { RegionPair } from './fixtures.js';
import type { BenchResult, Progress } from './measure.js';
import { pipelineBench } from './pipeline-bench.js';

export interface KafkaInfo {
  readonly source: string;
  readonly brokers: readonly string[];
  /** Kafka version of the broker, when the harness started it (unknown for KAFKA_BROKERS). */
  readonly version: string | null;
  readonly brokerStartMs: number;
}

export interface KafkaBenchOptions {
  readonly regions: RegionPair;
  readonly cases: number;
  readonly concurrency: number;
  readonly warmupCases: number;
  readonly timeoutMs: number;
  readonly progress: Progress;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function versionOf(broker: BrokerHandle): string | null {
  if (broker.source === 'env') return null;
  if ('kafkaVersion' in broker && typeof broker.kafkaVersion === 'string') return broker.kafkaVersion;
  return kafkaVersion();
}

/** Whether a TCP connection to host:port opens within `timeoutMs`. */
function reachable(address: string, timeoutMs: number): Promise<boolean> {
  const at = address.lastIndexOf(':');
  const host = address.slice(0, at).replace(/^\[|\]$/g, '');
  const port = Number(address.slice(at + 1));
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

export async function kafkaPipelineBench(o: KafkaBenchOptions): Promise<{ results: BenchResult[]; kafka: KafkaInfo | null }> {
  const started = performance.now();
  let broker: BrokerHandle;
  try {
    broker = await findOrStartBroker({ log: (line) => o.progress(`kafka: ${line}`) });
  } catch (error) {
    return { results: [{ name: 'pipeline.kafka', unit: 'cases/s', value: null, n: 0, skipped: message(error) }], kafka: null };
  }
  if (broker.source === 'env' && !(await Promise.all(broker.brokers.map((b) => reachable(b, 3_000)))).some(Boolean)) {
    const reason = `No Kafka broker: KAFKA_BROKERS=${broker.brokers.join(',')} does not accept connections`;
    return { results: [{ name: 'pipeline.kafka', unit: 'cases/s', value: null, n: 0, skipped: reason }], kafka: null };
  }
  const kafka: KafkaInfo = { source: broker.source, brokers: broker.brokers, version: versionOf(broker), brokerStartMs: Math.round(performance.now() - started) };
  o.progress(`pipeline.kafka: broker ${kafka.brokers.join(',')} (${kafka.source}${kafka.version ? `, Kafka ${kafka.version}` : ''}) ready in ${kafka.brokerStartMs} ms`);
  const warnings: string[] = [];
  const onLog = (entry: { level: string; message: string }): void => {
    warnings.push(`${entry.level}: ${entry.message}`);
  };
  const senderLog = new KafkaEventLog({ brokers: broker.brokers, clientId: `xr-bench-${o.regions.sender.code}`, onLog });
  const handlerLog = new KafkaEventLog({ brokers: broker.brokers, clientId: `xr-bench-${o.regions.handler.code}`, onLog });
  try {
    const results = await pipelineBench({
      label: 'kafka',
      regions: o.regions,
      senderLog,
      handlerLog,
      topics: topics(`bench-${randomUUID().slice(0, 8)}`),
      cases: o.cases,
      concurrency: o.concurrency,
      warmupCases: o.warmupCases,
      timeoutMs: o.timeoutMs,
      progress: o.progress,
    });
    if (warnings.length > 0) o.progress(`pipeline.kafka: ${warnings.length} kafkajs warnings, last: ${warnings[warnings.length - 1] ?? ''}`);
    const noted = results.map((r) => (r.name === 'pipeline.kafka.throughput' ? { ...r, notes: `${r.notes ?? ''}; kafkajs warnings ${warnings.length}` } : r));
    return { results: noted, kafka };
  } catch (error) {
    return { results: [{ name: 'pipeline.kafka', unit: 'cases/s', value: null, n: 0, error: message(error) }], kafka };
  } finally {
    await senderLog.close().catch(() => undefined);
    await handlerLog.close().catch(() => undefined);
    o.progress('pipeline.kafka: stopping the broker');
    await broker.stop().catch((error: unknown) => o.progress(`pipeline.kafka: broker stop failed: ${message(error)}`));
  }
}

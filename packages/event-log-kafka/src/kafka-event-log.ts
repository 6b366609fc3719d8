/**
 * The event-log port on Apache Kafka (kafkajs). Record ids travel in the `xr-id` header;
 * appends go through an idempotent producer (acks=all), so broker retries never double a record.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Admin, type ConfigResourceTypes, type Consumer, type IHeaders, type KafkaMessage, type Producer } from 'kafkajs';
import { ID_HEADER, partitionFor } from '@xr/event-log';
import type { AppendResult, ConsumeOptions, EventLog, LogRecord, RecordInput, Subscription, TimestampType, TopicDescription, TopicSpec } from '@xr/event-log';

const TIMESTAMP_TYPE = 'message.timestamp.type';
/** `ConfigResourceTypes.TOPIC`: kafkajs is CommonJS and Node's ESM loader does not see its enums as named exports. */
const TOPIC_RESOURCE = 2 as ConfigResourceTypes;

export interface KafkaEventLogOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Delay before a failed batch is offered again. Default 200 ms. */
  readonly retryDelayMs?: number;
  /**
   * How long the broker waits for a vanished group member (a killed process) before handing its
   * partitions to another. Default 10 s (the broker's minimum is 6 s by default).
   */
  readonly sessionTimeoutMs?: number;
  /**
   * Most bytes (keys, values, headers) one producer request carries; a larger append is sent in
   * several requests, in order. Keep it under the broker's message size, which bounds the batch of
   * one partition (Kafka: 1 MB by default). Default 512 KiB. A failure part-way leaves the
   * earlier requests written (ids make the retry idempotent; the gateway re-reads its journal).
   */
  readonly maxRequestBytes?: number;
  /** Receives kafkajs's own warnings and errors (never record contents). */
  readonly onLog?: (entry: { level: 'error' | 'warn'; message: string }) => void;
}

type Position = { partition: number; offset: number };

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined) out[name] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  }
  return out;
}

function toRecord(topic: string, partition: number, m: KafkaMessage): LogRecord {
  const headers = headerText(m.headers);
  return {
    topic,
    partition,
    offset: Number(m.offset),
    id: headers[ID_HEADER] ?? '',
    key: m.key?.toString('utf8') ?? '',
    value: m.value ? new Uint8Array(m.value.buffer, m.value.byteOffset, m.value.byteLength) : new Uint8Array(0),
    headers,
    timestamp: Number(m.timestamp),
  };
}

export class KafkaEventLog implements EventLog {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private connected: Promise<void> | undefined;
  private readonly partitionCounts = new Map<string, number>();
  private readonly idIndex = new Map<string, Promise<Map<string, Position>>>();
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaEventLogOptions) {
    const onLog = options.onLog;
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'xr-gateway',
      brokers: [...options.brokers],
      connectionTimeout: 5_000,
      retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 5_000 },
      logLevel: onLog ? logLevel.WARN : logLevel.NOTHING,
      logCreator: () => (entry) => {
        if (!onLog) return;
        onLog({ level: entry.level === logLevel.ERROR ? 'error' : 'warn', message: `${entry.namespace}: ${entry.log.message}` });
      },
    });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // An idempotent producer keeps retrying (kafkajs warns that a limit may break its
      // guarantees): a send waits out a broker restart instead of failing half-way.
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
  }

  private connect(): Promise<void> {
    this.connected ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(() => undefined);
    return this.connected;
  }

  async createTopic(topic: string, spec: TopicSpec): Promise<void> {
    await this.connect();
    try {
      const configEntries = spec.timestampType ? [{ name: TIMESTAMP_TYPE, value: spec.timestampType }] : [];
      await this.admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: spec.partitions, replicationFactor: -1, configEntries }] });
    } catch (error) {
      if (!String((error as Error).message).includes('already exists')) throw error;
    }
  }

  async describeTopic(topic: string): Promise<TopicDescription> {
    const partitions = await this.partitions(topic);
    const described = await this.admin.describeConfigs({ includeSynonyms: false, resources: [{ type: TOPIC_RESOURCE, name: topic, configNames: [TIMESTAMP_TYPE] }] });
    const value = described.resources[0]?.configEntries.find((e) => e.configName === TIMESTAMP_TYPE)?.configValue;
    if (value !== 'LogAppendTime' && value !== 'CreateTime') throw new Error(`topic ${topic}: unexpected ${TIMESTAMP_TYPE} ${String(value)}`);
    return { partitions, timestampType: value satisfies TimestampType };
  }

  async partitions(topic: string): Promise<number> {
    const known = this.partitionCounts.get(topic);
    if (known !== undefined) return known;
    await this.connect();
    const meta = await this.admin.fetchTopicMetadata({ topics: [topic] });
    const count = meta.topics[0]?.partitions.length ?? 0;
    if (count === 0) throw new Error(`unknown topic ${topic}`);
    this.partitionCounts.set(topic, count);
    return count;
  }

  /** Ids already in the topic, read once per process, then kept current with our own appends. */
  private ids(topic: string): Promise<Map<string, Position>> {
    let index = this.idIndex.get(topic);
    if (!index) {
      index = this.readAll(topic).then((records) => {
        const map = new Map<string, Position>();
        for (const r of records) if (r.id && !map.has(r.id)) map.set(r.id, { partition: r.partition, offset: r.offset });
        return map;
      });
      this.idIndex.set(topic, index);
      index.catch(() => this.idIndex.delete(topic));
    }
    return index;
  }

  async append(topic: string, records: readonly RecordInput[]): Promise<AppendResult[]> {
    await this.connect();
    const count = await this.partitions(topic);
    const ids = await this.ids(topic);
    const results: (AppendResult | undefined)[] = [];
    const pending: { index: number; partition: number; record: RecordInput }[] = [];
    const inBatch = new Map<string, number>();
    records.forEach((record, index) => {
      const known = ids.get(record.id);
      if (known) {
        results[index] = { ...known, duplicate: true };
        return;
      }
      if (inBatch.has(record.id)) return;
      inBatch.set(record.id, index);
      pending.push({ index, partition: record.partition ?? partitionFor(record.key, count), record });
    });
    for (const chunk of this.chunks(pending)) {
      const byPartition = new Map<number, typeof pending>();
      for (const p of chunk) byPartition.set(p.partition, [...(byPartition.get(p.partition) ?? []), p]);
      const sent = await this.producer.send({
        topic,
        acks: -1,
        messages: chunk.map(({ partition, record }) => ({
          key: record.key,
          value: Buffer.from(record.value.buffer, record.value.byteOffset, record.value.byteLength),
          partition,
          headers: { ...record.headers, [ID_HEADER]: record.id },
        })),
      });
      for (const meta of sent) {
        const base = Number(meta.baseOffset ?? meta.offset);
        (byPartition.get(meta.partition) ?? []).forEach((p, i) => {
          const position = { partition: p.partition, offset: base + i };
          ids.set(p.record.id, position);
          results[p.index] = { ...position, duplicate: false };
        });
      }
    }
    return records.map((record, index) => {
      const result = results[index];
      if (result) return result;
      const first = results[inBatch.get(record.id) ?? -1];
      if (!first) throw new Error(`no position for record ${record.id}`);
      return { partition: first.partition, offset: first.offset, duplicate: true };
    });
  }

  /** Consecutive runs of records of at most `maxRequestBytes` each (a larger record goes alone). */
  private chunks<T extends { record: RecordInput }>(pending: readonly T[]): T[][] {
    const max = this.options.maxRequestBytes ?? 512 * 1024;
    const chunks: T[][] = [];
    let size = Number.POSITIVE_INFINITY;
    for (const p of pending) {
      let bytes = Buffer.byteLength(p.record.key) + p.record.value.byteLength + Buffer.byteLength(p.record.id) + 64;
      for (const [name, value] of Object.entries(p.record.headers ?? {})) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
      if (size + bytes > max) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1]!.push(p);
      size += bytes;
    }
    return chunks;
  }

  async endOffset(topic: string, partition: number): Promise<number> {
    await this.connect();
    const offsets = await this.admin.fetchTopicOffsets(topic);
    const found = offsets.find((o) => o.partition === partition);
    if (!found) throw new Error(`topic ${topic} has no partition ${partition}`);
    return Number(found.high);
  }

  async read(topic: string, partition: number, fromOffset: number, limit?: number): Promise<LogRecord[]> {
    const end = await this.endOffset(topic, partition);
    const stop = limit === undefined ? end : Math.min(end, fromOffset + limit);
    if (fromOffset >= stop) return [];
    return this.readRanges(topic, new Map([[partition, { from: fromOffset, to: stop }]]));
  }

  /** Every record of every partition, up to the ends as of the call. */
  private async readAll(topic: string): Promise<LogRecord[]> {
    await this.connect();
    const offsets = await this.admin.fetchTopicOffsets(topic);
    const ranges = new Map<number, { from: number; to: number }>();
    for (const o of offsets) if (Number(o.high) > Number(o.low)) ranges.set(o.partition, { from: Number(o.low), to: Number(o.high) });
    return ranges.size === 0 ? [] : this.readRanges(topic, ranges);
  }

  /**
   * kafkajs has no manual assignment: reading uses a throwaway group that never commits, seeks
   * each wanted partition, and stops once every range is read.
   */
  private async readRanges(topic: string, ranges: Map<number, { from: number; to: number }>): Promise<LogRecord[]> {
    const consumer = this.kafka.consumer({ groupId: `xr-read-${randomUUID()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    const out = new Map<number, LogRecord[]>();
    let remaining = ranges.size;
    let done!: () => void;
    let failed!: (error: unknown) => void;
    const finished = new Promise<void>((resolve, reject) => {
      done = resolve;
      failed = reject;
    });
    try {
      await consumer.connect();
      consumer.on(consumer.events.CRASH, (e) => failed(e.payload.error));
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const range = ranges.get(batch.partition);
          if (!range) return;
          const list = out.get(batch.partition) ?? [];
          if (list.length > 0 && list[list.length - 1]!.offset >= range.to - 1) return;
          out.set(batch.partition, list);
          for (const m of batch.messages) {
            const offset = Number(m.offset);
            if (offset < range.from || offset >= range.to) continue;
            if (list.length > 0 && offset <= list[list.length - 1]!.offset) continue;
            list.push(toRecord(topic, batch.partition, m));
          }
          if (list.length > 0 && list[list.length - 1]!.offset >= range.to - 1) {
            remaining -= 1;
            if (remaining === 0) done();
          }
        },
      });
      for (const [partition, range] of ranges) consumer.seek({ topic, partition, offset: String(range.from) });
      await finished;
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
    return [...ranges.keys()].sort((a, b) => a - b).flatMap((p) => out.get(p) ?? []);
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    await this.connect();
    const sessionTimeout = this.options.sessionTimeoutMs ?? 10_000;
    const consumer = this.kafka.consumer({
      groupId: options.group,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      sessionTimeout,
      rebalanceTimeout: Math.max(sessionTimeout, 10_000),
      heartbeatInterval: Math.min(1_000, Math.floor(sessionTimeout / 3)),
    });
    this.consumers.add(consumer);
    let running = true;
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    const count = await this.partitions(options.topic);
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: Math.min(count, 8),
      eachBatch: async (payload) => {
        const { batch } = payload;
        const records = batch.messages.map((m) => toRecord(batch.topic, batch.partition, m));
        if (records.length === 0) return;
        for (;;) {
          if (!running || !payload.isRunning() || payload.isStale()) return;
          try {
            await options.onBatch({ topic: batch.topic, partition: batch.partition, records });
            break;
          } catch (error) {
            options.onError?.(error);
            await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 200));
            await payload.heartbeat();
          }
        }
        const last = records[records.length - 1]!.offset;
        payload.resolveOffset(String(last));
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(last + 1) }]);
      },
    });
    return {
      stop: async () => {
        running = false;
        await consumer.disconnect();
        this.consumers.delete(consumer);
      },
    };
  }

  async committed(group: string, topic: string, partition: number): Promise<number | undefined> {
    await this.connect();
    const [entry] = await this.admin.fetchOffsets({ groupId: group, topics: [topic] });
    const found = entry?.partitions.find((p) => p.partition === partition);
    const offset = found ? Number(found.offset) : -1;
    return offset >= 0 ? offset : undefined;
  }

  async close(): Promise<void> {
    for (const consumer of [...this.consumers]) await consumer.disconnect().catch(() => undefined);
    this.consumers.clear();
    if (this.connected) {
      await this.connected.catch(() => undefined);
      await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
    }
  }
}

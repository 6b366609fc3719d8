/**
 * The event-log port on Apache Kafka (kafkajs). Record ids travel in the `xr-id` header;
 * appends go through an idempotent producer (acks=all), so broker retries never double a record;
 * concurrent appends share produce requests (`SendQueue`).
 * Reads, polls and group-less commits go straight to the brokers (`DirectClient`), without
 * consumer groups; only `consume` joins one. Memory: nothing per record beyond what a call
 * returns (no id index), per topic its partition count.
 */
import { Kafka, Partitioners, logLevel, type Admin, type ConfigResourceTypes, type Consumer, type IHeaders, type KafkaMessage, type Producer } from 'kafkajs';
import { trueLevel, type KafkaLogLevel } from './log-level.js';
import { DirectClient, type DirectMessage } from './direct.js';
import { SendQueue } from './send-queue.js';
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
  readonly onLog?: (entry: { level: KafkaLogLevel; message: string }) => void;
}

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined) out[name] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  }
  return out;
}

function toRecord(topic: string, partition: number, m: KafkaMessage | DirectMessage): LogRecord {
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
  private readonly consumers = new Set<Consumer>();
  private readonly direct: DirectClient;
  /**
   * Connections for long polls, one per poll in flight. A broker answers one request per
   * connection at a time, in order, so a long poll on a shared connection would wait behind every
   * other caller's long poll on an idle topic (followers of the registry, the status topic, the
   * checkpoints…): a new record would be seen up to (pollers × maxWait) late.
   */
  private readonly idlePollers: DirectClient[] = [];
  private readonly pollers = new Set<DirectClient>();
  private closing = false;
  private readonly sendQueue: SendQueue;

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
        const error = typeof entry.log['error'] === 'string' ? entry.log['error'] : undefined;
        const level = trueLevel(entry.level === logLevel.ERROR ? 'error' : 'warn', entry.namespace, entry.log.message, error);
        onLog({ level, message: `${entry.namespace}: ${entry.log.message}${error === undefined ? '' : ` (${error})`}` });
      },
    });
    this.admin = this.kafka.admin();
    this.direct = new DirectClient(this.kafka);
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // An idempotent producer keeps retrying (kafkajs warns that a limit may break its
      // guarantees): a send waits out a broker restart instead of failing half-way.
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
    this.sendQueue = new SendQueue(this.producer, this.maxRequestBytes);
  }

  private get maxRequestBytes(): number {
    return this.options.maxRequestBytes ?? 512 * 1024;
  }

  private connect(): Promise<void> {
    this.connected ??= Promise.all([this.admin.connect(), this.producer.connect()]).then(() => undefined);
    return this.connected;
  }

  async createTopic(topic: string, spec: TopicSpec): Promise<void> {
    await this.connect();
    // Existing already (every start but the first): no CreateTopics, which kafkajs logs as an error.
    if (await this.exists(topic)) return;
    try {
      const configEntries = spec.timestampType ? [{ name: TIMESTAMP_TYPE, value: spec.timestampType }] : [];
      await this.admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: spec.partitions, replicationFactor: -1, configEntries }] });
    } catch (error) {
      const message = String((error as Error).message);
      // Another process (the partner gateway starting beside us) made it first, or kafkajs's wait
      // for leaders gave up on a broker that does not host the new partitions yet: both are waited
      // out below; anything else is a real refusal.
      if (!message.includes('already exists') && !message.includes('does not host this topic-partition')) throw error;
    }
    // Whoever created it, the topic is usable only once the metadata shows a leader for every
    // partition: until then a describe or an append right after this call fails.
    await this.direct.retry(`leaders of new topic ${topic}`, async () => {
      const meta = await this.admin.fetchTopicMetadata({ topics: [topic] });
      const partitions = meta.topics[0]?.partitions ?? [];
      if (partitions.length === 0 || partitions.some((p) => p.leader < 0)) throw new Error(`topic ${topic} has no leader for every partition yet`);
    });
  }

  private async exists(topic: string): Promise<boolean> {
    if (this.partitionCounts.has(topic)) return true;
    const { topics } = await this.direct.retry(`metadata of ${topic}`, () => this.admin.fetchTopicMetadata({ topics: [] }));
    return topics.some((t) => t.name === topic && t.partitions.length > 0);
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

  async append(topic: string, records: readonly RecordInput[]): Promise<AppendResult[]> {
    await this.connect();
    const count = await this.partitions(topic);
    const results: AppendResult[] = [];
    const pending = records.map((record) => ({ partition: record.partition ?? partitionFor(record.key, count), record }));
    // Chunks go one after the other: a later one is sent only once the earlier ones are written.
    for (const chunk of this.chunks(pending)) {
      const offsets = await this.sendQueue.send(
        topic,
        chunk.map(({ partition, record, bytes }) => ({
          partition,
          bytes,
          message: { key: record.key, value: Buffer.from(record.value.buffer, record.value.byteOffset, record.value.byteLength), headers: { ...record.headers, [ID_HEADER]: record.id } },
        })),
      );
      chunk.forEach((p, i) => results.push({ partition: p.partition, offset: offsets[i]! }));
    }
    return results;
  }

  /** Consecutive runs of records of at most `maxRequestBytes` each (a larger record goes alone). */
  private chunks<T extends { record: RecordInput }>(pending: readonly T[]): (T & { bytes: number })[][] {
    const max = this.maxRequestBytes;
    const chunks: (T & { bytes: number })[][] = [];
    let size = Number.POSITIVE_INFINITY;
    for (const p of pending) {
      let bytes = Buffer.byteLength(p.record.key) + p.record.value.byteLength + Buffer.byteLength(p.record.id) + 64;
      for (const [name, value] of Object.entries(p.record.headers ?? {})) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
      if (size + bytes > max) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1]!.push({ ...p, bytes });
      size += bytes;
    }
    return chunks;
  }

  async endOffset(topic: string, partition: number): Promise<number> {
    await this.connect();
    const offsets = await this.direct.retry(`end of ${topic}`, () => this.admin.fetchTopicOffsets(topic));
    const found = offsets.find((o) => o.partition === partition);
    if (!found) throw new Error(`topic ${topic} has no partition ${partition}`);
    return Number(found.high);
  }

  async read(topic: string, partition: number, fromOffset: number, limit?: number): Promise<LogRecord[]> {
    const out: LogRecord[] = [];
    let next = fromOffset;
    let end: number | undefined;
    for (;;) {
      if (limit !== undefined && out.length >= limit) break;
      const fetched = await this.fetchFrom(topic, partition, next, 0);
      end ??= fetched.end;
      for (const m of fetched.messages) {
        const offset = Number(m.offset);
        if (offset >= end || (limit !== undefined && out.length >= limit)) break;
        out.push(toRecord(topic, partition, m));
        next = offset + 1;
      }
      if (next >= end || fetched.messages.length === 0) break;
    }
    return out;
  }

  /** A fetch; an offset past the end reads as nothing yet (after waiting), one before the start is an error. */
  private async fetchFrom(topic: string, partition: number, offset: number, maxWaitMs: number): Promise<{ messages: readonly DirectMessage[]; end: number }> {
    const fetched = maxWaitMs > 0 ? await this.longFetch(topic, partition, offset, maxWaitMs) : await this.direct.fetch(topic, partition, offset, maxWaitMs);
    if (!fetched.outOfRange) return fetched;
    const end = await this.endOffset(topic, partition);
    if (offset < end) throw new Error(`topic ${topic} partition ${partition} no longer holds offset ${offset} (deleted by retention?)`);
    if (maxWaitMs > 0) await new Promise((r) => setTimeout(r, maxWaitMs));
    return { messages: [], end };
  }

  /** A fetch that may wait, on a connection no other request is queued on. */
  private async longFetch(topic: string, partition: number, offset: number, maxWaitMs: number): Promise<Awaited<ReturnType<DirectClient['fetch']>>> {
    let client = this.idlePollers.pop();
    if (!client) {
      client = new DirectClient(this.kafka);
      this.pollers.add(client);
    }
    try {
      return await client.fetch(topic, partition, offset, maxWaitMs);
    } finally {
      if (this.closing) void client.close();
      else this.idlePollers.push(client);
    }
  }

  async poll(topic: string, partition: number, fromOffset: number, maxWaitMs: number, limit?: number): Promise<LogRecord[]> {
    const fetched = await this.fetchFrom(topic, partition, fromOffset, maxWaitMs);
    const records = fetched.messages.map((m) => toRecord(topic, partition, m));
    return limit === undefined ? records : records.slice(0, limit);
  }

  async commit(group: string, topic: string, partition: number, offset: number): Promise<void> {
    await this.direct.commit(group, topic, partition, offset);
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
    const [entry] = await this.direct.retry(`committed ${group}`, () => this.admin.fetchOffsets({ groupId: group, topics: [topic] }));
    const found = entry?.partitions.find((p) => p.partition === partition);
    const offset = found ? Number(found.offset) : -1;
    return offset >= 0 ? offset : undefined;
  }

  async close(): Promise<void> {
    for (const consumer of [...this.consumers]) await consumer.disconnect().catch(() => undefined);
    this.consumers.clear();
    this.closing = true;
    await this.direct.close();
    await Promise.all([...this.pollers].map((c) => c.close()));
    this.pollers.clear();
    this.idlePollers.length = 0;
    if (this.connected) {
      await this.connected.catch(() => undefined);
      await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
    }
  }
}

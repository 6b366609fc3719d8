/**
 * The event-log port: what the gateway needs from a partitioned, append-only log.
 * Kafka (`@xr/event-log-kafka`) and the embedded file log (`@xr/event-log-file`) implement it
 * and both pass the same contract suite (`@xr/event-log/contract`).
 */

/** Header that carries a record's id; idempotent appends are keyed by it. */
export const ID_HEADER = 'xr-id';

export interface RecordInput {
  /**
   * Stable id of the record (an event id), carried in the `xr-id` header. The log does not
   * deduplicate by it: readers do (the gateway by the event ids its journal holds).
   */
  readonly id: string;
  /** Partition key (a case id); records with one key stay in order in one partition. */
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
  /** Explicit partition; when absent the key decides (see `partitionFor`). */
  readonly partition?: number;
}

export interface LogRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly id: string;
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers: Readonly<Record<string, string>>;
  /** Milliseconds since the epoch, as stored by the log (the producer's choice unless the topic is `LogAppendTime`). */
  readonly timestamp: number;
}

export interface AppendResult {
  readonly partition: number;
  readonly offset: number;
}

export interface Batch {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly LogRecord[];
}

export interface ConsumeOptions {
  /** Consumer group: its committed positions survive restarts. */
  readonly group: string;
  readonly topic: string;
  /**
   * Called with records of one partition, in offset order. Batches of one partition never
   * overlap in time. When it resolves, the position after the batch is committed for the group.
   * When it rejects, nothing is committed and the batch is offered again.
   */
  readonly onBatch: (batch: Batch) => Promise<void>;
  /** Called when delivery to `onBatch` fails; the consumer goes on. */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops delivering; resolves once no `onBatch` call is in flight. */
  stop(): Promise<void>;
}

/**
 * Who stamps a record's `timestamp`: the log as it appends the record (`LogAppendTime`), or the
 * producer (`CreateTime`, Kafka's default), who can write any time it likes.
 */
export type TimestampType = 'LogAppendTime' | 'CreateTime';

export interface TopicSpec {
  readonly partitions: number;
  /**
   * How the new topic stamps timestamps; absent: the log's default. A topic whose timestamps judge
   * anything (which key may sign a record) needs `LogAppendTime`; see `ensureLogAppendTime`.
   */
  readonly timestampType?: TimestampType;
}

/** An existing topic as the log has it configured. */
export interface TopicDescription {
  readonly partitions: number;
  readonly timestampType: TimestampType;
}

export interface EventLog {
  /** Which adapter this is, for logs and the demo's trace. */
  readonly kind: 'kafka' | 'file';
  /** Creates the topic if it does not exist (idempotent); an existing topic keeps its partitions. */
  createTopic(topic: string, spec: TopicSpec): Promise<void>;
  /** Partitions and timestamp type of an existing topic (for Kafka: `message.timestamp.type`). */
  describeTopic(topic: string): Promise<TopicDescription>;
  /** Partition count of an existing topic. */
  partitions(topic: string): Promise<number>;
  /**
   * Appends in order, each record once: a retry inside one call never doubles a record (Kafka:
   * the idempotent producer). Two calls with the same id store it twice; readers deduplicate. The
   * adapter keeps no per-record memory.
   */
  append(topic: string, records: readonly RecordInput[]): Promise<AppendResult[]>;
  /**
   * Records of one partition from `fromOffset` up to the end as of the call (or `limit` records).
   * No consumer group is involved.
   */
  read(topic: string, partition: number, fromOffset: number, limit?: number): Promise<LogRecord[]>;
  /**
   * Records of one partition from `fromOffset`, as many as are there (up to `limit`), waiting up
   * to `maxWaitMs` for the first when there are none yet; `[]` when none came. A follower's loop.
   */
  poll(topic: string, partition: number, fromOffset: number, maxWaitMs: number, limit?: number): Promise<LogRecord[]>;
  /** The offset the next record in the partition will get. */
  endOffset(topic: string, partition: number): Promise<number>;
  /** Consumes a topic as a member of a group, committing after each batch. */
  consume(options: ConsumeOptions): Promise<Subscription>;
  /** The group's committed position in a partition (the next offset to read), if any. */
  committed(group: string, topic: string, partition: number): Promise<number | undefined>;
  /**
   * Stores a position for a group nobody consumes as a member: the cursor of a group-less reader
   * (an outbox over the journal). Kafka: visible with `kafka-consumer-groups --describe`.
   */
  commit(group: string, topic: string, partition: number, offset: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Reads and position commits without a consumer group. kafkajs has no manual partition assignment
 * (no `assign()`), so a plain read would need a group join per call — a throwaway group, several
 * round trips and, on a restart, a wait for the dead member's session to expire. Instead this uses
 * kafkajs's own cluster and broker objects, as its consumer does internally: a Fetch to the
 * partition leader, and an OffsetCommit with generation −1 and no member (what Kafka's Java
 * consumer sends after `assign()`). These objects are not kafkajs's public API, so kafkajs is
 * pinned to an exact version and the event-log contract suite exercises every path against a
 * real broker.
 */
import type { Kafka } from 'kafkajs';

/** The parts of kafkajs 2.2.4's internal `Cluster` and `Broker` used here. */
interface DirectMessage {
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: string;
  readonly headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
  readonly isControlRecord?: boolean;
}

interface FetchedPartition {
  readonly partition: number;
  readonly highWatermark: string;
  readonly messages: readonly DirectMessage[];
}

interface InternalBroker {
  fetch(request: {
    replicaId: number;
    isolationLevel: number;
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<{ responses: { topicName: string; partitions: FetchedPartition[] }[] }>;
  offsetCommit(request: { groupId: string; groupGenerationId: number; memberId: string; retentionTime?: number; topics: { topic: string; partitions: { partition: number; offset: string }[] }[] }): Promise<unknown>;
}

interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  findLeaderForPartitions(topic: string, partitions: number[]): Record<string, number[]>;
  findBroker(args: { nodeId: string }): Promise<InternalBroker>;
  findGroupCoordinator(args: { groupId: string }): Promise<InternalBroker>;
}

type ClusterFactory = (options: { allowAutoTopicCreation: boolean; metadataMaxAge?: number; maxInFlightRequests?: number | null }) => InternalCluster;

const CREATE_CLUSTER = 'private:Kafka:createCluster';
/** READ_COMMITTED: nothing of an aborted transaction (we write none, but others might). */
const READ_COMMITTED = 1;

export interface Fetched {
  readonly messages: readonly DirectMessage[];
  /** The partition's end (high watermark) as the leader answered; −1 when out of range. */
  readonly end: number;
  /** The offset asked for is not in the partition (past its end, or deleted by retention). */
  readonly outOfRange?: boolean;
}

export type { DirectMessage };

export class DirectClient {
  private cluster: Promise<InternalCluster> | undefined;

  constructor(private readonly kafka: Kafka) {}

  private connect(): Promise<InternalCluster> {
    if (!this.cluster) {
      const holder = this.kafka as unknown as Record<symbol, unknown>;
      const symbol = Object.getOwnPropertySymbols(holder).find((s) => s.description === CREATE_CLUSTER);
      const create = symbol === undefined ? undefined : holder[symbol];
      if (typeof create !== 'function') throw new Error('this kafkajs version has no internal cluster factory; @xr/event-log-kafka needs kafkajs 2.2.4');
      const cluster = (create as ClusterFactory)({ allowAutoTopicCreation: false, metadataMaxAge: 60_000, maxInFlightRequests: null });
      this.cluster = cluster.connect().then(() => cluster);
      this.cluster.catch(() => (this.cluster = undefined));
    }
    return this.cluster;
  }

  /** Retries what a leader change or a restarting broker makes fail, refreshing metadata between tries. */
  private async withRetry<T>(what: string, run: (cluster: InternalCluster) => Promise<T>): Promise<T> {
    let delay = 100;
    for (let attempt = 1; ; attempt += 1) {
      const cluster = await this.connect();
      try {
        return await run(cluster);
      } catch (error) {
        const retriable = (error as { retriable?: boolean }).retriable !== false;
        if (!retriable || attempt >= 30) throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 2_000);
        await cluster.refreshMetadata().catch(() => undefined);
      }
    }
  }

  /**
   * One Fetch from the leader: records at or after `offset` (the leader may start a batch earlier;
   * those are dropped here), waiting up to `maxWaitMs` for the first one.
   */
  fetch(topic: string, partition: number, offset: number, maxWaitMs: number, maxBytes = 4 * 1024 * 1024): Promise<Fetched> {
    return this.withRetry(`fetch ${topic}/${partition}@${offset}`, async (cluster) => {
      await cluster.addTargetTopic(topic);
      const leaders = cluster.findLeaderForPartitions(topic, [partition]);
      const nodeId = Object.keys(leaders)[0];
      if (nodeId === undefined) throw Object.assign(new Error(`topic ${topic} has no partition ${partition}`), { retriable: false });
      const broker = await cluster.findBroker({ nodeId });
      const response = await broker
        .fetch({
        replicaId: -1,
        isolationLevel: READ_COMMITTED,
        maxWaitTime: maxWaitMs,
        minBytes: 1,
        maxBytes,
        topics: [{ topic, partitions: [{ partition, fetchOffset: String(offset), maxBytes }] }],
        })
        .catch((error: unknown) => {
          // Past the end (or before a retention-deleted start): the caller decides what it means.
          if ((error as { type?: string }).type === 'OFFSET_OUT_OF_RANGE') return undefined;
          throw error;
        });
      if (response === undefined) return { messages: [], end: -1, outOfRange: true };
      const found = response.responses.find((r) => r.topicName === topic)?.partitions.find((p) => p.partition === partition);
      if (!found) throw new Error(`no fetch response for ${topic}/${partition}`);
      const messages = found.messages.filter((m) => !m.isControlRecord && Number(m.offset) >= offset);
      return { messages, end: Number(found.highWatermark) };
    });
  }

  /** Runs an admin-side request with the same retries (a coordinator still loading, a leader moving). */
  retry<T>(what: string, run: () => Promise<T>): Promise<T> {
    return this.withRetry(what, () => run());
  }

  /** Stores a position for a group that has no members (a group-less reader's cursor). */
  commit(group: string, topic: string, partition: number, offset: number): Promise<void> {
    return this.withRetry(`commit ${group} ${topic}/${partition}`, async (cluster) => {
      const coordinator = await cluster.findGroupCoordinator({ groupId: group });
      await coordinator.offsetCommit({ groupId: group, groupGenerationId: -1, memberId: '', retentionTime: -1, topics: [{ topic, partitions: [{ partition, offset: String(offset) }] }] });
    });
  }

  async close(): Promise<void> {
    const cluster = this.cluster;
    this.cluster = undefined;
    if (cluster) await (await cluster.catch(() => undefined))?.disconnect();
  }
}

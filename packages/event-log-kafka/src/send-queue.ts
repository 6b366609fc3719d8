/**
 * Coalesces concurrent appends into one produce request. kafkajs's idempotent producer holds a
 * lock per broker around every request (its sequence numbers must stay gapless), so concurrent
 * `send` calls of one process — the intake, each partition's journal append, each outbox — go
 * out one request at a time anyway, and kafkajs has no linger to batch them. Here, appends that
 * arrive while a request is in flight wait and leave together in the next `sendBatch` (one
 * request to the broker, every topic and partition in it): no timer, so a lone append is not
 * delayed, and under load a request carries what queued during the previous one. Records keep
 * their order per partition (queue order), and each caller gets the offsets of its own records.
 */
import type { Message, Producer } from 'kafkajs';

export interface QueuedRecord {
  readonly partition: number;
  readonly message: Message;
  /** Approximate size on the wire, for `maxRequestBytes`. */
  readonly bytes: number;
}

interface Job {
  readonly topic: string;
  readonly records: readonly QueuedRecord[];
  readonly bytes: number;
  readonly resolve: (offsets: number[]) => void;
  readonly reject: (error: unknown) => void;
}

export class SendQueue {
  private readonly waiting: Job[] = [];
  private sending = false;

  constructor(
    private readonly producer: Producer,
    /** Most bytes one request carries; a single larger job still goes alone. */
    private readonly maxRequestBytes: number,
  ) {}

  /** Appends `records` to `topic`; resolves with their offsets, in the order given. */
  send(topic: string, records: readonly QueuedRecord[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ topic, records, bytes: records.reduce((sum, r) => sum + r.bytes, 0), resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.waiting.length > 0) {
        const jobs = this.take();
        try {
          const offsets = await this.sendJobs(jobs);
          jobs.forEach((job, i) => job.resolve(offsets[i]!));
        } catch (error) {
          for (const job of jobs) job.reject(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  /** The longest run of waiting jobs within `maxRequestBytes` (at least one). */
  private take(): Job[] {
    let size = 0;
    let count = 0;
    for (const job of this.waiting) {
      if (count > 0 && size + job.bytes > this.maxRequestBytes) break;
      size += job.bytes;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async sendJobs(jobs: readonly Job[]): Promise<number[][]> {
    const byTopic = new Map<string, Message[]>();
    for (const job of jobs) {
      const list = byTopic.get(job.topic) ?? [];
      for (const r of job.records) list.push({ ...r.message, partition: r.partition });
      byTopic.set(job.topic, list);
    }
    const sent = await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    // kafkajs keeps the order of messages within a partition; hand out offsets in queue order.
    const next = new Map<string, number>();
    for (const meta of sent) next.set(`${meta.topicName}\u0000${meta.partition}`, Number(meta.baseOffset ?? meta.offset));
    return jobs.map((job) =>
      job.records.map((r) => {
        const key = `${job.topic}\u0000${r.partition}`;
        const offset = next.get(key);
        if (offset === undefined) throw new Error(`no position for a record of ${job.topic}/${r.partition}`);
        next.set(key, offset + 1);
        return offset;
      }),
    );
  }
}

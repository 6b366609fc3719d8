/**
 * Follows the public status topic (`<prefix>.status`, one partition, LogAppendTime) from the
 * start (a `TopicTail`: group-less long polls), each record opened with the issuer's key as the
 * registry judges it at the record's time, then folded into a `StatusState`. Refused records are
 * counted and reported, never applied, and never stop the follower. `freshness` says how current
 * the view is: the topic position read and when the last poll came back.
 */
import { TopicTail, ensureLogAppendTime, type EventLog, type LogRecord } from '@xr/event-log';
import type { Problem } from '@xr/domain';
import type { Trust } from '@xr/exchange';
import type { Logger } from '@xr/observability';
import { openStatusRecord, type StatusRecord } from './record.js';
import { StatusState, type CertificateStatus } from './state.js';

export interface StatusFollowerOptions {
  readonly log: EventLog;
  readonly topic: string;
  readonly trust: Pick<Trust, 'keyFor'> & Partial<Pick<Trust, 'catchUp'>>;
  readonly logger?: Logger;
  readonly onRefused?: (refused: Problem & { readonly offset: number }) => void;
  readonly onApplied?: (status: CertificateStatus, record: StatusRecord) => void;
}

export interface StatusFreshness {
  /** Every status record before this offset has been applied or refused. */
  readonly position: number;
  /** When the follower last heard from the log (ISO time): the view is current as of then. */
  readonly asOf: string;
}

export class StatusFollower {
  readonly state = new StatusState();
  private asOf = new Date(0).toISOString();
  private readonly tail: TopicTail;
  private counts = { applied: 0, refused: 0 };

  constructor(private readonly o: StatusFollowerOptions) {
    this.tail = new TopicTail({
      log: o.log,
      topic: o.topic,
      onRecord: (r) => this.handle(r),
      onPoll: () => (this.asOf = new Date().toISOString()),
      onError: (error) => o.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'status topic read failed; retrying'),
    });
  }

  get freshness(): StatusFreshness {
    return { position: this.tail.position, asOf: this.asOf };
  }

  get stats(): { readonly applied: number; readonly refused: number; readonly position: number } {
    return { ...this.counts, position: this.tail.position };
  }

  /** Creates the topic if missing, then follows it; resolves once what was there at start has been read. */
  async start(): Promise<void> {
    const { partitions } = await ensureLogAppendTime(this.o.log, this.o.topic, 1);
    if (partitions !== 1) throw new Error(`status topic ${this.o.topic} has ${partitions} partitions; it must have exactly 1`);
    const end = await this.o.log.endOffset(this.o.topic, 0);
    this.tail.start();
    await this.tail.reached(end - 1, 60_000);
  }

  stop(): Promise<void> {
    return this.tail.stop();
  }

  /** Resolves true once the record at `offset` has been applied or refused; false after `timeoutMs`. */
  reached(offset: number, timeoutMs = 15_000): Promise<boolean> {
    return this.tail.reached(offset, timeoutMs);
  }

  private async handle(r: LogRecord): Promise<void> {
    let opened = await openStatusRecord(r.value, r.headers, r.timestamp, this.o.trust);
    // A region registered a moment ago: the registry may be behind.
    if (!opened.ok && opened.code === 'XR_KEY_UNKNOWN' && this.o.trust.catchUp) {
      await this.o.trust.catchUp();
      opened = await openStatusRecord(r.value, r.headers, r.timestamp, this.o.trust);
    }
    const applied = opened.ok ? this.state.apply(opened.value, r.offset) : opened;
    if (!applied.ok) {
      this.counts.refused += 1;
      this.o.logger?.warn({ code: applied.code, field: applied.field, offset: r.offset }, 'status record refused');
      this.o.onRefused?.({ code: applied.code, message: applied.message, offset: r.offset, ...(applied.field === undefined ? {} : { field: applied.field }) });
      return;
    }
    this.counts.applied += 1;
    if (applied.value.changed && opened.ok) this.o.onApplied?.(applied.value.status, opened.value);
  }
}

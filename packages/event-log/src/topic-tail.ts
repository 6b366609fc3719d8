/**
 * Follows one partition of a topic with group-less long polls (nothing is joined on the broker,
 * nothing is left behind): each record is handed to `onRecord` in offset order, and the position
 * moves past it only once `onRecord` resolved, so a failure retries the same record after a
 * back-off (doubling from 200 ms to 5 s, woken early by `stop`). `reached(offset)` lets a writer
 * wait until its own record has been handled. The one poll loop of every follower (status topic,
 * checkpoints witness).
 */
import type { EventLog, LogRecord } from './port.js';

export interface TopicTailOptions {
  readonly log: EventLog;
  readonly topic: string;
  readonly partition?: number;
  /** First offset handed over; default 0. */
  readonly from?: number;
  /** Longest wait of one poll: how late a stop can be, not how late a record is seen. Default 500 ms. */
  readonly maxWaitMs?: number;
  /** Records per poll; default 500. */
  readonly batch?: number;
  readonly onRecord: (record: LogRecord) => unknown;
  /** A failed poll or `onRecord`; the same record is tried again after the back-off. */
  readonly onError?: (error: unknown, position: number) => void;
  /** After each poll that came back (with records or not): the view is current as of now. */
  readonly onPoll?: () => void;
}

export class TopicTail {
  private at: number;
  private stopping = false;
  private running: Promise<void> | undefined;
  private wakeBackoff: (() => void) | undefined;
  private readonly waiters = new Set<{ offset: number; resolve: () => void }>();

  constructor(private readonly o: TopicTailOptions) {
    this.at = o.from ?? 0;
  }

  /** Every record before this offset has been handled. */
  get position(): number {
    return this.at;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.follow();
  }

  /** Stops following; resolves once the poll in flight (at most `maxWaitMs`) has returned. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeBackoff?.();
    await this.running;
    this.running = undefined;
  }

  /** Resolves true once the record at `offset` has been handled; false after `timeoutMs`. */
  reached(offset: number, timeoutMs = 15_000): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.at > offset) return resolve(true);
      const waiter = {
        offset: offset + 1,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private async follow(): Promise<void> {
    const { log, topic } = this.o;
    const partition = this.o.partition ?? 0;
    let delay = 200;
    while (!this.stopping) {
      try {
        const records = await log.poll(topic, partition, this.at, this.o.maxWaitMs ?? 500, this.o.batch ?? 500);
        for (const r of records) {
          if (this.stopping) return;
          if (r.offset < this.at) continue; // redelivered after a retry
          await this.o.onRecord(r);
          this.at = r.offset + 1;
          this.wake();
        }
        this.o.onPoll?.();
        delay = 200;
      } catch (error) {
        if (this.stopping) return;
        this.o.onError?.(error, this.at);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wakeBackoff = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (this.at >= w.offset) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }
}

/**
 * Puts each certificate this region issued on the public status topic: follows the region's own
 * journal (group-less polls, a member-less cursor group `<journal>.status` like an outbox's) and,
 * for every `certificate.issued` of ours, appends its `issued` status record (digest and index, no
 * personal data), then moves the cursor. A crash between the two appends the record again with the
 * same id, which followers take as the same issuance. So the status topic follows the journal,
 * never leads it.
 */
import { uuidV8FromName } from '@xr/crypto';
import type { JournalRecord } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import { decodeJournalRecord, ID_NAMESPACES } from '@xr/exchange';
import type { Logger } from '@xr/observability';
import type { StatusRecord } from './record.js';
import type { StatusWriter } from './writer.js';

export interface StatusPublisherOptions {
  readonly log: EventLog;
  readonly region: string;
  readonly journal: string;
  readonly partitions: number;
  readonly writer: StatusWriter;
  readonly logger?: Logger;
}

const POLL_WAIT_MS = 500;

/** The `issued` status record of a journaled certificate.issued of ours (its id derived from the event's). */
export function issuedRecord(record: JournalRecord): StatusRecord | undefined {
  const event = record.event;
  if (event.type !== 'certificate.issued') return undefined;
  const c = (event.payload as { certificate: { id: string; digest: string; statusIndex: number } }).certificate;
  return { id: uuidV8FromName(ID_NAMESPACES.status, event.id), type: 'certificate.status', v: 1, issuer: event.source, certificate: c.id, digest: c.digest, index: c.statusIndex, status: 'issued', time: event.time };
}

export class StatusPublisher {
  private stopping = false;
  private running: Promise<void>[] = [];
  /** Wakes a retry's back-off at stop. */
  private wake: (() => void) | undefined;
  private published = 0;

  constructor(private readonly o: StatusPublisherOptions) {}

  get group(): string {
    return `${this.o.journal}.status`;
  }

  get stats(): { readonly published: number } {
    return { published: this.published };
  }

  start(): void {
    this.stopping = false;
    this.running = Array.from({ length: this.o.partitions }, (_, p) => this.follow(p));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await Promise.all(this.running);
    this.running = [];
  }

  private async follow(partition: number): Promise<void> {
    const { log, journal } = this.o;
    let delay = 200;
    let from: number | undefined;
    while (!this.stopping) {
      try {
        from ??= (await log.committed(this.group, journal, partition)) ?? 0;
        const records = await log.poll(journal, partition, from, POLL_WAIT_MS, 500);
        if (this.stopping || records.length === 0) continue;
        const statuses = records.flatMap((r) => {
          const record = decodeJournalRecord(r.value);
          const status = record.event.source === this.o.region ? issuedRecord(record) : undefined;
          return status ? [status] : [];
        });
        await this.o.writer.appendAll(statuses);
        this.published += statuses.length;
        from = records.at(-1)!.offset + 1;
        await log.commit(this.group, journal, partition, from);
        delay = 200;
      } catch (error) {
        if (this.stopping) return;
        this.o.logger?.warn({ partition, err: error instanceof Error ? error.message : String(error) }, 'status publishing failed; retrying');
        from = undefined;
        await new Promise<void>((r) => {
          const timer = setTimeout(r, delay);
          this.wake = () => {
            clearTimeout(timer);
            r();
          };
        });
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }
}

/**
 * Where an audit reads records from: any `EventLog` (Kafka or the embedded log), or an export
 * directory (see export.ts). A source only delivers records; it judges nothing.
 */
import type { EventLog } from '@xr/event-log';
import { topics } from '@xr/exchange';

export interface SourceRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: Uint8Array;
}

export interface OutboxCursor {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export interface AuditSource {
  readonly prefix: string;
  /** Regions that have a journal. */
  regions(): Promise<string[]>;
  /** Partitions of a topic; 0 when it does not exist. */
  partitions(topic: string): Promise<number>;
  /** Records of one partition from `from` (default 0), in offset order, read in pages. */
  records(topic: string, partition: number, from?: number): AsyncIterable<SourceRecord>;
  /**
   * The same records a page at a time, where the source reads them so: the audit takes a journal
   * this way (a wait per page, not per record: at 100,000 records/s the async iteration of each
   * record through the layers was ~1 µs of the folding thread's time a record).
   */
  pages?(topic: string, partition: number, from?: number): AsyncIterable<readonly SourceRecord[]>;
  /** Every outbox's committed position over its region's journal. */
  cursors(): Promise<OutboxCursor[]>;
  /** Records in a topic, when the source knows it cheaply (for progress and ETA). */
  recordCount?(topic: string): Promise<number>;
}

const PAGE = 2_000;

/** The outbox group of `region`'s journal delivering to `partner` (as the gateway names it). */
export function outboxGroupOf(prefix: string, region: string, partner: string): string {
  return `${topics(prefix).journal(region)}.outbox.${partner}`;
}

/** Regions the registry topic names in `partner.registered` records (signatures are judged later, by the audit). */
async function registeredRegions(source: Pick<AuditSource, 'records'>, prefix: string): Promise<string[]> {
  const found = new Set<string>();
  for await (const r of source.records(topics(prefix).registry, 0)) {
    try {
      const record = JSON.parse(Buffer.from(r.value).toString('utf8')) as { type?: unknown; payload?: { region?: unknown } };
      if (record.type === 'partner.registered' && typeof record.payload?.region === 'string' && /^\d{6}$/.test(record.payload.region)) found.add(record.payload.region);
    } catch {
      // A malformed registry record is the audit's to report, not the source's.
    }
  }
  return [...found].sort();
}

/**
 * A source over a live log. Regions: those given, or every region the registry names whose journal
 * exists. Reads go to the partitions directly (no consumer group is made).
 */
export function kafkaSource(log: EventLog, prefix: string, regions?: string[]): AuditSource {
  const t = topics(prefix);
  const partitions = async (topic: string): Promise<number> => {
    try {
      return await log.partitions(topic);
    } catch {
      return 0;
    }
  };
  // Which regions have a journal is read once per source (the registry is read to find them).
  let known: Promise<string[]> | undefined;
  const source: AuditSource = {
    prefix,
    partitions,
    async *pages(topic, partition, from = 0) {
      if (partition >= (await partitions(topic))) return;
      const end = await log.endOffset(topic, partition);
      for (let at = from; at < end; ) {
        const page = await log.read(topic, partition, at, Math.min(PAGE, end - at));
        if (page.length === 0) break;
        // The log's own records (read-only to the audit): no copy a record.
        const last = page[page.length - 1]!.offset;
        if (last >= end) {
          yield page.filter((r) => r.offset < end);
          return;
        }
        yield page;
        at = last + 1;
      }
    },
    async *records(topic, partition, from = 0) {
      for await (const page of source.pages!(topic, partition, from)) yield* page;
    },
    recordCount: async (topic) => {
      let n = 0;
      for (let p = 0; p < (await partitions(topic)); p++) n += await log.endOffset(topic, p);
      return n;
    },
    regions: () => {
      known ??= (async () => {
        const named = regions ?? (await registeredRegions(source, prefix));
        const present: string[] = [];
        for (const region of named) if ((await partitions(t.journal(region))) > 0) present.push(region);
        return present.sort();
      })();
      return known.then((r) => [...r]);
    },
    cursors: async () => {
      const all = await source.regions();
      const out: OutboxCursor[] = [];
      for (const region of all) {
        const journal = t.journal(region);
        const n = await partitions(journal);
        for (const partner of all) {
          if (partner === region) continue;
          const group = outboxGroupOf(prefix, region, partner);
          for (let p = 0; p < n; p++) {
            const offset = await log.committed(group, journal, p);
            if (offset !== undefined) out.push({ group, topic: journal, partition: p, offset });
          }
        }
      }
      return out;
    },
  };
  return source;
}

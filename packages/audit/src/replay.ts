/**
 * One pass over a source: the registry, the checkpoints topic, every audited region's journal
 * partitions (shape, chain, order, Merkle tree; sender signatures when asked) and quarantine.
 * `verifyAudit` judges what it finds; `AuditIndex` answers questions from it.
 */
import type { PublicJwk } from '@xr/crypto';
import { journalOrigin, topics } from '@xr/exchange';
import { MerkleTree, ProofPaths } from '@xr/tlog';
import { readCheckpoints, type CheckpointLog } from './checkpoints.js';
import type { RegionJournal } from './cross-region.js';
import { SourceError } from './export.js';
import { PartitionScanner, sealPathOf, SenderOrder, type JournalEntry, type ScanInput, type ScannedBatch, type Where } from './journal-scan.js';
import { replayRegistry, type RegistryTimeline } from './registry-replay.js';
import type { Anomaly } from './report.js';
import { defaultScanThreads, sharedScanPool, type ScanPool } from './scan-pool.js';
import { signatureCheck, type SignatureCheck } from './signature-check.js';
import type { AuditSource, OutboxCursor, SourceRecord } from './source.js';

export interface ReplayOptions {
  readonly trustAnchors: readonly PublicJwk[];
  readonly regions?: readonly string[];
  readonly verifySignatures?: boolean;
  /**
   * Worker threads scanning journal partitions; 0 scans on this thread. Default:
   * `defaultScanThreads()` when the source holds at least 20,000 journal records (a worker costs
   * ~75 ms of CPU to start and a while to warm up). They are the process's shared pool
   * (`sharedScanPool`), kept for the next audit.
   */
  readonly threads?: number;
  /** Workers of the caller's, instead of the shared pool of `threads`. */
  readonly scanPool?: ScanPool;
  /** Records per scanned batch (default 512; small in tests, so partitions span several batches). */
  readonly batchRecords?: number;
  readonly onProgress?: (p: { records: number; total?: number }) => void;
}

export interface Replay {
  readonly prefix: string;
  readonly regions: readonly string[];
  readonly registry: RegistryTimeline;
  readonly journals: Map<string, RegionJournal>;
  /** Merkle tree per origin (`<prefix>.journal.<region>/<partition>`). */
  readonly trees: Map<string, MerkleTree>;
  readonly checkpoints: CheckpointLog;
  readonly cursors: readonly OutboxCursor[];
  readonly anomalies: Anomaly[];
  readonly counts: { journal: number; quarantine: number; signatures: number };
}

/** Records (or pages of them) of a partition; a source that fails mid-way becomes an anomaly, not an exception. */
async function* guarded<T>(records: AsyncIterable<T>, anomalies: Anomaly[]): AsyncIterable<T> {
  try {
    yield* records;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    anomalies.push({ code: error.code, topic: error.topic, partition: error.partition, offset: error.offset, message: error.message });
  }
}

export async function replay(source: AuditSource, options: ReplayOptions): Promise<Replay> {
  const prefix = source.prefix;
  const t = topics(prefix);
  const anomalies: Anomaly[] = [];
  const available = await source.regions();
  const regions = options.regions ? available.filter((r) => options.regions!.includes(r)) : available;
  if (available.length === 0) anomalies.push({ code: 'XR_AUDIT_NOT_FOUND', topic: t.registry, partition: -1, offset: -1, message: `no region has a journal under prefix ${prefix} (wrong prefix, or the log is not reachable)` });
  for (const r of options.regions ?? []) if (!available.includes(r)) anomalies.push({ code: 'XR_REGION_UNKNOWN', topic: t.journal(r), partition: -1, offset: -1, region: r, message: `region ${r} has no journal in this source` });
  const registry = await replayRegistry(source, options.trustAnchors, anomalies);
  const checkpoints = await readCheckpoints(source, regions, registry, anomalies);
  const partitionCounts = new Map<string, number>();
  for (const region of regions) partitionCounts.set(region, await source.partitions(t.journal(region)));
  let records = 0;
  let reported = 0;
  const total = await estimateTotal(source, regions);
  const tick = (n: number): void => {
    records += n;
    if (records - reported >= 1_000) {
      reported = records;
      options.onProgress?.({ records, ...(total > 0 ? { total } : {}) });
    }
  };
  const signatures = options.verifySignatures === false ? undefined : signatureCheck(registry, anomalies);
  const journals = new Map<string, RegionJournal>();
  const trees = new Map<string, MerkleTree>();
  let quarantineCount = 0;
  // Every partition of every region is read and scanned at once (on worker threads when there are
  // enough records to pay for them) while this thread folds them, region by region, in partition
  // order, each batch as soon as it is back.
  const threads = options.scanPool ? options.scanPool.size : (options.threads ?? (total >= WORKERS_FROM ? defaultScanThreads() : 0));
  const pool = options.scanPool ?? (threads > 0 ? sharedScanPool(threads) : undefined);
  const reads = new Map<string, PartitionRead[]>();
  const folds = new Map<string, JournalFold>();
  // Partitions are read and scanned in the order they are folded, a few at a time (one a worker):
  // the fold then takes each batch as it comes back. Read all at once, every partition's scan
  // ended near the end and this thread folded most of the journal after the workers were done
  // (measured: the last 160 ms of a 1.2 s audit).
  const gates: ((go: boolean) => void)[] = [];
  try {
    const memo = `${audits++}`;
    const started: PartitionRead[] = [];
    for (const region of regions) {
      const topic = t.journal(region);
      const list: PartitionRead[] = [];
      const paths = new ProofPaths();
      for (let partition = 0; partition < partitionCounts.get(region)!; partition++) {
        const gate = new Promise<boolean>((resolve) => gates.push(resolve));
        const read = readPartition(guarded(pagesOf(source, topic, partition), anomalies), { region, topic, partition }, gate, pool, options.batchRecords ?? BATCH, tick, paths, memo);
        list.push(read);
        started.push(read);
      }
      reads.set(region, list);
    }
    const ahead = Math.max(2, pool?.size ?? 0);
    started.forEach((read, k) => {
      if (k < ahead) gates[k]!(true);
      const next = (): void => gates[k + ahead]?.(true);
      read.done.then(next, next);
    });
    for (const region of regions) {
      const fold = new JournalFold(region, anomalies);
      folds.set(region, fold);
      for (const [partition, read] of reads.get(region)!.entries()) {
        // Sent events are checked as they are folded, before any received copy: a received copy
        // with the same bytes and seal is then checked by reference. So is a received copy whose
        // sender's journal is folded already (while the workers still scan); the others at the end.
        const folded = await fold.partition(
          read,
          signatures,
          (sender) => folds.has(sender) && sender !== region,
          (target, id) => (target !== region ? folds.get(target)?.events.get(id) : undefined),
          (sent) => folds.get(sent.region)?.replays.has(sent) === false,
        );
        trees.set(journalOrigin(prefix, region, partition), folded.tree);
      }
    }
  } finally {
    // A partition not started by now (the fold failed) is not read at all.
    for (const gate of gates) gate(false);
    await Promise.allSettled([...reads.values()].flat().map((r) => r.done));
  }
  for (const region of regions) {
    const fold = folds.get(region)!;
    const { partitions, events, replays } = fold;
    const ids = new Set<string>();
    const digests = new Set<string>();
    const qTopic = t.quarantine(region);
    const qParts = await source.partitions(qTopic);
    for (let p = 0; p < qParts; p++) {
      for await (const r of guarded(source.records(qTopic, p), anomalies)) {
        quarantineCount++;
        try {
          const q = JSON.parse(Buffer.from(r.value).toString('utf8')) as { eventId?: unknown; sha256?: unknown };
          if (typeof q.eventId === 'string') ids.add(q.eventId);
          if (typeof q.sha256 === 'string') digests.add(q.sha256);
        } catch {
          anomalies.push({ code: 'XR_AUDIT_RECORD_MALFORMED', topic: qTopic, partition: p, offset: r.offset, region, message: 'quarantine entry is not JSON' });
        }
      }
    }
    journals.set(region, { region, partitions, events, replays, quarantined: { ids, digests } });
  }
  // The received copies not checked in the fold: their sender's journal was folded after their own
  // and held no sent copy of theirs (each one that did was checked right after it), or is not audited.
  const foldOrder = new Map(regions.map((region, k) => [region, k]));
  const foldedBefore = (sender: string, region: string): boolean => (foldOrder.get(sender) ?? Infinity) < foldOrder.get(region)!;
  for (const region of regions) for (const entries of journals.get(region)!.partitions) for (const e of entries) if (e.event && e.event.source !== region && !foldedBefore(e.event.source, region) && !e.receivedChecked) signatures?.add(e);
  const signaturesVerified = signatures ? await signatures.finish() : 0;
  options.onProgress?.({ records, ...(total > 0 ? { total } : {}) });
  return { prefix, regions, registry, journals, trees, checkpoints, cursors: await source.cursors(), anomalies, counts: { journal: records, quarantine: quarantineCount, signatures: signaturesVerified } };
}

/** A partition's records a page at a time: the source's pages, or its records one to a page. */
async function* pagesOf(source: AuditSource, topic: string, partition: number): AsyncIterable<readonly SourceRecord[]> {
  if (source.pages) {
    yield* source.pages(topic, partition);
    return;
  }
  for await (const r of source.records(topic, partition)) yield [r];
}

/** Audits run in this process: the workers' seal memo is per audit. */
let audits = 0;

/** Journal records from which the audit scans on worker threads by default. */
const WORKERS_FROM = 20_000;
/** Records per scanned batch, and batches of one partition in flight to its worker. */
const BATCH = 512;
const IN_FLIGHT = 4;

interface ScanBatch {
  readonly inputs: ScanInput[];
  readonly scanned: ScannedBatch;
}

interface PartitionRead {
  readonly where: Where;
  /** The partition's Merkle tree, once every record is scanned (built where they were). */
  readonly tree: Promise<MerkleTree>;
  /** The partition's batches in offset order, each as soon as its scan is back. */
  readonly batches: AsyncIterable<ScanBatch>;
  /** Settles once the partition is read and every batch scanned (or failed). */
  readonly done: Promise<void>;
}

/**
 * Reads one partition in offset order once `gate` says go (false: not at all) and scans it in
 * batches: on a worker of `pool` (the least loaded when it starts), or here.
 */
function readPartition(pages: AsyncIterable<readonly SourceRecord[]>, where: Where, gate: Promise<boolean>, pool: ScanPool | undefined, size: number, tick: (n: number) => void, paths: ProofPaths, memo: string): PartitionRead {
  const scanner = pool ? undefined : new PartitionScanner(where, paths);
  let lane: ReturnType<ScanPool['partition']> | undefined;
  const batches: Promise<ScanBatch>[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  let batch: ScanInput[] = [];
  const send = async (): Promise<void> => {
    const inputs = batch;
    batch = [];
    let scanned: Promise<ScanBatch>;
    if (scanner) {
      scanned = Promise.resolve({ inputs, scanned: scanner.scanBatch(inputs) });
      tick(inputs.length);
    } else {
      scanned = lane!.scan(inputs).then((s) => (tick(inputs.length), { inputs, scanned: s }));
    }
    // Observed by the fold (or `done`): a failure before the fold reaches it is not unhandled.
    scanned.catch(() => undefined);
    batches.push(scanned);
    notify();
    // Bounded: the oldest batch of this partition must be back before another goes out.
    if (batches.length > IN_FLIGHT) await batches[batches.length - 1 - IN_FLIGHT];
  };
  const reading = (async () => {
    if (!(await gate)) return;
    lane = pool?.partition(where, memo);
    for await (const page of pages) {
      for (const r of page) {
        batch.push(r);
        if (batch.length === size) await send();
      }
    }
    if (batch.length > 0) await send();
  })();
  reading.catch(() => undefined);
  let tree: Promise<MerkleTree> | undefined;
  // Never started (a failed fold): no tree.
  const finish = (): Promise<MerkleTree> => (tree ??= lane ? lane.end() : Promise.resolve(scanner?.tree ?? new MerkleTree()));
  const done = reading
    .finally(async () => {
      ended = true;
      notify();
      await Promise.allSettled(batches);
      await finish().catch(() => undefined);
    })
    .then(() => undefined);
  done.catch(() => undefined);
  async function* inOrder(): AsyncIterable<ScanBatch> {
    for (let k = 0; ; k++) {
      while (k >= batches.length) {
        if (ended) {
          await reading;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
      yield await batches[k]!;
    }
  }
  const built = reading.then(async () => {
    await Promise.all(batches);
    return finish();
  });
  built.catch(() => undefined);
  return { where, tree: built, batches: inOrder(), done };
}

/**
 * What spans a region's partitions, folded on this thread in partition and offset order: the
 * Merkle tree of each partition, replays of an event anywhere in the region's journal, each
 * sender's order within a case, and the entries the rest of the audit reads.
 */
class JournalFold {
  readonly partitions: JournalEntry[][] = [];
  /** Event id → its first entry in the region's journal (a later one is a replay). */
  readonly events = new Map<string, JournalEntry>();
  /** The later ones. */
  readonly replays = new Set<JournalEntry>();

  constructor(
    private readonly region: string,
    private readonly anomalies: Anomaly[],
  ) {}

  /** Marks a sent entry and its first received copy as holding the same bytes (see `JournalEntry.twin`). */
  private twin(sent: JournalEntry, received: JournalEntry): void {
    sent.twin = true;
    received.twin = true;
  }

  /**
   * @param receivedNow whether a received copy from this sender is checked as it is folded (its sender's sent copies are checked already)
   * @param receivedCopy the first entry for an event id in the target's journal, when that journal is folded already: a received copy there of an event sent here is checked right after the sent copy (which is fresh in memory; the audit's end would read both again)
   */
  async partition(read: PartitionRead, signatures: SignatureCheck | undefined, receivedNow: (sender: string) => boolean, receivedCopy: (target: string, id: string) => JournalEntry | undefined, twinFirst: (sent: JournalEntry) => boolean): Promise<{ entries: JournalEntry[]; tree: MerkleTree }> {
    const { topic, partition } = read.where;
    const region = this.region;
    const entries: JournalEntry[] = [];
    // Each sender's order within a case was judged by the scan, which knows of no replays (a
    // replay's seq is not taken): from the first replay in the partition on, it is judged here
    // again, from the entries before it.
    let senders: SenderOrder | undefined;
    for await (const { inputs, scanned } of read.batches) {
      for (let i = 0; i < inputs.length; i++) {
        const r = inputs[i]!;
        const s = scanned.records[i]!;
        if (s.anomalies) this.anomalies.push(...s.anomalies);
        if (!s.event) {
          entries.push({ region, topic, partition, offset: r.offset, timestamp: r.timestamp, value: r.value, event: undefined, caseSeq: undefined, twin: false, receivedChecked: false });
          continue;
        }
        const event = s.event;
        const entry: JournalEntry = { region, topic, partition, offset: r.offset, timestamp: r.timestamp, value: r.value, event, caseSeq: s.caseSeq, twin: false, receivedChecked: false };
        entries.push(entry);
        const seen = this.events.get(event.id);
        // Where its seal's proof led is handed over now and not kept (it is the only reader). The
        // first copy of an id in its sender's journal has no copy checked before it to be checked by.
        if (event.source === region) signatures?.add(entry, sealPathOf(event, scanned, i), seen === undefined);
        // A received copy checked by reference to its sender's copy: the same bytes (a twin, below).
        const twin = event.source !== region && receivedNow(event.source) ? signatures?.add(entry) : undefined;
        if (seen) {
          if (!senders) {
            senders = new SenderOrder();
            for (const earlier of entries) if (earlier !== entry && earlier.event && !this.replays.has(earlier)) senders.next(earlier.event.caseId, earlier.event.source, earlier.event.seq);
          }
          this.replays.add(entry);
          this.anomalies.push({ code: 'XR_AUDIT_EVENT_REPLAYED', topic, partition, offset: r.offset, region, caseId: event.caseId, eventId: event.id, message: `event ${event.id} is already journaled at partition ${seen.partition} offset ${seen.offset}` });
          continue;
        }
        this.events.set(event.id, entry);
        if (twin !== undefined && twin.region === event.source && twinFirst(twin)) this.twin(twin, entry);
        const there = signatures && event.source === region ? receivedCopy(event.target, event.id) : undefined;
        if (there?.event?.source === region) {
          if (signatures!.add(there) === entry) this.twin(entry, there);
          there.receivedChecked = true;
        }
        const lastSeq = senders ? senders.next(event.caseId, event.source, event.seq) : event.senderBehind;
        if (lastSeq !== undefined) this.anomalies.push({ code: 'XR_AUDIT_CASE_SEQUENCE', topic, partition, offset: r.offset, region, caseId: event.caseId, eventId: event.id, message: `sender ${event.source} seq ${event.seq} does not follow ${lastSeq} for case ${event.caseId}` });
      }
    }
    this.partitions.push(entries);
    return { entries, tree: await read.tree };
  }
}

/** The journal record count, when the source can tell it cheaply; else 0 (no ETA). */
async function estimateTotal(source: AuditSource, regions: readonly string[]): Promise<number> {
  if (!source.recordCount) return 0;
  const t = topics(source.prefix);
  let n = 0;
  for (const region of regions) n += await source.recordCount(t.journal(region));
  return n;
}

/**
 * One pass over a source: the registry, the checkpoints topic, every audited region's journal
 * partitions (shape, chain, order, Merkle tree; sender signatures when asked) and quarantine.
 * `verifyAudit` judges what it finds; `AuditIndex` answers questions from it.
 */
import { createHash } from 'node:crypto';
import type { PublicJwk } from '@xr/crypto';
import { journalOrigin, topics } from '@xr/exchange';
import type { MerkleTree } from '@xr/tlog';
import { readCheckpoints, type CheckpointLog } from './checkpoints.js';
import type { RegionJournal } from './cross-region.js';
import { SourceError } from './export.js';
import { scanPartition, type JournalEntry } from './journal-scan.js';
import { replayRegistry, type RegistryTimeline } from './registry-replay.js';
import type { Anomaly } from './report.js';
import { signatureCheck } from './signature-check.js';
import type { AuditSource, OutboxCursor, SourceRecord } from './source.js';

export interface ReplayOptions {
  readonly trustAnchors: readonly PublicJwk[];
  readonly regions?: readonly string[];
  readonly verifySignatures?: boolean;
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

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Records of a partition; a source that fails mid-way becomes an anomaly, not an exception. */
async function* guarded(records: AsyncIterable<SourceRecord>, anomalies: Anomaly[]): AsyncIterable<SourceRecord> {
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
  let total = 0;
  const partitionCounts = new Map<string, number>();
  for (const region of regions) partitionCounts.set(region, await source.partitions(t.journal(region)));
  let records = 0;
  const tick = (): void => {
    records++;
    if (records % 1_000 === 0) options.onProgress?.({ records, ...(total > 0 ? { total } : {}) });
  };
  total = await estimateTotal(source, regions);
  const signatures = options.verifySignatures === false ? undefined : signatureCheck(registry, anomalies);
  const journals = new Map<string, RegionJournal>();
  const trees = new Map<string, MerkleTree>();
  let quarantineCount = 0;
  for (const region of regions) {
    const topic = t.journal(region);
    const seenIds = new Map<string, { partition: number; offset: number }>();
    const partitions: JournalEntry[][] = [];
    const events = new Map<string, JournalEntry>();
    for (let partition = 0; partition < partitionCounts.get(region)!; partition++) {
      const scan = await scanPartition(guarded(source.records(topic, partition), anomalies), { region, topic, partition, anomalies, seenIds, onRecord: tick });
      partitions.push(scan.entries);
      trees.set(journalOrigin(prefix, region, partition), scan.tree);
      for (const e of scan.entries) {
        if (e.event && !events.has(e.event.id)) events.set(e.event.id, e);
        signatures?.add(e);
      }
    }
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
    journals.set(region, { region, partitions, events, quarantined: { ids, digests } });
  }
  const signaturesVerified = signatures ? await signatures.finish() : 0;
  options.onProgress?.({ records, ...(total > 0 ? { total } : {}) });
  return { prefix, regions, registry, journals, trees, checkpoints, cursors: await source.cursors(), anomalies, counts: { journal: records, quarantine: quarantineCount, signatures: signaturesVerified } };
}

/** The journal record count, when the source can tell it cheaply; else 0 (no ETA). */
async function estimateTotal(source: AuditSource, regions: readonly string[]): Promise<number> {
  if (!source.recordCount) return 0;
  const t = topics(source.prefix);
  let n = 0;
  for (const region of regions) n += await source.recordCount(t.journal(region));
  return n;
}

/**
 * `verifyAudit`: replays a source and reports every anomaly with a stable code and its position
 * (see report.ts). Records after the newest checkpoint of their origin are counted, not reported.
 */
import { sha256Hex, type PublicJwk } from '@xr/crypto';
import { judgeCheckpoints } from './checkpoints.js';
import { crossRegion } from './cross-region.js';
import { replay } from './replay.js';
import { sortAnomalies, type AuditReport } from './report.js';
import type { ScanPool } from './scan-pool.js';
import type { AuditSource } from './source.js';

export interface VerifyOptions {
  readonly trustAnchors: PublicJwk[];
  readonly regions?: string[];
  /** Worker threads scanning journal partitions (see `ReplayOptions`); 0 scans on this thread. */
  readonly threads?: number;
  readonly scanPool?: ScanPool;
  readonly batchRecords?: number;
  readonly onProgress?: (p: { records: number; total?: number }) => void;
}

export async function verifyAudit(source: AuditSource, options: VerifyOptions): Promise<AuditReport> {
  const started = performance.now();
  const r = await replay(source, { ...options, verifySignatures: true });
  const origins = judgeCheckpoints(r.prefix, r.checkpoints, r.trees, r.registry, r.anomalies);
  crossRegion(r.prefix, r.journals, r.cursors, sha256Hex, r.anomalies);
  const elapsedMs = performance.now() - started;
  const anomalies = sortAnomalies(r.anomalies);
  return {
    ok: anomalies.length === 0,
    prefix: r.prefix,
    regions: r.regions,
    anomalies,
    origins,
    stats: {
      registryRecords: r.registry.records,
      journalRecords: r.counts.journal,
      quarantineRecords: r.counts.quarantine,
      checkpointRecords: r.checkpoints.records,
      signaturesVerified: r.counts.signatures,
      uncheckpointed: origins.reduce((n, o) => n + o.unchecked, 0),
      elapsedMs: Math.round(elapsedMs),
      recordsPerSecond: elapsedMs > 0 ? Math.round((r.counts.journal * 1000) / elapsedMs) : 0,
    },
  };
}

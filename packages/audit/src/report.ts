/** What an audit reports: anomalies with stable codes and exact positions, and what was checked. */

export interface Anomaly {
  /** A stable `XR_…` code (packages/domain/src/errors.ts). */
  readonly code: string;
  readonly topic: string;
  readonly partition: number;
  /** The record's offset; -1 when the anomaly is about a partition or a log as a whole. */
  readonly offset: number;
  readonly caseId?: string;
  readonly eventId?: string;
  readonly region?: string;
  readonly message: string;
}

export interface OriginStats {
  readonly origin: string;
  readonly records: number;
  /** Size of the newest checkpoint of this origin (0: none). */
  readonly checkpointed: number;
  /** Records after the newest checkpoint: not yet covered by a signed root (not an anomaly). */
  readonly unchecked: number;
  /** Valid cosignatures of the newest checkpoint, by witness key name. */
  readonly witnesses: readonly string[];
  readonly quorum: number;
}

export interface AuditStats {
  readonly registryRecords: number;
  readonly journalRecords: number;
  readonly quarantineRecords: number;
  readonly checkpointRecords: number;
  /** Distinct events whose sender signature was verified. */
  readonly signaturesVerified: number;
  /** Journal records after the newest checkpoint of their origin, summed over origins. */
  readonly uncheckpointed: number;
  readonly elapsedMs: number;
  readonly recordsPerSecond: number;
}

export interface AuditReport {
  readonly ok: boolean;
  readonly prefix: string;
  readonly regions: readonly string[];
  readonly anomalies: readonly Anomaly[];
  readonly origins: readonly OriginStats[];
  readonly stats: AuditStats;
}

/** Anomalies in a stable order: topic, partition, offset, code. */
export function sortAnomalies(anomalies: readonly Anomaly[]): Anomaly[] {
  return [...anomalies].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || a.offset - b.offset || a.code.localeCompare(b.code));
}

/** Reads a region's journal straight from the log, checks its chain, and summarises it for comparison. */
import { evolve, type CaseState, type JournalRecord } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import { decodeJournalRecord, hashRecord, type Topics } from '@xr/exchange';

export interface JournalSummary {
  readonly records: number;
  readonly chainBreaks: number;
  readonly duplicateIds: number;
  /** `caseId type source seq` for every record, sorted: equal summaries mean equal journals up to times. */
  readonly lines: readonly string[];
  /** How the events were proven, by source region: `sealed` (a seal) or `jws` (a detached JWS). */
  readonly proofs: Readonly<Record<string, { sealed: number; jws: number }>>;
  /** The projection rebuilt from the journal alone. */
  readonly cases: ReadonlyMap<string, CaseState>;
}

export async function summariseJournal(log: EventLog, t: Topics, region: string): Promise<JournalSummary> {
  const partitions = await log.partitions(t.journal(region));
  const ids = new Set<string>();
  let duplicateIds = 0;
  let chainBreaks = 0;
  const lines: string[] = [];
  const cases = new Map<string, CaseState>();
  let records = 0;
  const proofs: Record<string, { sealed: number; jws: number }> = {};
  for (let p = 0; p < partitions; p += 1) {
    let prev = '0'.repeat(64);
    for (const r of await log.read(t.journal(region), p, 0)) {
      const record: JournalRecord = decodeJournalRecord(r.value);
      records += 1;
      if (record.prev !== prev || record.n !== r.offset) chainBreaks += 1;
      prev = hashRecord(r.value);
      if (ids.has(record.event.id)) duplicateIds += 1;
      ids.add(record.event.id);
      const counts = (proofs[record.event.source] ??= { sealed: 0, jws: 0 });
      if (record.eventSeal !== undefined) counts.sealed += 1;
      else if (record.eventJws !== undefined) counts.jws += 1;
      lines.push(`${record.event.caseId} ${record.event.type} ${record.event.source} ${record.event.seq}`);
      cases.set(record.event.caseId, evolve(cases.get(record.event.caseId), record.event));
    }
  }
  return { records, chainBreaks, duplicateIds, lines: lines.sort(), proofs, cases };
}

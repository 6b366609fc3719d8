/**
 * Cross-region consistency: what a region delivered to a partner (its outbox cursor moved past it)
 * is in the partner's journal with the same bytes, or in its quarantine; and what a region
 * journaled from a partner is in the partner's own journal with the same bytes.
 */
import { topics } from '@xr/exchange';
import { eventBytes, sameEventBytes, type JournalEntry } from './journal-scan.js';
import type { Anomaly } from './report.js';
import type { OutboxCursor } from './source.js';
import { outboxGroupOf } from './source.js';

export interface RegionJournal {
  readonly region: string;
  /** Entries per partition, in offset order. */
  readonly partitions: readonly (readonly JournalEntry[])[];
  /** Event id → its first entry. */
  readonly events: ReadonlyMap<string, JournalEntry>;
  /** The entries whose event id an earlier entry of the journal holds (replays). */
  readonly replays: ReadonlySet<JournalEntry>;
  /** Event ids and value digests (hex SHA-256) in the region's quarantine. */
  readonly quarantined: { readonly ids: ReadonlySet<string>; readonly digests: ReadonlySet<string> };
}

function at(e: JournalEntry, code: string, message: string): Anomaly {
  return { code, topic: e.topic, partition: e.partition, offset: e.offset, region: e.region, ...(e.event ? { caseId: e.event.caseId, eventId: e.event.id } : {}), message };
}

/** Entries the fold marked as twins (`JournalEntry.twin`) are known to hold their counterpart's bytes: not compared again. */
export function crossRegion(prefix: string, journals: ReadonlyMap<string, RegionJournal>, cursors: readonly OutboxCursor[], digest: (bytes: Uint8Array) => string, anomalies: Anomaly[]): void {
  const t = topics(prefix);
  const cursorOf = new Map(cursors.map((c) => [`${c.group}|${c.topic}|${c.partition}`, c.offset]));
  // Received copies already found equal to the sender's entry for their id (the second direction need not compare them again).
  const matched = new Set<JournalEntry>();
  for (const [region, journal] of journals) {
    for (const [partner, other] of journals) {
      if (partner === region) continue;
      const group = outboxGroupOf(prefix, region, partner);
      for (const [partition, entries] of journal.partitions.entries()) {
        const cursor = cursorOf.get(`${group}|${t.journal(region)}|${partition}`) ?? 0;
        for (const e of entries) {
          if (e.offset >= cursor) break;
          const ev = e.event;
          if (!ev || ev.source !== region || ev.target !== partner || e.twin) continue;
          const there = other.events.get(ev.id);
          if (there?.event && sameEventBytes(there, e)) {
            // The check the other way compares a received copy with the sender's first entry for the id.
            if (!journal.replays.has(e)) matched.add(there);
            continue;
          }
          if (other.quarantined.ids.has(ev.id) || other.quarantined.digests.has(digest(eventBytes(e)))) continue;
          anomalies.push(at(e, 'XR_AUDIT_NOT_RECEIVED', `event ${ev.id} was delivered to ${partner} (outbox cursor ${cursor}) but ${there ? `${partner} journaled other bytes for it` : `is in neither ${partner}'s journal nor its quarantine`}`));
        }
      }
    }
  }
  // Then what each region journaled from a partner, against the partner's own journal.
  for (const [region, journal] of journals) {
    for (const entries of journal.partitions) {
      for (const e of entries) {
        const ev = e.event;
        if (!ev || ev.source === region || matched.has(e) || e.twin) continue;
        const sender = journals.get(ev.source);
        if (!sender) continue; // the sender's journal is not part of this audit
        const there = sender.events.get(ev.id);
        if (there?.event && sameEventBytes(there, e)) continue;
        anomalies.push(at(e, 'XR_AUDIT_NOT_SENT', `event ${ev.id} from ${ev.source} ${there ? `differs from the bytes in ${ev.source}'s journal` : `is not in ${ev.source}'s journal`}`));
      }
    }
  }
}

/**
 * One journal partition read in offset order: each record must be RFC 8785 JSON in the journal
 * shape (docs/WIRE.md "Journal record"), with `n` its offset and `prev` the SHA-256 of the record
 * before it; the Merkle tree of the partition is built over the same bytes. What the rest of the
 * audit needs of each record is kept small (the event's bytes are a view into the record's).
 */
import { createHash } from 'node:crypto';
import { parseCanonical } from '@xr/crypto';
import { GENESIS_HASH } from '@xr/domain';
import { MerkleTree, leafHash } from '@xr/tlog';
import type { Anomaly } from './report.js';
import type { SourceRecord } from './source.js';

/** A journal record as the audit keeps it. */
export interface JournalEntry {
  readonly region: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly value: Uint8Array;
  /** Absent when the record is not in the journal shape. */
  readonly event?: EventFacts;
  readonly caseSeq?: number;
}

export interface EventFacts {
  readonly id: string;
  readonly caseId: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly time: string;
  readonly seq: number;
  /** The sender's detached JWS, or (sealed batches) its seal: exactly one is set. */
  readonly jws?: string;
  readonly seal?: string;
  /** The event's RFC 8785 bytes: what its sender signed. */
  readonly bytes: Uint8Array;
}

export interface PartitionScan {
  readonly entries: JournalEntry[];
  readonly tree: MerkleTree;
}

const EVENT_START = Buffer.from(',"event":');
const EVENT_END = Buffer.from(',"eventJws":"');
const SEALED_EVENT_END = Buffer.from(',"eventSeal":"');
const HEX64 = /^[0-9a-f]{64}$/;
const decoder = new TextDecoder('utf-8', { fatal: true });

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown, min = 0): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/** Why a parsed record is not in the journal shape, or undefined. */
function shapeProblem(o: Record<string, unknown>): string | undefined {
  const e = o['event'] as Record<string, unknown> | null | undefined;
  if (!e || typeof e !== 'object' || Array.isArray(e)) return 'event is not an object';
  for (const f of ['id', 'caseId', 'type', 'source', 'target', 'time'] as const) if (!isString(e[f])) return `event.${f} is not a string`;
  if (!isCount(e['seq'], 1)) return 'event.seq is not a positive integer';
  if (isString(o['eventJws']) === isString(o['eventSeal'])) return 'a journal record keeps exactly one of eventJws and eventSeal, as a string';
  if (o['eventJws'] !== undefined && !isString(o['eventJws'])) return 'eventJws is not a string';
  if (o['eventSeal'] !== undefined && !isString(o['eventSeal'])) return 'eventSeal is not a string';
  if (!isString(o['prev']) || !HEX64.test(o['prev'])) return 'prev is not 64 lower-case hex digits';
  if (!isCount(o['n'])) return 'n is not a non-negative integer';
  if (!isCount(o['caseSeq'], 1)) return 'caseSeq is not a positive integer';
  if (!isString(o['recordedAt'])) return 'recordedAt is not a string';
  const allowed = new Set(['event', 'eventJws', 'eventSeal', 'prev', 'n', 'caseSeq', 'inbox', 'request', 'recordedAt']);
  const extra = Object.keys(o).find((k) => !allowed.has(k));
  return extra === undefined ? undefined : `unknown member ${extra}`;
}

/** The event's bytes inside a canonical journal record (members sorted: caseSeq, event, eventJws or eventSeal, …). */
function eventBytes(value: Uint8Array, sealed: boolean): Uint8Array | undefined {
  const buf = Buffer.from(value.buffer, value.byteOffset, value.length);
  const start = buf.indexOf(EVENT_START);
  const end = buf.lastIndexOf(sealed ? SEALED_EVENT_END : EVENT_END);
  if (start < 0 || end <= start) return undefined;
  const bytes = value.subarray(start + EVENT_START.length, end);
  return bytes[0] === 0x7b && bytes[bytes.length - 1] === 0x7d ? bytes : undefined;
}

export interface ScanContext {
  readonly region: string;
  readonly topic: string;
  readonly partition: number;
  readonly anomalies: Anomaly[];
  /** Event ids seen in this region's journal (every partition), for replays. */
  readonly seenIds: Map<string, { partition: number; offset: number }>;
  readonly onRecord?: () => void;
}

export async function scanPartition(records: AsyncIterable<SourceRecord>, ctx: ScanContext): Promise<PartitionScan> {
  const { region, topic, partition, anomalies } = ctx;
  const tree = new MerkleTree();
  const entries: JournalEntry[] = [];
  let prevHash = GENESIS_HASH;
  let expected = 0;
  let shift = 0;
  const caseSeqs = new Map<string, number>();
  const senderSeqs = new Map<string, number>();
  for await (const r of records) {
    ctx.onRecord?.();
    // Built only when there is something to report (an object per record is measurable at 100k/s).
    const where = (): { topic: string; partition: number; offset: number; region: string } => ({ topic, partition, offset: r.offset, region });
    const hash = createHash('sha256').update(r.value).digest('hex');
    tree.append(leafHash(r.value));
    if (r.offset !== expected) anomalies.push({ code: 'XR_JOURNAL_CHAIN_BROKEN', ...where(), message: `the log skips from offset ${expected - 1} to ${r.offset}` });
    expected = r.offset + 1;
    let text: string | undefined;
    try {
      text = decoder.decode(r.value);
    } catch {
      text = undefined;
    }
    const parsed = text === undefined ? undefined : parseCanonical(text);
    const o = parsed?.value as Record<string, unknown> | undefined;
    const problem = !parsed ? 'not RFC 8785 canonical JSON' : !o || typeof o !== 'object' || Array.isArray(o) ? 'not a JSON object' : shapeProblem(o);
    const bytes = problem === undefined ? eventBytes(r.value, o!['eventSeal'] !== undefined) : undefined;
    if (problem !== undefined || !o || !bytes) {
      anomalies.push({ code: 'XR_AUDIT_RECORD_MALFORMED', ...where(), message: `journal record ${problem ?? 'has no event bytes'}` });
      entries.push({ region, topic, partition, offset: r.offset, timestamp: r.timestamp, value: r.value });
      prevHash = hash;
      continue;
    }
    const e = o['event'] as { id: string; caseId: string; type: string; source: string; target: string; time: string; seq: number };
    const event: EventFacts = { id: e.id, caseId: e.caseId, type: e.type, source: e.source, target: e.target, time: e.time, seq: e.seq, ...(o['eventSeal'] !== undefined ? { seal: o['eventSeal'] as string } : { jws: o['eventJws'] as string }), bytes };
    const n = o['n'] as number;
    const caseSeq = o['caseSeq'] as number;
    const at = (): ReturnType<typeof where> & { caseId: string; eventId: string } => ({ ...where(), caseId: event.caseId, eventId: event.id });
    // One break is one anomaly: after it, the chain is followed from the record that is there.
    const brokenPrev = o['prev'] !== prevHash;
    const brokenN = n - r.offset !== shift;
    if (brokenPrev || brokenN) {
      const why = [brokenN ? `n is ${n}, not ${r.offset}` : undefined, brokenPrev ? 'prev is not the SHA-256 of the record before it' : undefined].filter(Boolean).join('; ');
      anomalies.push({ code: 'XR_JOURNAL_CHAIN_BROKEN', ...at(), message: `chain broken at offset ${r.offset}: ${why}` });
    }
    shift = n - r.offset;
    prevHash = hash;
    const seen = ctx.seenIds.get(event.id);
    if (seen) anomalies.push({ code: 'XR_AUDIT_EVENT_REPLAYED', ...at(), message: `event ${event.id} is already journaled at partition ${seen.partition} offset ${seen.offset}` });
    else ctx.seenIds.set(event.id, { partition, offset: r.offset });
    const lastCaseSeq = caseSeqs.get(event.caseId) ?? 0;
    if (caseSeq !== lastCaseSeq + 1) anomalies.push({ code: 'XR_AUDIT_CASE_SEQUENCE', ...at(), message: `caseSeq ${caseSeq} follows ${lastCaseSeq} for case ${event.caseId}` });
    caseSeqs.set(event.caseId, Math.max(caseSeq, lastCaseSeq));
    const senderKey = `${event.caseId}/${event.source}`;
    const lastSeq = senderSeqs.get(senderKey) ?? 0;
    // The handling side may lack a sender's refused requests (quarantined): gaps are allowed, going back is not.
    if (!seen && event.seq <= lastSeq) anomalies.push({ code: 'XR_AUDIT_CASE_SEQUENCE', ...at(), message: `sender ${event.source} seq ${event.seq} does not follow ${lastSeq} for case ${event.caseId}` });
    if (!seen) senderSeqs.set(senderKey, Math.max(event.seq, lastSeq));
    entries.push({ region, topic, partition, offset: r.offset, timestamp: r.timestamp, value: r.value, event, caseSeq });
  }
  return { entries, tree };
}

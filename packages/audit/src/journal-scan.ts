/**
 * One journal partition read in offset order: each record must be RFC 8785 JSON in the journal
 * shape (docs/WIRE.md "Journal record"), with `n` its offset and `prev` the SHA-256 of the record
 * before it; the Merkle leaf of each record is its RFC 6962 leaf hash; a sealed event's inclusion
 * proof is followed to the root it leads to.
 *
 * `PartitionScanner` is that per-record work, and nothing else: pure, synchronous, holding only
 * the partition's own state (chain head, offsets, case order), its results plain data, so it runs
 * the same on this thread or on a worker thread (scan-pool.ts). What spans partitions (replays,
 * sender order, the Merkle tree, signatures) is folded afterwards on the caller's thread.
 */
import { isUtf8 } from 'node:buffer';
import { canonicalJson, parseCanonical, scanCanonical, sha256Hex, type SpanMember } from '@xr/crypto/canonical';
import { GENESIS_HASH } from '@xr/domain/envelope';
import type { Result } from '@xr/domain/errors';
import { HASH_LINE_BYTES, leafHash, MerkleTree, ProofPaths, type ProofPath } from '@xr/tlog';
import type { Anomaly } from './report.js';

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
  readonly caseSeq?: number | undefined;
  /**
   * Set by the fold (replay.ts): the entry is known to hold the same bytes as its counterpart (the
   * first entry for its id in its sender's journal and the first in its receiver's, both: the
   * signature check compared them, the cross-region check need not).
   */
  twin: boolean;
  /** Set by the fold: a received copy whose signature was checked as its sent copy was folded. */
  receivedChecked: boolean;
}

/** An event's facts as a journal record states them. */
export interface RecordEvent {
  readonly id: string;
  readonly caseId: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly time: string;
  readonly seq: number;
}

/** An event's facts as the scan read them (plain data: they cross a worker boundary). */
export interface ScannedEvent extends RecordEvent {
  /** The sender's detached JWS; or, for sealed batches, where its seal's JSON string sits in the record (`sealText` reads it). Exactly one is set. */
  readonly jws?: string | undefined;
  readonly sealStart?: number | undefined;
  readonly sealEnd?: number | undefined;
  /** Where the event's RFC 8785 bytes sit in the record. */
  readonly bytesStart: number;
  readonly bytesEnd: number;
  /** A seal that does not parse as a tlog-proof: why. */
  readonly sealMalformed?: string | undefined;
  /** A parsed seal: its note (an index into the batch's `notes`), leaf index, the size its note states and, when the proof fits it, the root (in the batch's `hashes`), or why not. */
  readonly sealNote?: number | undefined;
  readonly sealIndex?: number | undefined;
  readonly sealSize?: number | undefined;
  readonly sealProblem?: string | undefined;
  /**
   * The sender's last seq in this case before this event, in this partition, when this event's
   * seq does not follow it (it goes back or repeats); as the scan saw it, knowing of no replays
   * (the fold, which knows of them, judges again from the first one on: `SenderOrder`).
   */
  readonly senderBehind?: number | undefined;
}

/** An event's facts as the audit keeps them: where its bytes are in its record (`eventBytes` gives them). */
export type EventFacts = ScannedEvent;

/** What the scan found in one record. */
export interface Scanned {
  readonly anomalies?: Anomaly[] | undefined;
  readonly event?: ScannedEvent | undefined;
  readonly caseSeq?: number | undefined;
}

/** One record to scan. */
export interface ScanInput {
  readonly offset: number;
  readonly timestamp: number;
  readonly value: Uint8Array;
}

/**
 * A batch's results: `records[i]` for input i; `hashes` holds 32 bytes per input — for a sealed
 * event whose proof fits, the root its seal's proof leads to (the leaves went into the scanner's
 * tree); `notes` the distinct seal notes of the batch, which `sealNote` indexes.
 */
export interface ScannedBatch {
  readonly records: Scanned[];
  readonly hashes: Uint8Array;
  readonly notes: string[];
}

/** Bytes per input in `ScannedBatch.hashes`. */
export const HASHES_PER_RECORD = 32;

export interface Where {
  readonly region: string;
  readonly topic: string;
  readonly partition: number;
}

const EVENT_START = Buffer.from(',"event":');
const EVENT_END = Buffer.from(',"eventJws":"');
const SEALED_EVENT_END = Buffer.from(',"eventSeal":"');
const HEX64 = /^[0-9a-f]{64}$/;
const ALLOWED = new Set(['event', 'eventJws', 'eventSeal', 'prev', 'n', 'caseSeq', 'inbox', 'request', 'recordedAt']);

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
  for (const k in o) if (!ALLOWED.has(k)) return `unknown member ${k}`;
  return undefined;
}

/**
 * Where the event's bytes sit inside a canonical journal record (members sorted: caseSeq, event,
 * eventJws or eventSeal, …): after `,"event":`, as long as the event's canonical form, followed by
 * the proof member. Found from the parsed event, not by searching for the next member's name (a
 * later member's value may hold the same text).
 */
function eventSpan(buf: Buffer, event: unknown, sealed: boolean): [number, number] | undefined {
  const start = buf.indexOf(EVENT_START);
  if (start < 0) return undefined;
  const from = start + EVENT_START.length;
  const end = from + Buffer.byteLength(canonicalJson(event));
  const next = sealed ? SEALED_EVENT_END : EVENT_END;
  return buf[from] === 0x7b && buf.subarray(end, end + next.length).equals(next) ? [from, end] : undefined;
}

/**
 * Where the JSON string that starts at `from` (its opening quote) ends: one past its closing quote.
 * The record is canonical JSON, so the string is well formed.
 */
function stringEnd(buf: Uint8Array, from: number): number {
  for (let i = from + 1; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x5c) i++;
    else if (b === 0x22) return i + 1;
  }
  return buf.length;
}

// Buffer's own (undocumented) UTF-8 slice, which works on any Uint8Array: `toString('utf8', …)`
// without the wrapper that looks up the encoding and checks its arguments on every call (measured
// on the scan's worker: the wrapper cost as much as the decoding of a record's short strings).
// Else the portable way.
const nativeUtf8 = (Buffer.prototype as unknown as { utf8Slice?: (this: Uint8Array, start: number, end: number) => string }).utf8Slice;
const utf8: (bytes: Uint8Array, start: number, end: number) => string = nativeUtf8
  ? (bytes, start, end) => nativeUtf8.call(bytes, start, end)
  : (bytes, start, end) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8', start, end);

/** The JSON string at `bytes[start, end)` (quotes included; the record is canonical, so it is one), decoded. */
function jsonString(bytes: Uint8Array, start: number, end: number): string {
  return JSON.parse(utf8(bytes, start, end)) as string;
}

/** A sealed event's seal, read from its record (kept as a span, not a string, for the whole audit: it is most of a record). */
export function sealText(entry: { readonly value: Uint8Array; readonly event?: ScannedEvent | undefined }): string | undefined {
  const e = entry.event;
  if (e?.sealStart === undefined || e.sealEnd === undefined) return undefined;
  return jsonString(entry.value, e.sealStart, e.sealEnd);
}

/** The record's text when it is UTF-8 (a native check, then a native decode: no replacement characters can hide a bad byte). */
function utf8Text(buf: Buffer): string | undefined {
  return isUtf8(buf) ? buf.toString('utf8') : undefined;
}

/** A journal record read: the members the audit uses, where the event's bytes and the seal's JSON string sit. */
export interface ReadRecord {
  readonly event: RecordEvent;
  readonly n: number;
  readonly caseSeq: number;
  readonly prev: string;
  /** The JWS (a record signed event by event); absent when the record is sealed. */
  readonly jws?: string;
  readonly span: readonly [number, number];
  readonly seal?: readonly [number, number];
}

/**
 * Reads a journal record, or says why it is not one. The common case in one pass over the bytes
 * (`scanCanonical`: canonical or not, and where the members sit), reading only the members the
 * audit needs; what that pass cannot decide (a fraction, a key to decode, deep nesting) the way it
 * always was: decode, `parseCanonical`, find the event's bytes. Both give the same answer for a
 * record both can read (journal-read.test.ts feeds both honest and damaged records).
 * `chainHead` (the `prev` the record should have) only spares a regex when it is that.
 */
export function readRecord(buf: Buffer, fast = true, chainHead?: string): ReadRecord | string {
  const members = fast ? scanCanonical(buf) : undefined;
  if (members === false) return 'not RFC 8785 canonical JSON';
  if (members !== undefined) return fromSpans(buf, members, chainHead) ?? fromMembers(buf, members);
  const text = utf8Text(buf);
  const parsed = text === undefined ? undefined : parseCanonical(text);
  if (!parsed) return 'not RFC 8785 canonical JSON';
  const o = parsed.value as Record<string, unknown>;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'not a JSON object';
  const problem = shapeProblem(o);
  if (problem !== undefined) return problem;
  const sealed = o['eventSeal'] !== undefined;
  const span = eventSpan(buf, o['event'], sealed);
  if (!span) return 'has no event bytes';
  const sealStart = span[1] + SEALED_EVENT_END.length - 1;
  return read(o, span, sealed ? [sealStart, stringEnd(buf, sealStart)] : undefined);
}

/** The members the audit uses from a record in the journal shape (`shapeProblem` found none missing). */
function read(o: Record<string, unknown>, span: readonly [number, number], seal: readonly [number, number] | undefined): ReadRecord {
  const e = o['event'] as RecordEvent;
  const event = { id: e.id, caseId: e.caseId, type: e.type, source: e.source, target: e.target, time: e.time, seq: e.seq };
  const jws = o['eventJws'] as string | undefined;
  return { event, n: o['n'] as number, caseSeq: o['caseSeq'] as number, prev: o['prev'] as string, ...(jws === undefined ? {} : { jws }), span, ...(seal ? { seal } : {}) };
}

/** A string member's value (the record is canonical: an escaped one is valid JSON). */
function text(buf: Buffer, m: SpanMember): string {
  return m.escaped ? jsonString(buf, m.start, m.end) : utf8(buf, m.start + 1, m.end - 1);
}

// An event's type, source and target take few values: a small cache, by a hash of the bytes,
// hands back the string already made (checked against the bytes, ASCII only) instead of decoding a
// new one every record; the same string each time, so the fold's look-ups by them are cheap too.
const VALUE_CACHE_SIZE = 256;
const valueCache: string[] = new Array<string>(VALUE_CACHE_SIZE).fill('');

/** A short string member's value, from the cache when its bytes are those of a cached ASCII string. */
function recurring(buf: Buffer, m: SpanMember): string {
  const start = m.start + 1;
  const end = m.end - 1;
  if (m.escaped || end - start > 64) return text(buf, m);
  let hash = end - start;
  let any = 0;
  for (let k = start; k < end; k++) {
    const b = buf[k]!;
    any |= b;
    hash = Math.imul(hash ^ b, 0x01000193); // FNV-1a
  }
  if (any >= 0x80) return text(buf, m);
  const slot = (hash ^ (hash >>> 13)) & (VALUE_CACHE_SIZE - 1);
  const cached = valueCache[slot]!;
  if (cached.length === end - start) {
    let k = 0;
    while (k < cached.length && cached.charCodeAt(k) === buf[start + k]) k++;
    if (k === cached.length) return cached;
  }
  return (valueCache[slot] = text(buf, m));
}

const TOP_MEMBERS = ['event', 'eventJws', 'eventSeal', 'prev', 'n', 'caseSeq', 'recordedAt'];
const EVENT_MEMBERS = ['id', 'caseId', 'type', 'source', 'target', 'time', 'seq'];

/** The members called `names`, in that order (undefined where absent); undefined when another member is not `other`. */
function byName(members: readonly SpanMember[], names: readonly string[], other: (key: string) => boolean): (SpanMember | undefined)[] | undefined {
  const found = new Array<SpanMember | undefined>(names.length).fill(undefined);
  for (const m of members) {
    const k = names.indexOf(m.key);
    if (k >= 0) found[k] = m;
    else if (!other(m.key)) return undefined;
  }
  return found;
}

/**
 * `shapeProblem` on the members' spans, check for check and message for message, reading only
 * what it checks or the audit uses; undefined (ask `fromMembers`) when a member is not one the
 * journal shape allows, whose report depends on the engine's member order.
 */
function fromSpans(buf: Buffer, members: readonly SpanMember[], chainHead: string | undefined): ReadRecord | string | undefined {
  const top = byName(members, TOP_MEMBERS, (key) => key === 'inbox' || key === 'request');
  if (!top) return undefined;
  const [event, jws, seal, prev, n, caseSeq, recordedAt] = top;
  if (event?.kind !== 'object') return 'event is not an object';
  const [idM, caseIdM, typeM, sourceM, targetM, timeM, seqM] = byName(event.members ?? [], EVENT_MEMBERS, () => true)!;
  if (idM?.kind !== 'string') return 'event.id is not a string';
  if (caseIdM?.kind !== 'string') return 'event.caseId is not a string';
  if (typeM?.kind !== 'string') return 'event.type is not a string';
  if (sourceM?.kind !== 'string') return 'event.source is not a string';
  if (targetM?.kind !== 'string') return 'event.target is not a string';
  if (timeM?.kind !== 'string') return 'event.time is not a string';
  const seq = seqM?.kind === 'number' ? Number(buf.toString('latin1', seqM.start, seqM.end)) : undefined;
  if (!isCount(seq, 1)) return 'event.seq is not a positive integer';
  if ((jws?.kind === 'string') === (seal?.kind === 'string')) return 'a journal record keeps exactly one of eventJws and eventSeal, as a string';
  if (jws !== undefined && jws.kind !== 'string') return 'eventJws is not a string';
  if (seal !== undefined && seal.kind !== 'string') return 'eventSeal is not a string';
  const prevText = prev?.kind === 'string' ? text(buf, prev) : undefined;
  if (prevText === undefined || (prevText !== chainHead && !HEX64.test(prevText))) return 'prev is not 64 lower-case hex digits';
  const number = (m: SpanMember | undefined): number | undefined => (m?.kind === 'number' ? Number(buf.toString('latin1', m.start, m.end)) : undefined);
  const nValue = number(n);
  if (!isCount(nValue)) return 'n is not a non-negative integer';
  const caseSeqValue = number(caseSeq);
  if (!isCount(caseSeqValue, 1)) return 'caseSeq is not a positive integer';
  if (recordedAt?.kind !== 'string') return 'recordedAt is not a string';
  return {
    event: { id: text(buf, idM), caseId: text(buf, caseIdM), type: recurring(buf, typeM), source: recurring(buf, sourceM), target: recurring(buf, targetM), time: text(buf, timeM), seq },
    n: nValue,
    caseSeq: caseSeqValue,
    prev: prevText,
    ...(jws ? { jws: text(buf, jws) } : {}),
    span: [event.start, event.end],
    ...(seal ? { seal: [seal.start, seal.end] as const } : {}),
  };
}

/** The record's members from their spans as an object (no prototype: a member named `__proto__` is a member), judged by `shapeProblem`. */
function fromMembers(buf: Buffer, members: readonly SpanMember[]): ReadRecord | string {
  const o = Object.create(null) as Record<string, unknown>;
  let span: readonly [number, number] | undefined;
  let seal: readonly [number, number] | undefined;
  for (const m of members) {
    if (m.kind === 'object') {
      const inner = Object.create(null) as Record<string, unknown>;
      for (const n of m.members ?? []) inner[n.key] = scalar(buf, n);
      o[m.key] = inner;
    } else {
      o[m.key] = scalar(buf, m);
    }
    if (m.key === 'event') span = [m.start, m.end];
    else if (m.key === 'eventSeal') seal = [m.start, m.end];
  }
  const problem = shapeProblem(o);
  if (problem !== undefined) return problem;
  return read(o, span!, seal);
}

/** A member's value: strings and numbers read; an object or array as an empty one of its kind. */
function scalar(buf: Buffer, m: SpanMember): unknown {
  switch (m.kind) {
    case 'string':
      return text(buf, m);
    case 'number':
      return Number(buf.toString('latin1', m.start, m.end));
    case 'literal':
      return buf[m.start] === 0x74 ? true : buf[m.start] === 0x66 ? false : null;
    case 'array':
      return [];
    default:
      return {};
  }
}

/** A sender's last seq in a case, and the case's next sender (a case has few). */
interface SenderSeq {
  readonly source: string;
  seq: number;
  readonly next: SenderSeq | undefined;
}

/**
 * Each sender's order within a case, in one partition: a sender's seq must grow (the handling
 * side may lack a sender's refused requests, quarantined: gaps are allowed, going back is not).
 */
/** The sender's last seq in the case, when `seq` does not follow it (the event is then not taken), else undefined, the event taken. */
function nextSender(c: { senders: SenderSeq | undefined }, source: string, seq: number): number | undefined {
  let sender = c.senders;
  while (sender !== undefined && sender.source !== source) sender = sender.next;
  const last = sender?.seq ?? 0;
  if (seq <= last) return last;
  if (sender) sender.seq = seq;
  else c.senders = { source, seq, next: c.senders };
  return undefined;
}

export class SenderOrder {
  private readonly cases = new Map<string, { senders: SenderSeq | undefined }>();

  /** Takes the next event; returns the sender's last seq when `seq` does not follow it (the event is then not taken), else undefined. */
  next(caseId: string, source: string, seq: number): number | undefined {
    let c = this.cases.get(caseId);
    if (!c) this.cases.set(caseId, (c = { senders: undefined }));
    return nextSender(c, source, seq);
  }
}

export class PartitionScanner {
  private prevHash = GENESIS_HASH;
  private expected = 0;
  private shift = 0;
  /** Per case: its last caseSeq in the partition, and each sender's last seq (one look-up a record for both). */
  private readonly cases = new Map<string, { caseSeq: number; senders: SenderSeq | undefined }>();
  private readonly notes = new NoteText();
  /** The partition's RFC 6962 tree, leaf by leaf as records are scanned. */
  readonly tree = new MerkleTree();
  /**
   * @param paths the seal proofs' memo; shared by the scanners of a region's partitions (a sealed
   * batch's events are spread over them, and a proof stops early at a node a sibling's proof hashed)
   */
  constructor(
    private readonly where: Where,
    private readonly paths = new ProofPaths(),
  ) {}

  /** Scans a batch, in offset order, continuing from the previous batch of this partition. */
  scanBatch(inputs: readonly ScanInput[]): ScannedBatch {
    const hashes = new Uint8Array(inputs.length * HASHES_PER_RECORD);
    const notes: string[] = [];
    const noteIndex = new Map<string, number>();
    const records = inputs.map((r, i) => this.scan(r, hashes, i * HASHES_PER_RECORD, notes, noteIndex));
    return { records, hashes, notes };
  }

  /** An anomaly at `offset` of this partition. */
  private anomaly(offset: number, a: Omit<Anomaly, 'topic' | 'partition' | 'offset' | 'region'>): Anomaly {
    const { region, topic, partition } = this.where;
    return { topic, partition, offset, region, ...a };
  }

  private scan(r: ScanInput, hashes: Uint8Array, at: number, notes: string[], noteIndex: Map<string, number>): Scanned {
    // Anomalies are built only when there is something to report (an object per record is measurable at 100k/s).
    let anomalies: Anomaly[] | undefined;
    const buf: Buffer = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value.buffer, r.value.byteOffset, r.value.length);
    const hash = sha256Hex(buf);
    this.tree.append(leafHash(buf));
    if (r.offset !== this.expected) (anomalies ??= []).push(this.anomaly(r.offset, { code: 'XR_JOURNAL_CHAIN_BROKEN', message: `the log skips from offset ${this.expected - 1} to ${r.offset}` }));
    this.expected = r.offset + 1;
    const read = readRecord(buf, true, this.prevHash);
    if (typeof read === 'string') {
      (anomalies ??= []).push(this.anomaly(r.offset, { code: 'XR_AUDIT_RECORD_MALFORMED', message: `journal record ${read}` }));
      this.prevHash = hash;
      return { anomalies };
    }
    const { event: e, n, caseSeq, span } = read;
    // One break is one anomaly: after it, the chain is followed from the record that is there.
    const brokenPrev = read.prev !== this.prevHash;
    const brokenN = n - r.offset !== this.shift;
    if (brokenPrev || brokenN) {
      const why = [brokenN ? `n is ${n}, not ${r.offset}` : undefined, brokenPrev ? 'prev is not the SHA-256 of the record before it' : undefined].filter(Boolean).join('; ');
      (anomalies ??= []).push(this.anomaly(r.offset, { caseId: e.caseId, eventId: e.id, code: 'XR_JOURNAL_CHAIN_BROKEN', message: `chain broken at offset ${r.offset}: ${why}` }));
    }
    this.shift = n - r.offset;
    this.prevHash = hash;
    let order = this.cases.get(e.caseId);
    const lastCaseSeq = order?.caseSeq ?? 0;
    if (caseSeq !== lastCaseSeq + 1) (anomalies ??= []).push(this.anomaly(r.offset, { caseId: e.caseId, eventId: e.id, code: 'XR_AUDIT_CASE_SEQUENCE', message: `caseSeq ${caseSeq} follows ${lastCaseSeq} for case ${e.caseId}` }));
    if (order) order.caseSeq = Math.max(caseSeq, lastCaseSeq);
    else this.cases.set(e.caseId, (order = { caseSeq: Math.max(caseSeq, lastCaseSeq), senders: undefined }));
    // One object a record, every member always present (one shape for the engine): absent ones undefined.
    const event: Writable<ScannedEvent> = {
      id: e.id,
      caseId: e.caseId,
      type: e.type,
      source: e.source,
      target: e.target,
      time: e.time,
      seq: e.seq,
      jws: read.jws,
      sealStart: read.seal?.[0],
      sealEnd: read.seal?.[1],
      bytesStart: span[0],
      bytesEnd: span[1],
      sealMalformed: undefined,
      sealNote: undefined,
      sealIndex: undefined,
      sealSize: undefined,
      sealProblem: undefined,
      senderBehind: nextSender(order, e.source, e.seq),
    };
    // A received event (source elsewhere) is not followed here: the sender's journal holds the same
    // bytes under the same seal, and that copy is the one followed (the fold checks sent copies
    // first; a copy with nothing to match is followed there).
    if (read.seal && e.source === this.where.region) {
      const path = sealPath(buf, read.seal[0], read.seal[1], leafHash(buf.subarray(span[0], span[1])), this.paths, this.notes);
      if (!path.ok) {
        event.sealMalformed = path.message;
      } else {
        const p = path.value;
        let note = noteIndex.get(p.checkpoint);
        if (note === undefined) noteIndex.set(p.checkpoint, (note = notes.push(p.checkpoint) - 1));
        if (p.root) hashes.set(p.root, at);
        event.sealNote = note;
        event.sealIndex = p.index;
        event.sealSize = p.size;
        event.sealProblem = p.root ? undefined : (p.problem ?? 'no root');
      }
    }
    return { anomalies, event, caseSeq };
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A seal's JSON string as it starts in a record: `"`, the tlog-proof header line, `index ` (the newline escaped: `\n`). */
const SEAL_HEAD = Buffer.from('"c2sp.org/tlog-proof@v1\\nindex ', 'latin1');
/** From one hash line to the next in a seal's JSON string: the line and its escaped newline (`\n`). */
const LINE_STRIDE = HASH_LINE_BYTES + 2;

/** Whether `bytes[p, p + 2)`, before `end`, is `\n` (an escaped newline). */
const newlineAt = (bytes: Uint8Array, p: number, end: number): boolean => p + 2 <= end && bytes[p] === 0x5c && bytes[p + 1] === 0x6e;

/**
 * The last seal note a partition's scan read, as bytes and as text: the events of a sealed batch
 * carry the same note, decoded once (and one string, which the proof memo looks up by its hash).
 */
export class NoteText {
  private bytes: Uint8Array = new Uint8Array(0);
  private text = '';

  /** The text of the JSON string content at `bytes[from, to)`; undefined when it does not decode (the caller's split was off). */
  read(bytes: Uint8Array, from: number, to: number): string | undefined {
    if (sameSpan(bytes, from, to, this.bytes, 0, this.bytes.length)) return this.text;
    let text: unknown;
    try {
      text = JSON.parse(`"${utf8(bytes, from, to)}"`);
    } catch {
      return undefined;
    }
    if (typeof text !== 'string') return undefined;
    this.bytes = bytes.slice(from, to);
    this.text = text;
    return text;
  }
}

/**
 * Where a sealed event's seal leads, `paths.path` of the seal's text, read from the record's bytes
 * where the seal has the common shape (no extra line: the header, `index`, lines of 44 characters,
 * a blank line, the note) without decoding the whole string: the hash lines are read where they sit
 * in the record (`ProofPaths.pathOf` checks each one it uses as canonical base64, so a line holding
 * an escape or anything else sends it to the whole text) and the note is decoded once per batch. Anything
 * else is decoded and read by `path`. `seal` is the span of the JSON string, quotes included.
 */
export function sealPath(bytes: Uint8Array, start: number, end: number, leaf: Uint8Array, paths: ProofPaths, notes: NoteText): Result<ProofPath> {
  const whole = (): string => jsonString(bytes, start, end);
  const last = end - 1; // the closing quote
  if (last - start < SEAL_HEAD.length || !sameSpan(bytes, start, start + SEAL_HEAD.length, SEAL_HEAD, 0, SEAL_HEAD.length)) return paths.path(whole(), leaf);
  let p = start + SEAL_HEAD.length;
  const digits = p;
  while (p < last && bytes[p]! >= 0x30 && bytes[p]! <= 0x39) p++;
  // Decimal, no leading zero, safe.
  if (p === digits || p - digits > 15 || (bytes[digits] === 0x30 && p - digits > 1) || !newlineAt(bytes, p, last)) return paths.path(whole(), leaf);
  const index = Number(utf8(bytes, digits, p));
  p += 2;
  const first = p;
  let count = 0;
  while (!newlineAt(bytes, p, last)) {
    if (!newlineAt(bytes, p + HASH_LINE_BYTES, last)) return paths.path(whole(), leaf);
    count++;
    p += LINE_STRIDE;
  }
  const checkpoint = notes.read(bytes, p + 2, last);
  return checkpoint === undefined ? paths.path(whole(), leaf) : paths.pathOf(index, { bytes, start: first, stride: LINE_STRIDE, count }, checkpoint, leaf, whole);
}

const interned = new Map<string, string>();

/**
 * One string for each of the few values an event's type, source and target take: the audit keeps
 * every event's facts, and 100,000 copies of "371500" are 100,000 objects for the collector to move.
 * For the values a batch brings from a worker (a scan on this thread has them from `recurring`).
 */
function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size < 4_096) interned.set(s, s);
  return s;
}

/** The event's RFC 8785 bytes, what its sender signed: a view into the entry's record. */
export function eventBytes(entry: { readonly value: Uint8Array; readonly event?: ScannedEvent | undefined }): Uint8Array {
  const e = entry.event!;
  return entry.value.subarray(e.bytesStart, e.bytesEnd);
}

/** Whether two entries hold the same event bytes (no view made: `Buffer#compare` reads the spans). */
export function sameEventBytes(a: JournalEntry, b: JournalEntry): boolean {
  const x = a.event!;
  const y = b.event!;
  return sameSpan(a.value, x.bytesStart, x.bytesEnd, b.value, y.bytesStart, y.bytesEnd);
}

/** `Buffer#compare`, which reads spans of any two Uint8Arrays (no Buffer view made of either). */
const compareSpans = (Buffer.prototype as unknown as { compare: (this: Uint8Array, target: Uint8Array, targetStart: number, targetEnd: number, sourceStart: number, sourceEnd: number) => number }).compare;

/** Whether `a[aStart, aEnd)` and `b[bStart, bEnd)` are the same bytes. */
export function sameSpan(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): boolean {
  return aEnd - aStart === bEnd - bStart && compareSpans.call(a, b, bStart, bEnd, aStart, aEnd) === 0;
}

/** Where a sent event's seal proof led (restored from the scanned batch), for the signature check; undefined when it was not followed. */
export function sealPathOf(e: ScannedEvent, batch: ScannedBatch, i: number): ProofPath | undefined {
  if (e.sealNote === undefined) return undefined;
  const at = i * HASHES_PER_RECORD;
  const path: Writable<ProofPath> = { checkpoint: batch.notes[e.sealNote]!, index: e.sealIndex ?? 0 };
  if (e.sealSize !== undefined) path.size = e.sealSize;
  if (e.sealProblem === undefined) path.root = batch.hashes.subarray(at, at + 32);
  else path.problem = e.sealProblem;
  return path;
}

/**
 * A batch as it crosses a worker boundary: each record's numbers in one transferred Float64Array
 * (NaN where absent) and its strings joined into one string, each string's length among the
 * numbers, anomalies apart by record index (rare).
 */
export interface PackedBatch {
  readonly count: number;
  readonly numbers: Float64Array;
  /** Per record, its strings in `STRINGS` order, those present only, back to back. */
  readonly text: string;
  readonly anomalies: { readonly i: number; readonly list: Anomaly[] }[];
  readonly hashes: Uint8Array;
  readonly notes: string[];
  /** The distinct types, sources and targets of the batch, which `numbers` indexes (a few values, sent once a batch). */
  readonly texts: string[];
}

/**
 * Per record: caseSeq, event (1 or 0), seq, bytesStart, bytesEnd, sealStart, sealEnd, sealNote,
 * sealIndex, sealSize, then type, source and target as indexes into `texts`, senderBehind, then
 * the length in `text` of each of the `STRINGS` (NaN: absent).
 */
const NUMBERS = 20;
/** Per record: id, caseId, time, jws, sealMalformed, sealProblem. */
const STRINGS = 6;
const LENGTHS = NUMBERS - STRINGS;

export function packBatch(b: ScannedBatch): PackedBatch {
  const count = b.records.length;
  const numbers = new Float64Array(count * NUMBERS).fill(Number.NaN);
  const parts: string[] = [];
  const anomalies: { i: number; list: Anomaly[] }[] = [];
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const indexOf = (text: string): number => {
    let k = textIndex.get(text);
    if (k === undefined) textIndex.set(text, (k = texts.push(text) - 1));
    return k;
  };
  const put = (n: number, value: string | undefined): void => {
    if (value === undefined) return;
    numbers[n] = value.length;
    parts.push(value);
  };
  for (let i = 0; i < count; i++) {
    const r = b.records[i]!;
    if (r.anomalies) anomalies.push({ i, list: r.anomalies });
    const n = i * NUMBERS;
    if (r.caseSeq !== undefined) numbers[n] = r.caseSeq;
    const e = r.event;
    numbers[n + 1] = e ? 1 : 0;
    if (!e) continue;
    numbers[n + 2] = e.seq;
    numbers[n + 3] = e.bytesStart;
    numbers[n + 4] = e.bytesEnd;
    if (e.sealStart !== undefined) numbers[n + 5] = e.sealStart;
    if (e.sealEnd !== undefined) numbers[n + 6] = e.sealEnd;
    if (e.sealNote !== undefined) numbers[n + 7] = e.sealNote;
    if (e.sealIndex !== undefined) numbers[n + 8] = e.sealIndex;
    if (e.sealSize !== undefined) numbers[n + 9] = e.sealSize;
    numbers[n + 10] = indexOf(e.type);
    numbers[n + 11] = indexOf(e.source);
    numbers[n + 12] = indexOf(e.target);
    if (e.senderBehind !== undefined) numbers[n + 13] = e.senderBehind;
    const l = n + LENGTHS;
    put(l, e.id);
    put(l + 1, e.caseId);
    put(l + 2, e.time);
    put(l + 3, e.jws);
    put(l + 4, e.sealMalformed);
    put(l + 5, e.sealProblem);
  }
  return { count, numbers, text: parts.join(''), anomalies, hashes: b.hashes, notes: b.notes, texts };
}

export function unpackBatch(p: PackedBatch): ScannedBatch {
  const { count, numbers: f, text } = p;
  const records: Scanned[] = new Array<Scanned>(count);
  const anomaliesOf = new Map(p.anomalies.map((a) => [a.i, a.list]));
  const texts = p.texts.map(intern);
  // Where the next string starts in `text`: the strings are read in the order they were put.
  let at = 0;
  // No closure or spread a record: this runs on the folding thread for every record.
  const num = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);
  const str = (length: number): string | undefined => {
    if (Number.isNaN(length)) return undefined;
    const start = at;
    at += length;
    if (at > text.length) throw new Error('scan worker: a batch came back with its strings cut short');
    return text.substring(start, at);
  };
  for (let i = 0; i < count; i++) {
    const n = i * NUMBERS;
    const l = n + LENGTHS;
    const anomalies = anomaliesOf.get(i);
    const caseSeq = num(f[n]!);
    if (f[n + 1] !== 1) {
      records[i] = { anomalies, event: undefined, caseSeq: undefined };
      continue;
    }
    const id = str(f[l]!);
    const caseId = str(f[l + 1]!);
    const time = str(f[l + 2]!);
    if (id === undefined || caseId === undefined || time === undefined) throw new Error('scan worker: a batch came back with an event missing its id, case or time');
    const event: ScannedEvent = {
      id,
      caseId,
      type: texts[f[n + 10]!]!,
      source: texts[f[n + 11]!]!,
      target: texts[f[n + 12]!]!,
      time,
      seq: f[n + 2]!,
      jws: str(f[l + 3]!),
      sealStart: num(f[n + 5]!),
      sealEnd: num(f[n + 6]!),
      bytesStart: f[n + 3]!,
      bytesEnd: f[n + 4]!,
      sealMalformed: str(f[l + 4]!),
      sealNote: num(f[n + 7]!),
      sealIndex: num(f[n + 8]!),
      sealSize: num(f[n + 9]!),
      sealProblem: str(f[l + 5]!),
      senderBehind: num(f[n + 13]!),
    };
    records[i] = { anomalies, event, caseSeq };
  }
  if (at !== text.length) throw new Error('scan worker: a batch came back with strings left over');
  return { records, hashes: p.hashes, notes: p.notes };
}

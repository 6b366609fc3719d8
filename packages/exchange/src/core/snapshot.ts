/**
 * The gateway state as a snapshot file, pure (bytes in, bytes out; the shell does files, the MAC
 * and the check against the journal: shell/snapshots.ts). Format `xr-gateway-snapshot` version 1:
 *
 *   "XRSNAP\x00\x01" (8 bytes), then frames: kind (1 byte) ‖ length (uint32 BE) ‖ payload
 *     1 header     JSON: format, version, region, journal topic, partitions, per partition the
 *                  chain head covered ({ next, prev, inboxNext }), certificates issued, partner
 *                  targets, the number of entries in each section
 *     2 tree       uint32 partition ‖ uint32 level ‖ hashes of that level, packed (MerkleTree.columns),
 *                  at most 16 MiB a frame (a level continues in the next frame of the same level)
 *     3 events     JSON [id, sha256, id, sha256, …]           event id → hash of its bytes
 *     4 counts     JSON [caseId, n, …]                         records of each case
 *     5 lastSeqs   JSON [caseId, seq, …]                       our last sequence number per case
 *     6 cases      JSON [[caseId, CaseState], …]               the projection
 *     7 own        JSON [[eventId, { request?, answer }], …]   our events' requests and answers
 *   255 end        the MAC over every byte before this frame (computed by the shell)
 *
 * Sections come in chunks of about 1 MiB of JSON, so no string grows with the state. The format
 * holds what the state holds (no journal record, no signature): it does not change with how events
 * are signed. Whatever is not exactly this (another version, a frame out of order, a count that
 * does not add up, a tree whose shape does not fit its partition's head) is refused.
 */
import type { CaseState } from '@xr/domain';
import { HASH_SIZE, MerkleTree } from '@xr/tlog';
import type { OwnEvent } from '../requests.js';
import type { ChainHead, LoadedImage, StateImage } from './state.js';

export const SNAPSHOT_FORMAT = 'xr-gateway-snapshot';
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_MAGIC = Uint8Array.from([0x58, 0x52, 0x53, 0x4e, 0x41, 0x50, 0x00, SNAPSHOT_VERSION]);
export const FRAME_HEADER_BYTES = 5;
/** Largest frame a reader accepts (tree frames are at most 16 MiB, JSON chunks ~1 MiB plus one entry). */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export const FRAME = { header: 1, tree: 2, events: 3, counts: 4, lastSeqs: 5, cases: 6, own: 7, end: 255 } as const;
type Section = 'events' | 'counts' | 'lastSeqs' | 'cases' | 'own';
const SECTIONS: readonly Section[] = ['events', 'counts', 'lastSeqs', 'cases', 'own'];

export interface SnapshotHeader {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly region: string;
  /** The journal topic the heads are positions in. */
  readonly journal: string;
  readonly partitions: number;
  readonly heads: readonly ChainHead[];
  readonly issued: readonly number[];
  readonly targets: readonly (readonly string[])[];
  /** Entries per section, so a file cut short between frames is not taken for a smaller state. */
  readonly counts: Readonly<Record<Section, number>>;
  /** When it was written (RFC 3339), for logs. */
  readonly writtenAt: string;
}

export class SnapshotRefused extends Error {
  readonly code = 'XR_SNAPSHOT_REFUSED';
  constructor(
    readonly field: string,
    why: string,
  ) {
    super(why);
    this.name = 'SnapshotRefused';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const CHUNK_CHARS = 1 << 20;
const TREE_CHUNK_BYTES = 16 * 1024 * 1024;

export function frame(kind: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER_BYTES + payload.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, kind);
  view.setUint32(1, payload.length);
  out.set(payload, FRAME_HEADER_BYTES);
  return out;
}

/** JSON chunks of a section: each a JSON array of ~1 MiB, made of `parts` (JSON values without the brackets). */
function* chunks(kind: number, parts: Iterable<string>): Generator<Uint8Array> {
  let batch: string[] = [];
  let chars = 0;
  for (const part of parts) {
    batch.push(part);
    chars += part.length + 1;
    if (chars >= CHUNK_CHARS) {
      yield frame(kind, encoder.encode(`[${batch.join(',')}]`));
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield frame(kind, encoder.encode(`[${batch.join(',')}]`));
}

function* pairs<V>(map: ReadonlyMap<string, V>): Generator<string> {
  for (const [key, value] of map) yield `${JSON.stringify(key)},${JSON.stringify(value)}`;
}

function* tuples<V>(map: ReadonlyMap<string, V>): Generator<string> {
  for (const entry of map) yield JSON.stringify(entry);
}

/**
 * The snapshot's frames (without the end frame), one at a time: the state must not change until
 * the last one has been taken (the shell holds the pipeline meanwhile).
 */
export function* snapshotFrames(image: StateImage, meta: { readonly region: string; readonly journal: string; readonly writtenAt: string }): Generator<Uint8Array> {
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    region: meta.region,
    journal: meta.journal,
    partitions: image.heads.length,
    heads: image.heads.map((h) => ({ next: h.next, prev: h.prev, inboxNext: h.inboxNext })),
    issued: [...image.issued],
    targets: image.targets.map((t) => [...t].sort()),
    counts: { events: image.events.size, counts: image.caseCounts.size, lastSeqs: image.lastSeqs.size, cases: image.cases.size, own: image.own.size },
    writtenAt: meta.writtenAt,
  };
  yield SNAPSHOT_MAGIC;
  yield frame(FRAME.header, encoder.encode(JSON.stringify(header)));
  for (const [p, tree] of image.trees.entries()) {
    for (const [level, hashes] of tree.columns().entries()) {
      for (let from = 0; from === 0 || from < hashes.length; from += TREE_CHUNK_BYTES) {
        const part = hashes.subarray(from, from + TREE_CHUNK_BYTES);
        const payload = new Uint8Array(8 + part.length);
        const view = new DataView(payload.buffer);
        view.setUint32(0, p);
        view.setUint32(4, level);
        payload.set(part, 8);
        yield frame(FRAME.tree, payload);
      }
    }
  }
  yield* chunks(FRAME.events, pairs(image.events));
  yield* chunks(FRAME.counts, pairs(image.caseCounts));
  yield* chunks(FRAME.lastSeqs, pairs(image.lastSeqs));
  yield* chunks(FRAME.cases, tuples(image.cases));
  yield* chunks(FRAME.own, tuples(image.own));
}

const HEX64 = /^[0-9a-f]{64}$/;
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function checkHeader(value: unknown, expect: { readonly region: string; readonly journal: string; readonly partitions: number }): SnapshotHeader {
  const h = value as Partial<SnapshotHeader> | null;
  if (!h || typeof h !== 'object') throw new SnapshotRefused('header', 'the header is not a JSON object');
  if (h.format !== SNAPSHOT_FORMAT || h.version !== SNAPSHOT_VERSION) throw new SnapshotRefused('version', `format ${String(h.format)} version ${String(h.version)}, this gateway reads ${SNAPSHOT_FORMAT} version ${SNAPSHOT_VERSION}`);
  if (h.region !== expect.region) throw new SnapshotRefused('region', `written by region ${String(h.region)}, this gateway is ${expect.region}`);
  if (h.journal !== expect.journal) throw new SnapshotRefused('journal', `a snapshot of journal ${String(h.journal)}, this gateway's is ${expect.journal}`);
  if (h.partitions !== expect.partitions) throw new SnapshotRefused('partitions', `a snapshot of ${String(h.partitions)} partitions, the journal has ${expect.partitions}`);
  const n = expect.partitions;
  const heads: unknown = h.heads;
  const isHead = (x: unknown): boolean => {
    const head = x as Partial<ChainHead> | null;
    return typeof head === 'object' && head !== null && isCount(head.next) && isCount(head.inboxNext) && typeof head.prev === 'string' && HEX64.test(head.prev);
  };
  if (!Array.isArray(heads) || heads.length !== n || !heads.every(isHead)) throw new SnapshotRefused('heads', 'malformed chain heads');
  if (!Array.isArray(h.issued) || h.issued.length !== n || !h.issued.every(isCount)) throw new SnapshotRefused('issued', 'malformed certificate counts');
  if (!Array.isArray(h.targets) || h.targets.length !== n || !h.targets.every((t) => Array.isArray(t) && t.every((x) => typeof x === 'string'))) throw new SnapshotRefused('targets', 'malformed partner targets');
  if (!h.counts || !SECTIONS.every((s) => isCount(h.counts![s]))) throw new SnapshotRefused('counts', 'malformed section counts');
  return h as SnapshotHeader;
}

/**
 * Builds the state image back from frames, in the order `snapshotFrames` wrote them. Throws
 * SnapshotRefused at the first thing that is not exactly a snapshot of this gateway's journal.
 */
export class SnapshotDecoder {
  private header: SnapshotHeader | undefined;
  /** Per partition, per level, the chunks read. */
  private readonly columns: Uint8Array[][][];
  private last = 0;
  private readonly image = {
    events: new Map<string, string>(),
    counts: new Map<string, number>(),
    lastSeqs: new Map<string, number>(),
    cases: new Map<string, CaseState>(),
    own: new Map<string, OwnEvent>(),
  };

  constructor(private readonly expect: { readonly region: string; readonly journal: string; readonly partitions: number }) {
    this.columns = Array.from({ length: expect.partitions }, () => []);
  }

  /** The header, once its frame has been read (the shell checks the heads against the journal with it). */
  get head(): SnapshotHeader | undefined {
    return this.header;
  }

  push(kind: number, payload: Uint8Array): void {
    if (kind === FRAME.end) throw new SnapshotRefused('frame', 'the end frame is the shell’s');
    if (kind < this.last) throw new SnapshotRefused('frame', `frame kind ${kind} after kind ${this.last}`);
    if (kind !== FRAME.header && !this.header) throw new SnapshotRefused('frame', 'the first frame is not the header');
    if (kind === FRAME.header && this.header) throw new SnapshotRefused('frame', 'a second header');
    this.last = kind;
    switch (kind) {
      case FRAME.header:
        this.header = checkHeader(this.json(payload), this.expect);
        return;
      case FRAME.tree:
        return this.tree(payload);
      case FRAME.events:
        return this.flat(payload, this.image.events, (v): v is string => typeof v === 'string' && HEX64.test(v));
      case FRAME.counts:
        return this.flat(payload, this.image.counts, isCount);
      case FRAME.lastSeqs:
        return this.flat(payload, this.image.lastSeqs, isCount);
      case FRAME.cases:
        return this.entries(payload, this.image.cases, (v): v is CaseState => typeof v === 'object' && v !== null && typeof (v as CaseState).caseId === 'string');
      case FRAME.own:
        return this.entries(payload, this.image.own, (v): v is OwnEvent => typeof v === 'object' && v !== null && typeof (v as OwnEvent).answer?.kind === 'string');
      default:
        throw new SnapshotRefused('frame', `unknown frame kind ${kind}`);
    }
  }

  /** The image, once every frame has been pushed and counted. */
  finish(): LoadedImage {
    const h = this.header;
    if (!h) throw new SnapshotRefused('header', 'no header');
    for (const s of SECTIONS) {
      const size = this.image[s].size;
      if (size !== h.counts[s]) throw new SnapshotRefused(s, `${size} ${s} entries, the header says ${h.counts[s]}`);
    }
    const trees = this.columns.map((levels, p) => {
      const tree = MerkleTree.fromColumns(levels.map((parts) => (parts.length === 1 ? parts[0]! : Buffer.concat(parts))));
      if (!tree.ok) throw new SnapshotRefused(`trees[${p}]`, tree.message);
      if (tree.value.size !== h.heads[p]!.next) throw new SnapshotRefused(`trees[${p}]`, `a tree of ${tree.value.size} leaves for a journal partition of ${h.heads[p]!.next} records`);
      return tree.value;
    });
    return {
      heads: h.heads.map((x) => ({ next: x.next, prev: x.prev, inboxNext: x.inboxNext })),
      trees,
      issued: [...h.issued],
      targets: h.targets.map((t) => new Set(t)),
      events: this.image.events,
      caseCounts: this.image.counts,
      cases: this.image.cases,
      lastSeqs: this.image.lastSeqs,
      own: this.image.own,
    };
  }

  private json(payload: Uint8Array): unknown {
    try {
      return JSON.parse(decoder.decode(payload)) as unknown;
    } catch {
      throw new SnapshotRefused('frame', 'a frame is not JSON');
    }
  }

  private tree(payload: Uint8Array): void {
    if (payload.length < 8 || (payload.length - 8) % HASH_SIZE !== 0) throw new SnapshotRefused('trees', 'a malformed tree frame');
    const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    const p = view.getUint32(0);
    const level = view.getUint32(4);
    const levels = this.columns[p];
    if (!levels || (level !== levels.length && level !== levels.length - 1)) throw new SnapshotRefused('trees', `tree frame (partition ${p}, level ${level}) out of order`);
    if (level === levels.length) levels.push([]);
    levels[level]!.push(payload.slice(8));
  }

  private flat<V>(payload: Uint8Array, into: Map<string, V>, valid: (v: unknown) => v is V): void {
    const list = this.json(payload);
    if (!Array.isArray(list) || list.length % 2 !== 0) throw new SnapshotRefused('frame', 'a section chunk is not a list of pairs');
    for (let i = 0; i < list.length; i += 2) {
      const key: unknown = list[i];
      const value: unknown = list[i + 1];
      if (typeof key !== 'string' || !valid(value)) throw new SnapshotRefused('frame', 'a malformed entry');
      into.set(key, value);
    }
  }

  private entries<V>(payload: Uint8Array, into: Map<string, V>, valid: (v: unknown) => v is V): void {
    const list = this.json(payload);
    if (!Array.isArray(list)) throw new SnapshotRefused('frame', 'a section chunk is not a list');
    for (const entry of list as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !valid(entry[1])) throw new SnapshotRefused('frame', 'a malformed entry');
      into.set(entry[0], entry[1]);
    }
  }
}

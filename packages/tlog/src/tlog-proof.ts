/**
 * Offline inclusion proofs (c2sp.org/tlog-proof): `c2sp.org/tlog-proof@v1`, optional
 * `extra <base64>`, `index <n>`, the inclusion proof hashes one base64 per line, a blank line, and
 * the signed checkpoint verbatim.
 */
import { fail, ok, type Result } from '@xr/domain/errors';
import { decodeBase64, encodeBase64, equalBytes, isCount, parseDecimal } from './bytes.js';
import { openCheckpoint, parseCheckpoint, type CheckpointKeys, type OpenedCheckpoint } from './checkpoint.js';
import { HASH_LINE_BYTES, HASH_SIZE, hashOfLine, isHash, isHashLine, nodeHashWithLine } from './hash.js';
import { parseNote } from './note.js';
import { climb, rootFromInclusionProof, verifyInclusion, type InclusionPosition } from './verify.js';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
/** A tree of 2^64 leaves needs 64 hashes; nothing longer is a proof. */
const MAX_PROOF_HASHES = 64;

export interface TlogProof {
  /** Opaque, unauthenticated data for the application (never trust it implicitly). */
  readonly extra?: Uint8Array;
  readonly index: number;
  /** Leaf's sibling first, up to the root's child. */
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim (log signature, cosignatures). */
  readonly checkpoint: string;
}

export function formatTlogProof(p: TlogProof): Result<string> {
  if (!isCount(p.index)) return fail('XR_PROOF_MALFORMED', 'the index is a non-negative safe integer', 'index');
  if (p.proof.length > MAX_PROOF_HASHES) return fail('XR_PROOF_MALFORMED', `at most ${MAX_PROOF_HASHES} proof hashes`, 'proof');
  const bad = p.proof.findIndex((h) => !isHash(h));
  if (bad >= 0) return fail('XR_PROOF_MALFORMED', 'proof hashes are 32 bytes', `proof[${bad}]`);
  if (p.checkpoint === '' || !p.checkpoint.endsWith('\n')) return fail('XR_PROOF_MALFORMED', 'the checkpoint is a signed note ending with a newline', 'checkpoint');
  const lines = [TLOG_PROOF_HEADER, ...(p.extra === undefined ? [] : [`extra ${encodeBase64(p.extra)}`]), `index ${p.index}`, ...p.proof.map(encodeBase64), ''];
  return ok(lines.join('\n') + '\n' + p.checkpoint);
}

export function parseTlogProof(text: string): Result<TlogProof> {
  const lines = text.split('\n');
  let at = 0;
  if (lines[at++] !== TLOG_PROOF_HEADER) return fail('XR_PROOF_MALFORMED', `a tlog proof starts with the line ${TLOG_PROOF_HEADER}`, 'header');
  let extra: Uint8Array | undefined;
  if (lines[at]?.startsWith('extra ')) {
    extra = decodeBase64(lines[at++]!.slice('extra '.length));
    if (!extra) return fail('XR_PROOF_MALFORMED', 'the extra line is `extra <base64>`', 'extra');
  }
  const indexLine = lines[at++];
  const index = indexLine?.startsWith('index ') ? parseDecimal(indexLine.slice('index '.length)) : undefined;
  if (index === undefined) return fail('XR_PROOF_MALFORMED', 'the index line is `index <decimal, no leading zeros>`', 'index');
  const proof: Uint8Array[] = [];
  for (; at < lines.length && lines[at] !== ''; at++) {
    const hash = decodeBase64(lines[at]!);
    if (!hash || !isHash(hash)) return fail('XR_PROOF_MALFORMED', 'each proof line is the base64 of a 32-byte hash', `proof[${proof.length}]`);
    if (proof.length === MAX_PROOF_HASHES) return fail('XR_PROOF_MALFORMED', `at most ${MAX_PROOF_HASHES} proof hashes`, 'proof');
    proof.push(hash);
  }
  if (at >= lines.length) return fail('XR_PROOF_MALFORMED', 'a blank line separates the proof from the checkpoint', 'checkpoint');
  const checkpoint = lines.slice(at + 1).join('\n');
  if (checkpoint === '' || !checkpoint.endsWith('\n')) return fail('XR_PROOF_MALFORMED', 'the checkpoint is a signed note ending with a newline', 'checkpoint');
  return ok({ ...(extra === undefined ? {} : { extra }), index, proof, checkpoint });
}

/**
 * Verifies a tlog proof for a leaf hash the caller computed (step 1 of the spec is the
 * application's): the checkpoint must be signed by a log key (steps 2–3, see `openCheckpoint`),
 * then the inclusion proof must lead to its root (step 4). Witness policy (k of n) is the
 * caller's, from `witnessed`.
 */
export function verifyTlogProof(p: TlogProof, leaf: Uint8Array, keys: CheckpointKeys): Result<OpenedCheckpoint> {
  const opened = openCheckpoint(p.checkpoint, keys);
  if (!opened.ok) return opened;
  const { size, rootHash } = opened.value.checkpoint;
  const included = verifyInclusion(p.index, size, leaf, p.proof, rootHash);
  return included.ok ? opened : included;
}

/**
 * Where a tlog proof leads, before any key is consulted: the checkpoint note it carries (verbatim,
 * unverified) and the root its inclusion proof computes from `leaf` at the tree size that note's
 * body states. `root` is absent, with `problem` saying why, when the note's body is not a
 * checkpoint or the proof does not fit its size. The caller opens the note with its keys and
 * compares sizes and roots (see `verifyTlogProof`, which does both in one step); splitting the two
 * lets the hashing run where no keys are (a worker thread) and the note be verified once per batch.
 */
export interface ProofPath {
  readonly checkpoint: string;
  readonly index: number;
  readonly size?: number;
  readonly root?: Uint8Array;
  readonly problem?: string;
}

/** The path of a tlog proof's text for `leaf`; fails only when the proof itself does not parse. */
export function proofPath(text: string, leaf: Uint8Array): Result<ProofPath> {
  const parsed = parseTlogProof(text);
  if (!parsed.ok) return parsed;
  const { checkpoint, index, proof } = parsed.value;
  const stated = noteSize(checkpoint);
  if (!('size' in stated)) return ok({ checkpoint, index, problem: stated.problem });
  return ok(pathTo(checkpoint, index, stated.size, rootFromInclusionProof(index, stated.size, leaf, proof)));
}

/** Where a proof led at the size its note states: the root it computed, or why it could not. */
function pathTo(checkpoint: string, index: number, size: number, root: Result<Uint8Array>): ProofPath {
  return root.ok ? { checkpoint, index, size, root: root.value } : { checkpoint, index, size, problem: root.message };
}

type NoteSize = { readonly size: number; readonly root: Uint8Array } | { readonly problem: string };

/** The tree size and root a checkpoint note's body states (the note unverified). */
function noteSize(checkpoint: string): NoteSize {
  const note = parseNote(checkpoint);
  const body = note.ok ? parseCheckpoint(note.value.text) : note;
  return body.ok ? { size: body.value.size, root: body.value.rootHash } : { problem: body.message };
}

/**
 * The nodes of one note's tree known to lie on a path to the root its body states, and the sibling
 * that path took from each (its proof line's 44 bytes; none for the root): a slot number per node,
 * by level and index, and every slot's bytes in two growing arrays. No object a node: a whole
 * journal's batches are remembered through an audit, and objects that live that long are what a
 * collector spends its time on.
 */
class KnownNodes {
  /** Per level: node index → slot. */
  readonly levels: Map<number, number>[] = [];
  private hashes = new Uint8Array(64 * HASH_SIZE);
  private ups = new Uint8Array(64 * HASH_LINE_BYTES);
  private hasUp = new Uint8Array(64);
  private used = 0;

  /** The node's slot, or -1. */
  slot(level: number, fn: number): number {
    return this.levels[level]?.get(fn) ?? -1;
  }

  /** Whether the node in `slot` hashes to `hash`. */
  hashIs(slot: number, hash: Uint8Array): boolean {
    const at = slot * HASH_SIZE;
    for (let k = 0; k < HASH_SIZE; k++) if (this.hashes[at + k] !== hash[k]) return false;
    return true;
  }

  /** Whether the node in `slot` went up by the proof line at `bytes[line]` (false for the root). */
  upIs(slot: number, bytes: Uint8Array, line: number): boolean {
    if (this.hasUp[slot] === 0) return false;
    const at = slot * HASH_LINE_BYTES;
    for (let k = 0; k < HASH_LINE_BYTES; k++) if (this.ups[at + k] !== bytes[line + k]) return false;
    return true;
  }

  hasWayUp(slot: number): boolean {
    return this.hasUp[slot] === 1;
  }

  /** Remembers a node: its hash and the line it went up by (`line` -1: it is the root). */
  add(level: number, fn: number, hash: Uint8Array, bytes: Uint8Array, line: number): void {
    const slots = (this.levels[level] ??= new Map());
    let slot = slots.get(fn);
    if (slot === undefined) {
      if (this.used === this.hasUp.length) this.grow();
      slots.set(fn, (slot = this.used++));
    }
    this.hashes.set(hash, slot * HASH_SIZE);
    this.hasUp[slot] = line < 0 ? 0 : 1;
    if (line >= 0) {
      const at = slot * HASH_LINE_BYTES;
      for (let k = 0; k < HASH_LINE_BYTES; k++) this.ups[at + k] = bytes[line + k]!;
    }
  }

  private grow(): void {
    const n = 2 * this.hasUp.length;
    const hashes = new Uint8Array(n * HASH_SIZE);
    hashes.set(this.hashes);
    const ups = new Uint8Array(n * HASH_LINE_BYTES);
    ups.set(this.ups);
    const hasUp = new Uint8Array(n);
    hasUp.set(this.hasUp);
    this.hashes = hashes;
    this.ups = ups;
    this.hasUp = hasUp;
  }
}

/**
 * A proof's hash lines where they sit in some bytes (ASCII base64 text, 44 bytes a line): line k at
 * `bytes[start + k × stride]`. Nothing about them need be checked: each is checked as the canonical
 * base64 of a hash where it is decoded, or found equal to a line that was.
 */
export interface HashLines {
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly stride: number;
  readonly count: number;
}

const PROOF_HEAD = `${TLOG_PROOF_HEADER}\n`;

/**
 * `proofPath` for many proofs that share few notes (a sealed batch: each event's proof carries the
 * batch's note): each note's body is parsed once, and the nodes of proofs that led to the root the
 * note states are remembered, so the next proof through one of them stops hashing there when the
 * rest of its hashes are that node's known way up. A proof's hash lines are read as bytes, checked
 * as canonical base64 and decoded only where it hashes; a line it compares with a known node's way
 * up equals one checked before. The answer is always the one `proofPath` gives (a property test
 * checks it on random trees and corrupted proofs): a known node only says which root the
 * remaining, identical steps would reach. A batch of n events then costs about 2n node hashes
 * instead of n·log₂n. Bounded; the oldest note is forgotten first.
 */
export class ProofPaths {
  private readonly notes = new Map<string, { size: NoteSize; known: KnownNodes }>();

  constructor(private readonly max = 256) {}

  path(text: string, leaf: Uint8Array): Result<ProofPath> {
    // The common shape (no extra line, hash lines of 44 ASCII characters) split here; anything else as `proofPath` reads it.
    const blank = text.indexOf('\n\n');
    if (blank <= PROOF_HEAD.length || !text.startsWith(PROOF_HEAD)) return proofPath(text, leaf);
    const lines = text.slice(PROOF_HEAD.length, blank).split('\n');
    const index = lines[0]!.startsWith('index ') ? parseDecimal(lines[0]!.slice('index '.length)) : undefined;
    if (index === undefined) return proofPath(text, leaf);
    lines.shift();
    const joined = lines.join('');
    if (joined.length !== lines.length * HASH_LINE_BYTES || Buffer.byteLength(joined, 'utf8') !== joined.length) return proofPath(text, leaf);
    const bytes = Buffer.from(joined, 'latin1');
    return this.pathOf(index, { bytes, start: 0, stride: HASH_LINE_BYTES, count: lines.length }, text.slice(blank + 2), leaf, () => text);
  }

  /**
   * `path` of a proof already split by the caller: `text()` is the header line, `index <index>`,
   * the hash `lines`, a blank line and `checkpoint`. `text` is asked for only when the proof is not
   * in the common shape (then `proofPath` reads it).
   */
  pathOf(index: number, lines: HashLines, checkpoint: string, leaf: Uint8Array, text: () => string): Result<ProofPath> {
    const { bytes, start, stride, count } = lines;
    if (count > MAX_PROOF_HASHES || !checkpoint.endsWith('\n') || !isHash(leaf) || !isCount(start) || stride < HASH_LINE_BYTES || (count > 0 && start + (count - 1) * stride + HASH_LINE_BYTES > bytes.length)) return proofPath(text(), leaf);
    const note = this.note(checkpoint);
    if (!('size' in note.size)) return decodeLines(lines) ? ok({ checkpoint, index, problem: note.size.problem }) : proofPath(text(), leaf);
    const size = note.size.size;
    const root = this.root(index, size, leaf, lines, note.known, note.size.root);
    return root === undefined ? proofPath(text(), leaf) : ok(pathTo(checkpoint, index, size, root));
  }

  private note(checkpoint: string): { size: NoteSize; known: KnownNodes } {
    let known = this.notes.get(checkpoint);
    if (!known) {
      this.notes.set(checkpoint, (known = { size: noteSize(checkpoint), known: new KnownNodes() }));
      if (this.notes.size > this.max) this.notes.delete(this.notes.keys().next().value!);
    }
    return known;
  }

  /**
   * `rootFromInclusionProof` over the hash lines, stopping at a known node whose way up the rest
   * of the proof repeats; undefined when a line it needs is not canonical base64 (the proof does
   * not parse).
   */
  private root(index: number, size: number, leaf: Uint8Array, lines: HashLines, known: KnownNodes, stated: Uint8Array): Result<Uint8Array> | undefined {
    const whole = (): Result<Uint8Array> | undefined => {
      const proof = decodeLines(lines);
      return proof && rootFromInclusionProof(index, size, leaf, proof);
    };
    if (!isCount(size) || index >= size) return whole();
    const { bytes, start, stride, count } = lines;
    const at: InclusionPosition = { fn: index, sn: size - 1, level: 0 };
    let r = leaf;
    const trail: Step[] = [];
    for (let i = 0; i < count; i++) {
      if (at.sn === 0) return whole();
      const slot = known.slot(at.level, at.fn);
      if (slot >= 0 && known.hashIs(slot, r) && knownWayUp(known, lines, i, { ...at })) {
        // The nodes hashed on the way here lead to the stated root too (and the lines from here
        // are lines that were checked: the known way up).
        remember(known, trail, bytes);
        return ok(stated);
      }
      const line = start + i * stride;
      if (!isHashLine(bytes, line)) return undefined;
      trail.push({ level: at.level, fn: at.fn, hash: r, line });
      r = nodeHashWithLine(r, bytes, line, climb(at));
    }
    if (at.sn !== 0) return whole();
    if (equalBytes(r, stated)) {
      remember(known, trail, bytes);
      known.add(at.level, at.fn, r, bytes, -1);
    }
    return ok(r);
  }
}

/** A node a proof hashed its way through: where it sat, its hash, and where its proof line is. */
interface Step {
  readonly level: number;
  readonly fn: number;
  readonly hash: Uint8Array;
  readonly line: number;
}

/** The lines decoded, when every one is the canonical base64 of a 32-byte hash; else undefined. */
function decodeLines(lines: HashLines): Uint8Array[] | undefined {
  const out: Uint8Array[] = [];
  for (let k = 0; k < lines.count; k++) {
    const at = lines.start + k * lines.stride;
    if (!isHashLine(lines.bytes, at)) return undefined;
    out.push(hashOfLine(lines.bytes, at));
  }
  return out;
}

function remember(known: KnownNodes, trail: readonly Step[], bytes: Uint8Array): void {
  for (const t of trail) known.add(t.level, t.fn, t.hash, bytes, t.line);
}

/** Whether lines i.. are exactly the known way up from the node at `at` to the root, step for step. */
function knownWayUp(known: KnownNodes, lines: HashLines, i: number, at: InclusionPosition): boolean {
  for (let j = i; ; j++) {
    const slot = known.slot(at.level, at.fn);
    if (slot < 0) return false;
    if (j === lines.count) return at.sn === 0 && !known.hasWayUp(slot);
    if (at.sn === 0 || !known.upIs(slot, lines.bytes, lines.start + j * lines.stride)) return false;
    climb(at);
  }
}

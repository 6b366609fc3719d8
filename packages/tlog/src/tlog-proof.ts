/**
 * Offline inclusion proofs (c2sp.org/tlog-proof): `c2sp.org/tlog-proof@v1`, optional
 * `extra <base64>`, `index <n>`, the inclusion proof hashes one base64 per line, a blank line, and
 * the signed checkpoint verbatim.
 */
import { fail, ok, type Result } from '@xr/domain';
import { decodeBase64, encodeBase64, isCount, parseDecimal } from './bytes.js';
import { openCheckpoint, parseCheckpoint, type CheckpointKeys, type OpenedCheckpoint } from './checkpoint.js';
import { isHash } from './hash.js';
import { parseNote } from './note.js';
import { rootFromInclusionProof, verifyInclusion } from './verify.js';

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
  return pathOf(text, leaf, noteSize);
}

type NoteSize = { readonly size: number } | { readonly problem: string };

/** The tree size a checkpoint note's body states (the note unverified). */
function noteSize(checkpoint: string): NoteSize {
  const note = parseNote(checkpoint);
  const body = note.ok ? parseCheckpoint(note.value.text) : note;
  return body.ok ? { size: body.value.size } : { problem: body.message };
}

function pathOf(text: string, leaf: Uint8Array, sizeOf: (checkpoint: string) => NoteSize): Result<ProofPath> {
  const parsed = parseTlogProof(text);
  if (!parsed.ok) return parsed;
  const { checkpoint, index, proof } = parsed.value;
  const stated = sizeOf(checkpoint);
  if (!('size' in stated)) return ok({ checkpoint, index, problem: stated.problem });
  const root = rootFromInclusionProof(index, stated.size, leaf, proof);
  return ok(root.ok ? { checkpoint, index, size: stated.size, root: root.value } : { checkpoint, index, size: stated.size, problem: root.message });
}

/**
 * `proofPath` for many proofs that share few notes (a sealed batch: each event's proof carries the
 * batch's note): each note's body is parsed once. Bounded; the oldest note is forgotten first.
 */
export class ProofPaths {
  private readonly sizes = new Map<string, NoteSize>();

  constructor(private readonly max = 1_024) {}

  path(text: string, leaf: Uint8Array): Result<ProofPath> {
    return pathOf(text, leaf, (checkpoint) => {
      let known = this.sizes.get(checkpoint);
      if (!known) {
        this.sizes.set(checkpoint, (known = noteSize(checkpoint)));
        if (this.sizes.size > this.max) this.sizes.delete(this.sizes.keys().next().value!);
      }
      return known;
    });
  }
}

/**
 * Signed checkpoints of the journal partitions, pure (docs/WIRE.md, "Merkle tree, checkpoints and
 * cosignatures"): the record a region writes to `<prefix>.checkpoints` (a tlog-witness
 * add-checkpoint body), reading its own records back, the start check that the journal still
 * reproduces what it signed, and a witness's answer turned into a cosigned note.
 */
import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '@xr/domain';
import type { LogRecord, RecordInput } from '@xr/event-log';
import { formatAddCheckpoint, formatCheckpoint, formatNote, openCheckpoint, parseAddCheckpoint, parseNote, signNote, type NoteSigner, type NoteVerifier } from '@xr/tlog';
import { CHECKPOINT_KIND_HEADER, parseJournalOrigin, type CheckpointKind } from '../checkpoint-names.js';
import type { JournalTree } from './state.js';

/** A checkpoint this region signed: the note verbatim and what it says. */
export interface SignedCheckpoint {
  readonly origin: string;
  readonly partition: number;
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** The signed note (checkpoint body, blank line, the region's signature line). */
  readonly note: string;
}

/** The journal no longer reproduces a checkpoint the region signed: the gateway must not start. */
export class CheckpointRollback extends Error {
  readonly code = 'XR_CHECKPOINT_ROLLBACK';
  constructor(
    readonly origin: string,
    readonly signedSize: number,
    readonly journalSize: number,
    why: string,
  ) {
    super(`${origin}: a checkpoint signed at size ${signedSize}, the journal has ${journalSize} records: ${why}; refusing to sign a checkpoint inconsistent with it`);
    this.name = 'CheckpointRollback';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Signs the tree as it stands now under `origin`. */
export function signCheckpoint(tree: JournalTree, origin: string, partition: number, signer: NoteSigner): Result<SignedCheckpoint> {
  const size = tree.size;
  const root = tree.root(size);
  if (!root.ok) return root;
  const body = formatCheckpoint({ origin, size, rootHash: root.value, extensions: [] });
  if (!body.ok) return body;
  const note = signNote(body.value, [signer]);
  if (!note.ok) return note;
  return ok({ origin, partition, size, rootHash: root.value, note: note.value });
}

/** The add-checkpoint body proving `checkpoint` from `old` (0, or a size the tree reached before). */
export function addCheckpointBody(tree: JournalTree, checkpoint: SignedCheckpoint, old: number): Result<string> {
  const proof = tree.consistencyProof(old, checkpoint.size);
  if (!proof.ok) return proof;
  return formatAddCheckpoint({ old, proof: proof.value, checkpoint: checkpoint.note });
}

/** A `<prefix>.checkpoints` record: key the origin, id the hex SHA-256 of the value, its kind in `xr-kind`. */
export function checkpointRecord(kind: CheckpointKind, origin: string, value: string): RecordInput {
  const bytes = encoder.encode(value);
  return { id: createHash('sha256').update(bytes).digest('hex'), key: origin, value: bytes, headers: { [CHECKPOINT_KIND_HEADER]: kind }, partition: 0 };
}

export interface OwnCheckpoint {
  readonly kind: 'checkpoint' | 'cosignature';
  readonly checkpoint: SignedCheckpoint;
  /** Verified signatures of the given witness keys (on a cosignature record). */
  readonly witnessed: readonly { readonly name: string; readonly keyId: number }[];
}

/**
 * A record of the checkpoints topic read back, judged by who signed it (not by its key): ours when
 * one of `log` (the region's keys) signed a checkpoint of one of the region's origins. Undefined
 * for a record that is not ours (another region's, fork evidence); a failure for one that claims to
 * be ours (our origin as its key, or a signature line of one of our keys) but does not open with our
 * keys (someone else wrote it: it proves nothing, and the caller skips and counts it).
 */
export function readOwnCheckpoint(
  record: Pick<LogRecord, 'key' | 'value' | 'headers'>,
  o: { readonly prefix: string; readonly region: string; readonly log: readonly NoteVerifier[]; readonly witnesses?: readonly NoteVerifier[] },
): Result<OwnCheckpoint> | undefined {
  const kind = record.headers[CHECKPOINT_KIND_HEADER];
  if (kind !== 'checkpoint' && kind !== 'cosignature') return undefined;
  const claimsOurs = parseJournalOrigin(o.prefix, record.key)?.region === o.region;
  let note: string | Uint8Array = record.value;
  if (kind === 'checkpoint') {
    const body = parseAddCheckpoint(record.value);
    if (!body.ok) return claimsOurs ? body : undefined;
    note = body.value.checkpoint;
  }
  const opened = openCheckpoint(note, { log: o.log, ...(o.witnesses ? { witnesses: o.witnesses } : {}) });
  if (!opened.ok) return claimsOurs || (opened.code !== 'XR_NOTE_UNVERIFIED' && opened.code !== 'XR_NOTE_MALFORMED') ? opened : undefined;
  const { checkpoint } = opened.value;
  const named = parseJournalOrigin(o.prefix, checkpoint.origin);
  if (!named || named.region !== o.region) return fail('XR_CHECKPOINT_MALFORMED', `a checkpoint signed with our key names origin ${checkpoint.origin}, not one of ${o.region}'s`, 'origin');
  const text = typeof note === 'string' ? note : decoder.decode(note);
  return ok({
    kind,
    checkpoint: { origin: checkpoint.origin, partition: named.partition, size: checkpoint.size, rootHash: checkpoint.rootHash, note: text },
    witnessed: opened.value.witnessed.map((s) => ({ name: s.name, keyId: s.keyId })),
  });
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether the journal (its tree) reproduces a checkpoint the region signed: size within it, same root. */
export function checkReproduces(tree: JournalTree, signed: Pick<SignedCheckpoint, 'origin' | 'size' | 'rootHash'>): CheckpointRollback | undefined {
  if (signed.size > tree.size) return new CheckpointRollback(signed.origin, signed.size, tree.size, 'the journal is shorter than what was signed');
  const root = tree.root(signed.size);
  if (!root.ok || !equal(root.value, signed.rootHash)) return new CheckpointRollback(signed.origin, signed.size, tree.size, `the journal's root at size ${signed.size} is not the signed root`);
  return undefined;
}

/** Largest response body read from a witness. */
export const MAX_WITNESS_RESPONSE = 16 * 1024;

/**
 * A witness's 200 answer (signature lines) added to our checkpoint: the cosigned note, when the
 * witness's key verifies over exactly this checkpoint. Only the log's and that witness's verified
 * signatures are kept.
 */
export function cosignedNote(checkpoint: SignedCheckpoint, response: string, log: readonly NoteVerifier[], witness: NoteVerifier): Result<string> {
  if (response === '' || !response.endsWith('\n')) return fail('XR_COSIGNATURE_INVALID', 'the witness answered no newline-terminated signature lines', 'response');
  const opened = openCheckpoint(checkpoint.note + response, { log, witnesses: [witness], origin: checkpoint.origin });
  if (!opened.ok) return fail('XR_COSIGNATURE_INVALID', `the witness's answer does not verify: ${opened.message}`, 'response');
  if (opened.value.witnessed.length === 0) return fail('XR_COSIGNATURE_INVALID', `no signature of ${witness.name} in the witness's answer`, 'response');
  const parsed = parseNote(checkpoint.note);
  if (!parsed.ok) return parsed;
  return formatNote({ text: parsed.value.text, signatures: [...parsed.value.signatures, ...opened.value.witnessed] });
}

/** A 409 answer's body (`text/x.tlog.size`): the size the witness last cosigned. */
export function parseTlogSize(text: string): number | undefined {
  const m = /^(0|[1-9][0-9]{0,15})\n?$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

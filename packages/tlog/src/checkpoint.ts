/**
 * Checkpoints (c2sp.org/tlog-checkpoint): the note text `<origin>\n<tree size>\n<base64 root>\n`
 * with optional non-empty extension lines, and opening one from a signed note.
 */
import { fail, ok, type Result } from '@xr/domain/errors';
import { decodeBase64, encodeBase64, isCount, parseDecimal } from './bytes.js';
import { isHash } from './hash.js';
import { openNote, type NoteSignature, type NoteVerifier, type OpenedNote } from './note.js';

export interface Checkpoint {
  /** The log's unique name; any non-empty line (a schema-less URL is recommended, not assumed). */
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** Opaque extra lines (discouraged by the spec: monitors cannot audit them). */
  readonly extensions: readonly string[];
}

function isLine(text: string): boolean {
  return text !== '' && !text.includes('\n');
}

export function formatCheckpoint(checkpoint: Checkpoint): Result<string> {
  if (!isLine(checkpoint.origin)) return fail('XR_CHECKPOINT_MALFORMED', 'the origin is one non-empty line', 'origin');
  if (!isCount(checkpoint.size)) return fail('XR_CHECKPOINT_MALFORMED', 'the tree size is a non-negative safe integer', 'size');
  if (!isHash(checkpoint.rootHash)) return fail('XR_CHECKPOINT_MALFORMED', 'the root hash is 32 bytes', 'rootHash');
  const bad = checkpoint.extensions.findIndex((l) => !isLine(l));
  if (bad >= 0) return fail('XR_CHECKPOINT_MALFORMED', 'extension lines are non-empty single lines', `extensions[${bad}]`);
  return ok([checkpoint.origin, String(checkpoint.size), encodeBase64(checkpoint.rootHash), ...checkpoint.extensions].map((l) => `${l}\n`).join(''));
}

/** Parses a checkpoint body (the note text, final newline included). */
export function parseCheckpoint(body: string): Result<Checkpoint> {
  if (!body.endsWith('\n')) return fail('XR_CHECKPOINT_MALFORMED', 'a checkpoint ends with a newline', 'checkpoint');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) return fail('XR_CHECKPOINT_MALFORMED', 'a checkpoint has an origin, a tree size and a root hash line', 'checkpoint');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === '') return fail('XR_CHECKPOINT_MALFORMED', 'the origin line is not empty', 'origin');
  const size = parseDecimal(sizeText);
  if (size === undefined) return fail('XR_CHECKPOINT_MALFORMED', 'the tree size is a decimal with no leading zeros (at most 2^53 − 1 here)', 'size');
  const rootHash = decodeBase64(rootText);
  if (!rootHash || !isHash(rootHash)) return fail('XR_CHECKPOINT_MALFORMED', 'the root hash is the base64 of 32 bytes', 'rootHash');
  const bad = extensions.indexOf('');
  if (bad >= 0) return fail('XR_CHECKPOINT_MALFORMED', 'extension lines are not empty', `extensions[${bad}]`);
  return ok({ origin, size, rootHash, extensions });
}

export interface CheckpointKeys {
  /** The log's keys: one of them must have signed the checkpoint. */
  readonly log: readonly NoteVerifier[];
  /** Witness (cosigner) keys whose signatures are verified too; unknown ones are ignored. */
  readonly witnesses?: readonly NoteVerifier[];
  /** When given, the checkpoint's origin must be this. */
  readonly origin?: string;
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: OpenedNote;
  /** The verified signatures of witness keys: the caller's policy counts them (k of n). */
  readonly witnessed: readonly NoteSignature[];
}

const keyOf = (s: { readonly name: string; readonly keyId: number }): string => `${s.name}+${s.keyId}`;

/**
 * Opens a signed checkpoint: the note must verify (a known key failing rejects it), a log key
 * must be among the verified, its text must be a checkpoint, and the origin must match when given.
 */
export function openCheckpoint(msg: string | Uint8Array, keys: CheckpointKeys): Result<OpenedCheckpoint> {
  const witnesses = keys.witnesses ?? [];
  const note = openNote(msg, [...keys.log, ...witnesses]);
  if (!note.ok) return note;
  const logKeys = new Set(keys.log.map(keyOf));
  if (!note.value.verified.some((s) => logKeys.has(keyOf(s)))) return fail('XR_NOTE_UNVERIFIED', 'no signature of a log key on this checkpoint', 'signatures');
  const checkpoint = parseCheckpoint(note.value.text);
  if (!checkpoint.ok) return checkpoint;
  if (keys.origin !== undefined && checkpoint.value.origin !== keys.origin) return fail('XR_CHECKPOINT_MALFORMED', `checkpoint origin ${checkpoint.value.origin} is not ${keys.origin}`, 'origin');
  const witnessKeys = new Set(witnesses.map(keyOf));
  return ok({ checkpoint: checkpoint.value, note: note.value, witnessed: note.value.verified.filter((s) => witnessKeys.has(keyOf(s))) });
}

/**
 * The tlog-witness `add-checkpoint` request body (c2sp.org/tlog-witness): `old <size>`, up to 63
 * base64 consistency-proof hashes one per line, a blank line, then the signed checkpoint note
 * verbatim. A `<prefix>.checkpoints` record of kind `checkpoint` is exactly this body, so it can be
 * POSTed to any witness as it is.
 */
import { fail, ok, type Result } from '@xr/domain/errors';
import { decodeBase64, encodeBase64, isCount, parseDecimal } from './bytes.js';
import { isHash } from './hash.js';

/** The spec's limit on consistency-proof lines in one request. */
export const MAX_ADD_CHECKPOINT_PROOF = 63;

export interface AddCheckpoint {
  /** The size of the checkpoint the proof starts from (the witness's last cosigned size); 0 for none. */
  readonly old: number;
  /** Consistency proof from `old` to the checkpoint's size (empty when `old` is 0 or equal). */
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim, ending with a newline. */
  readonly checkpoint: string;
}

export function formatAddCheckpoint(body: AddCheckpoint): Result<string> {
  if (!isCount(body.old)) return fail('XR_PROOF_MALFORMED', 'old is a non-negative safe integer', 'old');
  if (body.proof.length > MAX_ADD_CHECKPOINT_PROOF) return fail('XR_PROOF_MALFORMED', `at most ${MAX_ADD_CHECKPOINT_PROOF} proof hashes`, 'proof');
  const bad = body.proof.findIndex((h) => !isHash(h));
  if (bad >= 0) return fail('XR_PROOF_MALFORMED', 'proof hashes are 32 bytes', `proof[${bad}]`);
  if (body.checkpoint === '' || !body.checkpoint.endsWith('\n')) return fail('XR_NOTE_MALFORMED', 'the checkpoint is a signed note ending with a newline', 'checkpoint');
  return ok([`old ${body.old}`, ...body.proof.map(encodeBase64), ''].join('\n') + '\n' + body.checkpoint);
}

/** Parses a request body (text or UTF-8 bytes). Only the framing is checked: open the note with `openCheckpoint`. */
export function parseAddCheckpoint(input: string | Uint8Array): Result<AddCheckpoint> {
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return fail('XR_NOTE_MALFORMED', 'the body is not UTF-8', 'body');
  }
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const old = first.startsWith('old ') ? parseDecimal(first.slice('old '.length)) : undefined;
  if (old === undefined) return fail('XR_PROOF_MALFORMED', 'the first line is `old <decimal, no leading zeros>`', 'old');
  const proof: Uint8Array[] = [];
  let at = 1;
  for (; at < lines.length && lines[at] !== ''; at++) {
    if (proof.length === MAX_ADD_CHECKPOINT_PROOF) return fail('XR_PROOF_MALFORMED', `at most ${MAX_ADD_CHECKPOINT_PROOF} proof hashes`, 'proof');
    const hash = decodeBase64(lines[at]!);
    if (!hash || !isHash(hash)) return fail('XR_PROOF_MALFORMED', 'each proof line is the base64 of a 32-byte hash', `proof[${proof.length}]`);
    proof.push(hash);
  }
  if (at >= lines.length) return fail('XR_PROOF_MALFORMED', 'a blank line separates the proof from the checkpoint', 'checkpoint');
  const checkpoint = lines.slice(at + 1).join('\n');
  if (checkpoint === '' || !checkpoint.endsWith('\n')) return fail('XR_NOTE_MALFORMED', 'the checkpoint is a signed note ending with a newline', 'checkpoint');
  return ok({ old, proof, checkpoint });
}

/**
 * A bridge over checkpoints a witness could not cosign. When a partner's checkpoint is refused (its
 * key not valid at that moment, the partner suspended, the registry behind), the next checkpoint's
 * `old` is the refused one's size, not the witness's: without help it could never cosign that
 * origin again. The bridge is the newest checkpoint proven consistent with the cosigned one by a
 * chain of the records' own proofs. Its signature does not matter: a consistency proof is
 * arithmetic, so a checkpoint consistent with the bridge is consistent with what was cosigned.
 */
import { parseAddCheckpoint, parseCheckpoint, parseNote, verifyConsistency } from '@xr/tlog';
import type { OriginState } from './state.js';

export interface Bridge {
  readonly size: number;
  readonly root: Uint8Array;
}

/** The new bridge when `body` extends `bridge` (or, without one, the cosigned checkpoint) by a proof that verifies. */
export function extendBridge(body: string | Uint8Array, origin: string, state: OriginState | undefined, bridge: Bridge | undefined): Bridge | undefined {
  const base = bridge ?? (state ? { size: state.latest.size, root: state.latest.root } : undefined);
  if (!base) return undefined;
  const parsed = parseAddCheckpoint(body);
  if (!parsed.ok || parsed.value.old !== base.size) return undefined;
  const note = parseNote(parsed.value.checkpoint);
  const checkpoint = note.ok ? parseCheckpoint(note.value.text) : note;
  if (!checkpoint.ok || checkpoint.value.origin !== origin || checkpoint.value.size <= base.size) return undefined;
  if (!verifyConsistency(base.size, checkpoint.value.size, base.root, checkpoint.value.rootHash, parsed.value.proof).ok) return undefined;
  return { size: checkpoint.value.size, root: checkpoint.value.rootHash };
}

/**
 * True when a checkpoint record needs no judgment: it is no larger than the cosigned checkpoint
 * and, if its size is remembered, has the root that was cosigned (the judge would skip it: stale,
 * or the same checkpoint again). Parses only, verifies no signature: a follower re-reading the
 * topic at start pays no Ed25519 check per old record, and writes no second cosignature of one.
 */
export function isSettled(body: string | Uint8Array, origin: string, state: OriginState | undefined): boolean {
  if (!state) return false;
  const parsed = parseAddCheckpoint(body);
  const note = parsed.ok ? parseNote(parsed.value.checkpoint) : parsed;
  const checkpoint = note.ok ? parseCheckpoint(note.value.text) : note;
  if (!checkpoint.ok || checkpoint.value.origin !== origin || checkpoint.value.size > state.latest.size) return false;
  const known = state.recent.get(checkpoint.value.size);
  return !known || Buffer.from(known.root).equals(checkpoint.value.rootHash);
}

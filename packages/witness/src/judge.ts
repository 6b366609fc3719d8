/**
 * The witness's pure judge (c2sp.org/tlog-witness `add-checkpoint`): given what it last cosigned
 * for an origin, an add-checkpoint body, the log's trusted keys and the time, it either cosigns
 * (tlog-cosignature v1, type 0x04) and returns the new state, or answers the spec's status. No I/O:
 * the caller persists a cosignature before it counts (see `Witness`).
 */
import type { KeyObject } from 'node:crypto';
import type { XrErrorCode } from '@xr/domain';
import {
  cosignatureSigner,
  emptyRoot,
  openCheckpoint,
  parseAddCheckpoint,
  parseCheckpoint,
  parseNote,
  signNote,
  verifyConsistency,
  type AddCheckpoint,
  type Checkpoint,
  type NoteVerifier,
  type OpenedCheckpoint,
} from '@xr/tlog';
import type { Bridge } from './bridge.js';
import { remember, rootAt, type Cosigned, type OriginState } from './state.js';

export interface WitnessIdentity {
  /** The witness key name, `witnessKeyName(prefix, region)`. */
  readonly name: string;
  /** The region's Ed25519 signing key. */
  readonly privateKey: KeyObject;
}

export interface JudgeInput {
  /** The request body (or a `checkpoint` record's value). */
  readonly body: string | Uint8Array;
  /** What this witness last cosigned for an origin (undefined: never). */
  readonly state: (origin: string) => OriginState | undefined;
  /** The log's trusted checkpoint verifiers for an origin; undefined when it is not an origin we witness. */
  readonly verifiers: (origin: string) => readonly NoteVerifier[] | undefined;
  readonly witness: WitnessIdentity;
  /** Unix seconds, the cosignature's timestamp (never 0). */
  readonly now: number;
  /**
   * Trust on first use (the topic follower): with nothing cosigned yet for the origin, a checkpoint
   * whose `old` is not 0 is judged as a first one (its proof ignored) instead of answered 409.
   */
  readonly firstUse?: boolean;
  /**
   * The topic follower: a checkpoint newer than the cosigned one and proven consistent with it (see
   * `extendBridge`); a request whose `old` is the bridge's size is checked against the bridge.
   */
  readonly bridge?: (origin: string) => Bridge | undefined;
}

export interface CosignVerdict {
  readonly status: 200;
  readonly origin: string;
  readonly checkpoint: Checkpoint;
  /** The cosignature line (`— <name> <base64>\n`): the HTTP response body. */
  readonly cosignature: string;
  /** The log's verified signatures and then the cosignature: the `cosignature` record's value. */
  readonly note: string;
  /** The origin's state once this cosignature is persisted. */
  readonly state: OriginState;
}

/** A checkpoint conflicting with one this witness cosigned: kept as evidence, never cosigned. */
export interface ForkEvidence {
  readonly code: 'XR_CHECKPOINT_FORK' | 'XR_PROOF_INVALID';
  /** The note this witness had cosigned. */
  readonly cosigned: string;
}

export type RefusalVerdict =
  | { readonly status: 400; readonly code: XrErrorCode; readonly message: string; readonly origin?: string }
  | { readonly status: 403 | 404; readonly code: XrErrorCode; readonly message: string; readonly origin: string }
  | { readonly status: 409; readonly code: 'XR_CHECKPOINT_STALE'; readonly message: string; readonly origin: string; readonly size: number; readonly checkpoint: Checkpoint; readonly fork?: ForkEvidence }
  | { readonly status: 422; readonly code: XrErrorCode; readonly message: string; readonly origin: string; readonly checkpoint: Checkpoint; readonly fork?: ForkEvidence };

export type Verdict = CosignVerdict | RefusalVerdict;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function judge(input: JudgeInput): Verdict {
  const body = parseAddCheckpoint(input.body);
  if (!body.ok) return { status: 400, code: body.code, message: body.message };
  const note = parseNote(body.value.checkpoint);
  if (!note.ok) return { status: 400, code: note.code, message: note.message };
  const parsed = parseCheckpoint(note.value.text);
  if (!parsed.ok) return { status: 400, code: parsed.code, message: parsed.message };
  const origin = parsed.value.origin;
  const verifiers = input.verifiers(origin);
  if (!verifiers) return { status: 404, code: 'XR_CHECKPOINT_ORIGIN_UNKNOWN', message: `this witness does not witness origin ${origin}`, origin };
  const opened = openCheckpoint(body.value.checkpoint, { log: verifiers, origin });
  if (!opened.ok) return { status: 403, code: 'XR_CHECKPOINT_SIGNATURE_INVALID', message: `no valid signature of a trusted key for ${origin}: ${opened.message}`, origin };
  const checkpoint = opened.value.checkpoint;
  if (body.value.old > checkpoint.size) return { status: 400, code: 'XR_PROOF_MALFORMED', message: `old size ${body.value.old} is larger than the checkpoint size ${checkpoint.size}`, origin };
  const state = input.state(origin);
  const request: AddCheckpoint = !state && input.firstUse && body.value.old > 0 ? { ...body.value, old: 0, proof: [] } : body.value;
  const held = state?.latest.size ?? 0;
  const bridge = state ? input.bridge?.(origin) : undefined;
  const base = bridge && bridge.size > held && request.old === bridge.size && checkpoint.size >= bridge.size ? bridge : undefined;
  if (base) {
    const consistent = verifyConsistency(base.size, checkpoint.size, base.root, checkpoint.rootHash, request.proof);
    if (!consistent.ok) return { status: 422, code: 'XR_PROOF_INVALID', message: `the consistency proof from ${base.size} to ${checkpoint.size} of ${origin} does not verify: ${consistent.message}`, origin, checkpoint };
    return cosign(input, verifiers, opened.value, state);
  }
  if (request.old !== held) {
    const known = state ? rootAt(state, checkpoint.size) : undefined;
    const fork = known && !sameBytes(known.root, checkpoint.rootHash) ? { code: 'XR_CHECKPOINT_FORK' as const, cosigned: known.note } : undefined;
    return { status: 409, code: 'XR_CHECKPOINT_STALE', message: `old size ${request.old} is not ${held}, the size last cosigned for ${origin}`, origin, size: held, checkpoint, ...(fork ? { fork } : {}) };
  }
  if (checkpoint.size === 0 && !sameBytes(checkpoint.rootHash, emptyRoot())) return { status: 422, code: 'XR_PROOF_INVALID', message: 'a checkpoint of size 0 has the empty tree root', origin, checkpoint };
  if (request.old === 0 && request.proof.length > 0) return { status: 422, code: 'XR_PROOF_INVALID', message: 'the proof from old size 0 is empty', origin, checkpoint };
  if (state && request.old > 0) {
    const consistent = verifyConsistency(request.old, checkpoint.size, state.latest.root, checkpoint.rootHash, request.proof);
    if (!consistent.ok) {
      const code = request.old === checkpoint.size ? 'XR_CHECKPOINT_FORK' : 'XR_PROOF_INVALID';
      const message = code === 'XR_CHECKPOINT_FORK' ? `size ${checkpoint.size} of ${origin} was cosigned with another root` : `the consistency proof from ${request.old} to ${checkpoint.size} of ${origin} does not verify: ${consistent.message}`;
      return { status: 422, code, message, origin, checkpoint, fork: { code, cosigned: state.latest.note } };
    }
  }
  return cosign(input, verifiers, opened.value, state);
}

/** The cosignature of an opened checkpoint: the log's verified signatures, then the witness line. */
function cosign(input: JudgeInput, verifiers: readonly NoteVerifier[], opened: OpenedCheckpoint, state: OriginState | undefined): Verdict {
  const { checkpoint } = opened;
  const origin = checkpoint.origin;
  const signer = cosignatureSigner(input.witness.name, input.witness.privateKey, () => input.now);
  const logKeys = new Set(verifiers.map((v) => `${v.name} ${v.keyId}`));
  const logSignatures = opened.note.verified.filter((s) => logKeys.has(`${s.name} ${s.keyId}`));
  const signed = signNote(opened.note.text, [signer], logSignatures);
  if (!signed.ok) return { status: 400, code: signed.code, message: signed.message, origin };
  const lines = signed.value.split('\n');
  const cosignature = `${lines[lines.length - 2]!}\n`;
  const cosigned: Cosigned = { size: checkpoint.size, root: checkpoint.rootHash, note: signed.value };
  return { status: 200, origin, checkpoint, cosignature, note: signed.value, state: remember(state, cosigned) };
}

/**
 * Sealed batches (docs/WIRE.md, "Sealed batches"): instead of one Ed25519 signature per event, a
 * sender signs one C2SP signed note over the RFC 6962 Merkle root of a batch of its events to one
 * partner, and each event travels with a C2SP tlog-proof (`c2sp.org/tlog-proof@v1`): its index, its
 * inclusion proof and that note. Every event stays verifiable on its own, by the receiver, an
 * auditor or anyone with a C2SP implementation; a batch costs one signature and, for a receiver
 * that has seen its note once, one verification.
 *
 *   note text:  `xr.seal.<source>/<target>\n<batch size>\n<base64 root>\n` (a tlog-checkpoint body)
 *   signature:  Ed25519 (type 0x01) by the source's region key, note key name `xr.seal.<source>`
 *   leaf:       SHA-256(0x00 ‖ the envelope's RFC 8785 bytes), leaves in batch order
 *
 * Like a JWS, a seal names no topic prefix: an event keeps its proof when its records are copied
 * to another environment (an export, a test copy); its envelope's source and target bind it.
 *
 * The key is judged as for a JWS: the key whose note key id matches, at the event's own signed
 * time and the log's timestamp (so a revoked key's seals are refused like its JWSs).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { openVerified, parseKid, readClaim, type SigningKey, type VerificationKey } from '@xr/crypto';
import type { XrErrorCode } from '@xr/domain';
import { ed25519Signer, ed25519Verifier, formatCheckpoint, formatTlogProof, inclusionProof, leafHash, MerkleTree, parseCheckpoint, parseNote, proofPath, signNote, type NoteSigner, type NoteVerifier, type ProofPath } from '@xr/tlog';
import type { Trust, TrustedOpen } from './trust.js';

/** Header carrying an event's seal: its tlog-proof in the sender's sealed batch. */
export const SEAL_HEADER = 'xr-seal';
/** Most events under one note (a larger batch is cut into several). */
export const MAX_SEAL_BATCH = 4096;

/** The fixed first label of seal key names and origins. */
const NS = 'xr';

export function sealKeyName(region: string): string {
  return `${NS}.seal.${region}`;
}

export function sealOrigin(source: string, target: string): string {
  return `${NS}.seal.${source}/${target}`;
}

const encoder = new TextEncoder();

/** What sealing needs of an event: its target and its canonical bytes. */
export interface SealItem {
  readonly target: string;
  readonly bytes: Uint8Array;
}

/** A note this process opened (or made): which key signed it, for which pair, over which root. */
interface OpenedSeal {
  readonly kid: string;
  readonly region: string;
  readonly publicKey: KeyObject;
  readonly target: string;
  readonly size: number;
  readonly root: Uint8Array;
}

/**
 * Notes already verified, by their exact text (signature lines included): the same text verifies
 * the same way with the same key, so a batch's note is verified once. Whether that key may still
 * sign is judged for every event (its time) — the memo says only who signed what. Bounded; memory
 * only, so a restart verifies everything again.
 */
const MAX_NOTES = 4096;
const notes = new Map<string, OpenedSeal>();
let noteVerifications = 0;

function remember(text: string, opened: OpenedSeal): void {
  notes.set(text, opened);
  if (notes.size > MAX_NOTES) notes.delete(notes.keys().next().value!);
}

/** How many seal notes were verified with Ed25519 since start (the rest came from the memo). */
export function sealNoteVerifications(): number {
  return noteVerifications;
}

/** Forgets the verified notes, as a restart does (tests). */
export function forgetSealNotes(): void {
  notes.clear();
}

/** Seals batches of one region's events: one signed note per target per call. */
export class Sealer {
  private readonly signer: NoteSigner;
  private readonly region: string;
  private readonly publicKey: KeyObject;

  constructor(private readonly key: SigningKey) {
    const parsed = parseKid(key.kid);
    if (!parsed) throw new TypeError(`key id ${key.kid} does not name a region`);
    this.region = parsed.region;
    this.publicKey = createPublicKey(key.privateKey);
    this.signer = ed25519Signer(sealKeyName(this.region), key.privateKey);
  }

  /** The seal (a tlog-proof text) of each item, in order; items to one target share a note. */
  seal(items: readonly SealItem[]): string[] {
    const seals = new Array<string>(items.length);
    const byTarget = new Map<string, number[]>();
    items.forEach((item, i) => {
      const list = byTarget.get(item.target);
      if (list) list.push(i);
      else byTarget.set(item.target, [i]);
    });
    for (const [target, all] of byTarget) {
      for (let from = 0; from < all.length; from += MAX_SEAL_BATCH) {
        const indices = all.slice(from, from + MAX_SEAL_BATCH);
        const tree = MerkleTree.fromLeafHashes(indices.map((i) => leafHash(items[i]!.bytes)));
        const root = tree.root();
        if (!root.ok) throw new Error(root.message);
        const body = formatCheckpoint({ origin: sealOrigin(this.region, target), size: indices.length, rootHash: root.value, extensions: [] });
        if (!body.ok) throw new Error(body.message);
        const note = signNote(body.value, [this.signer]);
        if (!note.ok) throw new Error(note.message);
        remember(note.value, { kid: this.key.kid, region: this.region, publicKey: this.publicKey, target, size: indices.length, root: root.value });
        indices.forEach((itemIndex, leaf) => {
          const proof = inclusionProof(tree, leaf, indices.length);
          if (!proof.ok) throw new Error(proof.message);
          const text = formatTlogProof({ index: leaf, proof: proof.value, checkpoint: note.value });
          if (!text.ok) throw new Error(text.message);
          seals[itemIndex] = text.value;
        });
      }
    }
    return seals;
  }
}

/** Note verifiers of region keys, made once per key. */
const verifiers = new WeakMap<KeyObject, Map<string, NoteVerifier>>();
function verifierOf(name: string, key: VerificationKey): NoteVerifier {
  let byName = verifiers.get(key.publicKey);
  if (!byName) verifiers.set(key.publicKey, (byName = new Map<string, NoteVerifier>()));
  let v = byName.get(name);
  if (!v) byName.set(name, (v = ed25519Verifier(name, key.publicKey)));
  return v;
}

type Refusal = { readonly ok: false; readonly code: XrErrorCode; readonly reason: string; readonly field: string; readonly signed: false; readonly claimed?: unknown };

const KEY_NAME = /^xr\.seal\.(\d{6})$/;
const ORIGIN = /^xr\.seal\.(\d{6})\/(\d{6})$/;

/** Verifies a note (or finds it verified before): the signing key among the region's keys, and the origin. */
function openNoteOf(text: string, trust: Pick<Trust, 'regionKeys'>, field: string): OpenedSeal | Omit<Refusal, 'claimed'> {
  const known = notes.get(text);
  if (known) return known;
  const note = parseNote(text);
  if (!note.ok) return { ok: false, code: 'XR_SIGNATURE_MALFORMED', reason: `the seal's note: ${note.message}`, field, signed: false };
  const signature = note.value.signatures.find((s) => KEY_NAME.test(s.name));
  if (!signature) return { ok: false, code: 'XR_SIGNATURE_MALFORMED', reason: "the seal's note has no signature by an xr.seal.<region> key", field, signed: false };
  const region = KEY_NAME.exec(signature.name)![1]!;
  const key = trust.regionKeys(region).find((k) => verifierOf(signature.name, k).keyId === signature.keyId);
  if (!key) return { ok: false, code: 'XR_KEY_UNKNOWN', reason: `no known key of ${region} has note key id ${signature.keyId.toString(16).padStart(8, '0')}`, field, signed: false };
  noteVerifications += 1;
  if (!verifierOf(signature.name, key).verify(encoder.encode(note.value.text), signature.signature)) {
    return { ok: false, code: 'XR_SIGNATURE_INVALID', reason: `the seal's note signature does not verify with ${key.kid}`, field, signed: false };
  }
  const body = parseCheckpoint(note.value.text);
  if (!body.ok) return { ok: false, code: 'XR_SIGNATURE_MALFORMED', reason: `the seal's note: ${body.message}`, field, signed: false };
  const origin = ORIGIN.exec(body.value.origin);
  if (!origin || origin[1] !== region) {
    return { ok: false, code: 'XR_SIGNATURE_INVALID', reason: `the seal's origin ${body.value.origin} is not xr.seal.${region}/<target>`, field, signed: false };
  }
  const opened: OpenedSeal = { kid: key.kid, region, publicKey: key.publicKey, target: origin[2]!, size: body.value.size, root: body.value.rootHash };
  remember(text, opened);
  return opened;
}


/** What a seal check needs of the event the bytes claim to be (unauthenticated until it passes). */
export interface SealClaim {
  readonly time?: unknown;
  readonly target?: unknown;
}

export type SealCheck = { readonly ok: true; readonly kid: string; readonly region: string } | Omit<Refusal, 'claimed'>;

/**
 * Checks a seal over `value` (the event's bytes): the seal parses, its note is signed by a key of
 * the region it names (the `Trust`'s keys, judged at the event's signed time and the log's
 * timestamp), the event is addressed to the note's target, and the inclusion proof leads from the
 * bytes' leaf hash to the note's root. The bytes' form is the caller's (see `openSealed`).
 */
export function checkSeal(value: Uint8Array, seal: string, claimed: SealClaim | undefined, timestamp: number, trust: Pick<Trust, 'keyFor' | 'regionKeys'>, field = `headers.${SEAL_HEADER}`): SealCheck {
  const path = proofPath(seal, leafHash(value));
  if (!path.ok) return { ok: false, code: 'XR_SIGNATURE_MALFORMED', reason: `the seal: ${path.message}`, field, signed: false };
  return judgeSealPath(path.value, claimed, timestamp, trust, field);
}

/**
 * The key half of `checkSeal`, given where the seal's inclusion proof leads from the bytes' leaf
 * hash (`proofPath`, which may have run elsewhere: the auditor hashes on worker threads): the note
 * is opened with the region's keys (once per note text), the key judged at the event's time, then
 * the computed root must be the note's, and the target the event's.
 */
export function judgeSealPath(path: ProofPath, claimed: SealClaim | undefined, timestamp: number, trust: Pick<Trust, 'keyFor' | 'regionKeys'>, field = `headers.${SEAL_HEADER}`): SealCheck {
  const opened = openNoteOf(path.checkpoint, trust, field);
  if (!('kid' in opened)) return opened;
  const time = typeof claimed?.time === 'string' ? claimed.time : '';
  const verdict = trust.keyFor(opened.kid, time, timestamp);
  if (!verdict.ok) return { ok: false, code: verdict.code, reason: verdict.reason, field, signed: false };
  if (!verdict.key.publicKey.equals(opened.publicKey)) return { ok: false, code: 'XR_KEY_UNKNOWN', reason: `${opened.kid} is now another key than the one that sealed this batch`, field, signed: false };
  const problem = path.root === undefined ? (path.problem ?? 'no root') : path.size !== opened.size || !equalRoots(path.root, opened.root) ? 'inclusion proof does not lead to the root' : undefined;
  if (problem !== undefined) return { ok: false, code: 'XR_SIGNATURE_INVALID', reason: `the record is not in the sealed batch: ${problem}`, field, signed: false };
  if (claimed?.target !== opened.target) return { ok: false, code: 'XR_SIGNATURE_INVALID', reason: `sealed for ${opened.target}, but addressed to ${String(claimed?.target)}`, field, signed: false };
  return { ok: true, kid: opened.kid, region: opened.region };
}

function equalRoots(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

/** Opens a sealed record, as `openTrusted` opens a JWS-signed one: `checkSeal`, then the bytes exactly RFC 8785 canonical. */
export function openSealed(value: Uint8Array, seal: string, timestamp: number, trust: Pick<Trust, 'keyFor' | 'regionKeys'>, header = SEAL_HEADER): TrustedOpen {
  const { text, claimed } = readClaim(value);
  const checked = checkSeal(value, seal, claimed as SealClaim | undefined, timestamp, trust, `headers.${header}`);
  if (!checked.ok) return { ...checked, ...(claimed === undefined ? {} : { claimed }) };
  return openVerified(value, checked, text, claimed);
}

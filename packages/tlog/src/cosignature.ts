/**
 * Ed25519 checkpoint cosignatures v1 (c2sp.org/tlog-cosignature, signature type 0x04): the
 * signature is u64 big-endian timestamp ‖ Ed25519 over `cosignature/v1\ntime <t>\n` ‖ checkpoint
 * body. It does not commit to the cosigner's name: use one key per cosigner.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { fail, ok, type Result } from '@xr/domain/errors';
import { assertEd25519, ED25519_SIGNATURE_SIZE, rawPublicKey } from './ed25519.js';
import { noteKeyId } from './note-keys.js';
import type { NoteSignature, NoteSigner, NoteVerifier } from './note.js';

export const SIGNATURE_TYPE_COSIGNATURE_V1 = 0x04;
export const COSIGNATURE_SIZE = 8 + ED25519_SIGNATURE_SIZE;

const encoder = new TextEncoder();

/** The signed message for a checkpoint body (text with its final newline) at `timestamp` (Unix seconds). */
export function cosignatureMessage(body: string | Uint8Array, timestamp: number): Uint8Array {
  const header = encoder.encode(`cosignature/v1\ntime ${timestamp}\n`);
  const text = typeof body === 'string' ? encoder.encode(body) : body;
  return Buffer.concat([header, text]);
}

/** The timestamp of a cosignature (the bytes after the key id), when it is one. */
export function cosignatureTimestamp(signature: Uint8Array | NoteSignature): Result<number> {
  const bytes = signature instanceof Uint8Array ? signature : signature.signature;
  if (bytes.length !== COSIGNATURE_SIZE) return fail('XR_SIGNATURE_MALFORMED', `a cosignature is ${COSIGNATURE_SIZE} bytes, not ${bytes.length}`, 'signature');
  const t = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, false);
  // The spec caps it at 2^63 − 1; we also need it exact as a JavaScript number.
  if (t > BigInt(Number.MAX_SAFE_INTEGER)) return fail('XR_SIGNATURE_MALFORMED', 'cosignature timestamp out of range', 'signature');
  return ok(Number(t));
}

export function cosignatureVerifier(name: string, publicKey: KeyObject): NoteVerifier {
  assertEd25519(publicKey);
  const raw = rawPublicKey(publicKey);
  return {
    name,
    keyId: noteKeyId(name, SIGNATURE_TYPE_COSIGNATURE_V1, raw),
    type: SIGNATURE_TYPE_COSIGNATURE_V1,
    publicKey: raw,
    verify: (text, signature) => {
      const t = cosignatureTimestamp(signature);
      return t.ok && verify(null, cosignatureMessage(text, t.value), publicKey, signature.subarray(8));
    },
  };
}

/** A cosigner; `now` gives Unix seconds (a port: tests and replays inject their clock). */
export function cosignatureSigner(name: string, privateKey: KeyObject, now: () => number): NoteSigner {
  assertEd25519(privateKey);
  return {
    name,
    keyId: noteKeyId(name, SIGNATURE_TYPE_COSIGNATURE_V1, rawPublicKey(privateKey)),
    sign: (text) => {
      const timestamp = now();
      if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError(`cosignature time ${timestamp} is not a non-negative integer of seconds`);
      const stamp = new Uint8Array(8);
      new DataView(stamp.buffer).setBigUint64(0, BigInt(timestamp), false);
      return Buffer.concat([stamp, sign(null, cosignatureMessage(text, timestamp), privateKey)]);
    },
  };
}

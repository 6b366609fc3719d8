/**
 * Signatures this process has just made, so that verifying one of them again costs a hash, not
 * an Ed25519 verification: a gateway signs its own requests into its own inbox, and its pipeline
 * then checks every inbox record, its own included.
 *
 * Sound by construction: an entry is the whole compact JWS (protected header and signature), the
 * SHA-256 of the payload it covers and the public key of the key that signed it. A verification
 * takes the shortcut only when the JWS is byte-identical, the payload hashes the same, and the key
 * the caller's lookup trusts for the header's kid right now is that same public key — exactly the
 * case where Ed25519 verification would succeed. Anything else (a forged or altered record in our
 * inbox, a swapped header, a key no longer trusted or replaced) takes the full verification. The
 * memo lives in memory only: after a restart every record is verified in full.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** Entries kept (oldest dropped first): a record reaches our pipeline milliseconds after intake signs it. */
const MAX_ENTRIES = 8_192;

interface Entry {
  readonly payloadSha256: string;
  readonly publicKey: KeyObject;
}

const entries = new Map<string, Entry>();
const publicKeys = new WeakMap<KeyObject, KeyObject>();
let shortcuts = 0;

function digest(payload: Uint8Array): string {
  return createHash('sha256').update(payload).digest('hex');
}

function publicOf(privateKey: KeyObject): KeyObject {
  let key = publicKeys.get(privateKey);
  if (!key) {
    key = createPublicKey(privateKey);
    publicKeys.set(privateKey, key);
  }
  return key;
}

/** Records a JWS this process made with `privateKey` over `payload`. */
export function rememberOwnSignature(jws: string, payload: Uint8Array, privateKey: KeyObject): void {
  entries.delete(jws);
  entries.set(jws, { payloadSha256: digest(payload), publicKey: publicOf(privateKey) });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** Whether `jws` over `payload` is one this process made with the key whose public half is `publicKey`. */
export function isOwnSignature(jws: string, payload: Uint8Array, publicKey: KeyObject): boolean {
  const entry = entries.get(jws);
  if (!entry || !entry.publicKey.equals(publicKey) || entry.payloadSha256 !== digest(payload)) return false;
  shortcuts += 1;
  return true;
}

/** How many verifications took the shortcut since start (for benchmarks and tests). */
export function ownSignatureShortcuts(): number {
  return shortcuts;
}

/** Forgets every entry, as a restart does (tests). */
export function forgetOwnSignatures(): void {
  entries.clear();
}

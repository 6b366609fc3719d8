/**
 * Ed25519 note keys (signature type 0x01): key ids, signers and verifiers on cached KeyObjects,
 * and the signer key string `PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ seed)>`.
 */
import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { fail, ok, type Result } from '@xr/domain/errors';
import { decodeBase64, encodeBase64 } from './bytes.js';
import { assertEd25519, ED25519_KEY_SIZE, ED25519_SIGNATURE_SIZE, ed25519PrivateKey, rawPrivateSeed, rawPublicKey } from './ed25519.js';
import { isKeyName, keyIdHex, type NoteSigner, type NoteVerifier } from './note.js';

export const SIGNATURE_TYPE_ED25519 = 0x01;

/** Key id = first 4 bytes (big-endian) of SHA-256(name ‖ 0x0A ‖ type ‖ public key). */
export function noteKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const digest = createHash('sha256').update(name, 'utf8').update(new Uint8Array([0x0a, type])).update(publicKey).digest();
  return digest.readUInt32BE(0);
}

export function ed25519Verifier(name: string, publicKey: KeyObject): NoteVerifier {
  assertEd25519(publicKey);
  const raw = rawPublicKey(publicKey);
  return {
    name,
    keyId: noteKeyId(name, SIGNATURE_TYPE_ED25519, raw),
    type: SIGNATURE_TYPE_ED25519,
    publicKey: raw,
    verify: (text, signature) => signature.length === ED25519_SIGNATURE_SIZE && verify(null, text, publicKey, signature),
  };
}

export function ed25519Signer(name: string, privateKey: KeyObject): NoteSigner {
  assertEd25519(privateKey);
  return {
    name,
    keyId: noteKeyId(name, SIGNATURE_TYPE_ED25519, rawPublicKey(privateKey)),
    sign: (text) => sign(null, text, privateKey),
  };
}

const SIGNER_KEY = /^PRIVATE\+KEY\+([^+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/;

/** A signer from its key string; the key id must match the name and the key. */
export function parseSignerKey(signerKey: string): Result<NoteSigner> {
  const m = SIGNER_KEY.exec(signerKey);
  const bytes = m ? decodeBase64(m[3]!) : undefined;
  if (!m || !bytes || !isKeyName(m[1]!) || bytes.length !== 1 + ED25519_KEY_SIZE) {
    return fail('XR_NOTE_KEY_MALFORMED', 'a signer key is PRIVATE+KEY+<name>+<8 hex>+<base64(0x01 ‖ 32-byte seed)>', 'signerKey');
  }
  if (bytes[0] !== SIGNATURE_TYPE_ED25519) return fail('XR_NOTE_KEY_MALFORMED', `signature type 0x${bytes[0]!.toString(16)} is not supported for signer keys`, 'signerKey');
  const signer = ed25519Signer(m[1]!, ed25519PrivateKey(bytes.subarray(1)));
  if (keyIdHex(signer.keyId) !== m[2]) return fail('XR_NOTE_KEY_MALFORMED', 'the key id does not match the name and key', 'signerKey');
  return ok(signer);
}

export function formatSignerKey(name: string, privateKey: KeyObject): string {
  const signer = ed25519Signer(name, privateKey);
  return `PRIVATE+KEY+${name}+${keyIdHex(signer.keyId)}+${encodeBase64(Buffer.concat([Buffer.of(SIGNATURE_TYPE_ED25519), rawPrivateSeed(privateKey)]))}`;
}

/** A new Ed25519 note key: its signer key string and verifier key string. */
export function generateNoteKey(name: string): Result<{ signerKey: string; verifierKey: string }> {
  if (!isKeyName(name)) return fail('XR_NOTE_KEY_MALFORMED', 'a key name is non-empty, with no spaces and no +', 'name');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const verifier = ed25519Verifier(name, publicKey);
  return ok({
    signerKey: formatSignerKey(name, privateKey),
    verifierKey: `${name}+${keyIdHex(verifier.keyId)}+${encodeBase64(Buffer.concat([Buffer.of(SIGNATURE_TYPE_ED25519), verifier.publicKey]))}`,
  });
}

/** Verifier key strings `<name>+<hex key id>+<base64(type ‖ public key)>` (c2sp.org/signed-note). */
import { fail, ok, type Result } from '@xr/domain/errors';
import { decodeBase64, encodeBase64 } from './bytes.js';
import { cosignatureVerifier, SIGNATURE_TYPE_COSIGNATURE_V1 } from './cosignature.js';
import { ED25519_KEY_SIZE, ed25519PublicKey } from './ed25519.js';
import { ed25519Verifier, noteKeyId, SIGNATURE_TYPE_ED25519 } from './note-keys.js';
import { isKeyName, keyIdHex, type NoteVerifier } from './note.js';

const VERIFIER_KEY = /^([^+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/;

/** A verifier from its key string: type 0x01 (Ed25519 notes) or 0x04 (Ed25519 cosignatures v1). */
export function parseVerifierKey(verifierKey: string): Result<NoteVerifier> {
  const m = VERIFIER_KEY.exec(verifierKey);
  const bytes = m ? decodeBase64(m[3]!) : undefined;
  if (!m || !bytes || !isKeyName(m[1]!) || bytes.length < 2) return fail('XR_NOTE_KEY_MALFORMED', 'a verifier key is <name>+<8 lowercase hex>+<base64(type ‖ public key)>', 'verifierKey');
  const [name, hex] = [m[1]!, m[2]!];
  if (keyIdHex(noteKeyId(name, bytes[0]!, bytes.subarray(1))) !== hex) return fail('XR_NOTE_KEY_MALFORMED', 'the key id does not match the name and key', 'verifierKey');
  const type = bytes[0]!;
  if (type !== SIGNATURE_TYPE_ED25519 && type !== SIGNATURE_TYPE_COSIGNATURE_V1) return fail('XR_NOTE_KEY_MALFORMED', `signature type 0x${type.toString(16).padStart(2, '0')} is not supported`, 'verifierKey');
  if (bytes.length !== 1 + ED25519_KEY_SIZE) return fail('XR_NOTE_KEY_MALFORMED', 'an Ed25519 public key is 32 bytes', 'verifierKey');
  let key;
  try {
    key = ed25519PublicKey(bytes.subarray(1));
  } catch (cause) {
    return fail('XR_NOTE_KEY_MALFORMED', `not an Ed25519 public key: ${String(cause)}`, 'verifierKey');
  }
  return ok(type === SIGNATURE_TYPE_ED25519 ? ed25519Verifier(name, key) : cosignatureVerifier(name, key));
}

export function formatVerifierKey(verifier: NoteVerifier): string {
  return `${verifier.name}+${keyIdHex(verifier.keyId)}+${encodeBase64(Buffer.concat([Buffer.of(verifier.type), verifier.publicKey]))}`;
}

/**
 * Signed notes (c2sp.org/signed-note): text ending in a newline, a blank line, then one line per
 * signature `— <key name> <base64(key id ‖ signature)>`. Parsing is strict; opening verifies the
 * signatures of known keys, ignores unknown ones and fails when none verifies.
 */
import { fail, ok, type Result } from '@xr/domain/errors';
import { concatBytes, decodeBase64, encodeBase64 } from './bytes.js';

/** We accept up to this many signature lines (the spec asks for at least 16). */
export const MAX_NOTE_SIGNATURES = 100;

export interface NoteSignature {
  readonly name: string;
  /** The 32-bit key id, as an unsigned number. */
  readonly keyId: number;
  /** The signature bytes after the key id (for a cosignature: timestamp ‖ Ed25519 signature). */
  readonly signature: Uint8Array;
}

export interface Note {
  /** The text, including its final newline, without the separating blank line. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  /** Signature type byte (0x01 Ed25519, 0x04 Ed25519 cosignature v1). */
  readonly type: number;
  /** Raw public key, as in the verifier key string after the type byte. */
  readonly publicKey: Uint8Array;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: Uint8Array): Uint8Array;
}

export interface OpenedNote {
  readonly text: string;
  /** Signatures of known keys, each verified (one per key). */
  readonly verified: readonly NoteSignature[];
  /** Signatures of keys we do not know, kept but not trusted. */
  readonly unverified: readonly NoteSignature[];
}

const SIGNATURE_PREFIX = '\u2014 ';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Key names are non-empty, with no Unicode space, no `+` and no control character. */
export function isKeyName(name: string): boolean {
  return name !== '' && isWellFormed(name) && !/[\p{White_Space}+\p{Cc}]/u.test(name);
}

function isWellFormed(text: string): boolean {
  return decoder.decode(encoder.encode(text)) === text;
}

/** Well-formed UTF-8 with no control characters but newline. */
function checkEncoding(text: string): boolean {
  return isWellFormed(text) && !/[\u0000-\u0009\u000b-\u001f]/.test(text);
}

function toText(msg: string | Uint8Array): string | undefined {
  if (typeof msg === 'string') return msg;
  try {
    return decoder.decode(msg);
  } catch {
    return undefined;
  }
}

export function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

function keyOf(name: string, keyId: number): string {
  return `${name}+${keyIdHex(keyId)}`;
}

/** Parses a note's syntax; no signature is checked. */
export function parseNote(msg: string | Uint8Array): Result<Note> {
  const text = toText(msg);
  if (text === undefined || !checkEncoding(text)) return fail('XR_NOTE_MALFORMED', 'a note is UTF-8 with no control characters but newline', 'note');
  const split = text.lastIndexOf('\n\n');
  if (split < 0) return fail('XR_NOTE_MALFORMED', 'a note has a blank line before its signatures', 'note');
  const body = text.slice(0, split + 1);
  const block = text.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) return fail('XR_NOTE_MALFORMED', 'a note ends with newline-terminated signature lines', 'signatures');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) return fail('XR_NOTE_MALFORMED', `a note has at most ${MAX_NOTE_SIGNATURES} signatures`, 'signatures');
  const signatures: NoteSignature[] = [];
  for (const [i, line] of lines.entries()) {
    const sig = parseSignatureLine(line);
    if (!sig) return fail('XR_NOTE_MALFORMED', 'a signature line is `— <key name> <base64(key id ‖ signature)>`', `signatures[${i}]`);
    signatures.push(sig);
  }
  return ok({ text: body, signatures });
}

function parseSignatureLine(line: string): NoteSignature | undefined {
  if (!line.startsWith(SIGNATURE_PREFIX)) return undefined;
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) return undefined;
  const name = rest.slice(0, space);
  const bytes = decodeBase64(rest.slice(space + 1));
  if (!isKeyName(name) || !bytes || bytes.length < 5) return undefined;
  const keyId = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
  return { name, keyId, signature: bytes.slice(4) };
}

function formatSignatureLine(sig: NoteSignature): string {
  const id = new Uint8Array(4);
  new DataView(id.buffer).setUint32(0, sig.keyId, false);
  return `${SIGNATURE_PREFIX}${sig.name} ${encodeBase64(concatBytes(id, sig.signature))}\n`;
}

function checkText(text: string): Result<string> {
  if (!text.endsWith('\n') || !checkEncoding(text)) return fail('XR_NOTE_MALFORMED', 'note text ends with a newline and has no control characters but newline', 'text');
  return ok(text);
}

/** The note as text: body, blank line, one line per signature (in the given order). */
export function formatNote(note: Note): Result<string> {
  const text = checkText(note.text);
  if (!text.ok) return text;
  if (note.signatures.length === 0 || note.signatures.length > MAX_NOTE_SIGNATURES) return fail('XR_NOTE_MALFORMED', `a note has 1 to ${MAX_NOTE_SIGNATURES} signatures`, 'signatures');
  for (const [i, sig] of note.signatures.entries()) {
    if (!isKeyName(sig.name) || !Number.isInteger(sig.keyId) || sig.keyId < 0 || sig.keyId > 0xffffffff || sig.signature.length === 0) {
      return fail('XR_NOTE_MALFORMED', 'a signature has a valid key name, a 32-bit key id and bytes', `signatures[${i}]`);
    }
  }
  return ok(`${note.text}\n${note.signatures.map(formatSignatureLine).join('')}`);
}

/**
 * Signs `text` with each signer. Signatures in `keep` (e.g. the log's, on a checkpoint a witness
 * cosigns) come first, except those of a signing key, which are replaced.
 */
export function signNote(text: string, signers: readonly NoteSigner[], keep: readonly NoteSignature[] = []): Result<string> {
  const checked = checkText(text);
  if (!checked.ok) return checked;
  const bad = signers.findIndex((s) => !isKeyName(s.name));
  if (bad >= 0) return fail('XR_NOTE_KEY_MALFORMED', 'a signer has a valid key name', `signers[${bad}]`);
  const bytes = encoder.encode(text);
  const signing = new Set(signers.map((s) => keyOf(s.name, s.keyId)));
  const signatures = [
    ...keep.filter((s) => !signing.has(keyOf(s.name, s.keyId))),
    ...signers.map((s) => ({ name: s.name, keyId: s.keyId, signature: s.sign(bytes) })),
  ];
  return formatNote({ text, signatures });
}

/**
 * Parses a note and checks it against known keys (matched by name and key id). A known key's
 * signature that fails rejects the note; unknown keys are ignored; at least one known signature
 * must verify. Two verifiers with the same name and key id are ambiguous when a signature needs them.
 */
export function openNote(msg: string | Uint8Array, verifiers: readonly NoteVerifier[]): Result<OpenedNote> {
  const parsed = parseNote(msg);
  if (!parsed.ok) return parsed;
  const known = new Map<string, NoteVerifier[]>();
  for (const v of verifiers) {
    const key = keyOf(v.name, v.keyId);
    known.set(key, [...(known.get(key) ?? []), v]);
  }
  const bytes = encoder.encode(parsed.value.text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seenVerified = new Set<string>();
  const seenUnverified = new Set<string>();
  for (const [i, sig] of parsed.value.signatures.entries()) {
    const key = keyOf(sig.name, sig.keyId);
    const candidates = known.get(key);
    if (!candidates) {
      const line = formatSignatureLine(sig);
      if (!seenUnverified.has(line)) {
        seenUnverified.add(line);
        unverified.push(sig);
      }
      continue;
    }
    if (candidates.length > 1) return fail('XR_NOTE_KEY_MALFORMED', `ambiguous key ${key}: two verifiers share its name and id`, 'verifiers');
    if (!candidates[0]!.verify(bytes, sig.signature)) return fail('XR_SIGNATURE_INVALID', `invalid signature for key ${key}`, `signatures[${i}]`);
    if (!seenVerified.has(key)) {
      seenVerified.add(key);
      verified.push(sig);
    }
  }
  if (verified.length === 0) return fail('XR_NOTE_UNVERIFIED', 'no signature of a known key on this note', 'signatures');
  return ok({ text: parsed.value.text, verified, unverified });
}

import { createHash, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatVerifierKey, generateNoteKey, noteKeyId, openNote, parseNote, parseSignerKey, parseVerifierKey, signNote, type NoteVerifier } from '@xr/tlog';

// Vectors from github.com/golang/mod sumdb/note/note_test.go (TestNewVerifier, TestNewSigner,
// TestSign, TestOpen).
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

// Vector from github.com/C2SP/C2SP signed-note.md (Verifier keys, Example).
const FOO_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const FOO_NOTE = 'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

function verifierOf(vkey: string): NoteVerifier {
  const v = parseVerifierKey(vkey);
  if (!v.ok) throw new Error(v.message);
  return v.value;
}
const peter = verifierOf(PETER_VKEY);
const enoch = verifierOf(ENOCH_VKEY);

describe('note keys (golang/mod sumdb/note)', () => {
  it('parses the verifier and signer keys, with matching names and key ids', () => {
    expect(peter).toMatchObject({ name: 'PeterNeumann', keyId: 0xc74f20a3, type: 1 });
    const signer = parseSignerKey(PETER_SKEY);
    expect(signer.ok && { name: signer.value.name, keyId: signer.value.keyId }).toEqual({ name: 'PeterNeumann', keyId: 0xc74f20a3 });
    expect(formatVerifierKey(peter)).toBe(PETER_VKEY);
  });

  it('refuses every substring and every one-byte change of the verifier key', () => {
    const bytes = Buffer.from(PETER_VKEY);
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i + 1; j <= bytes.length; j++) {
        if (i !== 0 || j !== bytes.length) expect(parseVerifierKey(bytes.subarray(i, j).toString()).ok).toBe(false);
      }
    }
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i]!++;
      expect(parseVerifierKey(changed.toString('latin1')).ok, changed.toString('latin1')).toBe(false);
    }
    // Wrong key length and unknown algorithm, each with an adjusted key id.
    expect(parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')).toMatchObject({ ok: false, code: 'XR_NOTE_KEY_MALFORMED' });
    expect(parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toMatchObject({ ok: false, code: 'XR_NOTE_KEY_MALFORMED' });
  });

  it('refuses every substring and every one-byte change of the signer key', () => {
    const bytes = Buffer.from(PETER_SKEY);
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i + 1; j <= bytes.length; j++) {
        if (i !== 0 || j !== bytes.length) expect(parseSignerKey(bytes.subarray(i, j).toString()).ok).toBe(false);
      }
    }
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i]!++;
      expect(parseSignerKey(changed.toString('latin1')).ok).toBe(false);
    }
  });

  it('generates key pairs that sign and verify each other', () => {
    const keys = generateNoteKey('EnochRoot');
    if (!keys.ok) throw new Error(keys.message);
    const signer = parseSignerKey(keys.value.signerKey);
    const verifier = parseVerifierKey(keys.value.verifierKey);
    if (!signer.ok || !verifier.ok) throw new Error('key strings do not parse');
    expect(signer.value.keyId).toBe(verifier.value.keyId);
    const note = signNote('hi\n', [signer.value]);
    expect(note.ok && openNote(note.value, [verifier.value]).ok).toBe(true);
    expect(generateNoteKey('bad name')).toMatchObject({ ok: false, code: 'XR_NOTE_KEY_MALFORMED' });
  });
});

describe('signing (golang/mod TestSign)', () => {
  const signer = parseSignerKey(PETER_SKEY);
  if (!signer.ok) throw new Error(signer.message);

  it('produces the published note byte for byte', () => {
    expect(signNote(TEXT, [signer.value])).toEqual({ ok: true, value: `${TEXT}\n${PETER_SIG}` });
  });

  it('replaces an existing signature of the same key, keeps others first', () => {
    const parsedEnoch = parseNote(`${TEXT}\n${ENOCH_SIG}`);
    if (!parsedEnoch.ok) throw new Error(parsedEnoch.message);
    const stale = { name: 'PeterNeumann', keyId: 0xc74f20a3, signature: Buffer.from('BADSIGN') };
    expect(signNote(TEXT, [signer.value], [...parsedEnoch.value.signatures, stale])).toEqual({ ok: true, value: `${TEXT}\n${ENOCH_SIG}${PETER_SIG}` });
  });

  it('refuses text that is not a note text', () => {
    expect(signNote('abc', [signer.value])).toMatchObject({ ok: false, code: 'XR_NOTE_MALFORMED', field: 'text' });
    expect(signNote('a\tb\n', [signer.value])).toMatchObject({ ok: false, code: 'XR_NOTE_MALFORMED' });
    expect(signNote(TEXT, [{ ...signer.value, name: 'bad name' }])).toMatchObject({ ok: false, code: 'XR_NOTE_KEY_MALFORMED' });
  });
});

describe('opening (golang/mod TestOpen)', () => {
  const both = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;

  it('verifies known keys and keeps unknown ones aside', () => {
    const one = openNote(both, [peter]);
    expect(one.ok && one.value.text).toBe(TEXT);
    expect(one.ok && one.value.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
    expect(one.ok && one.value.unverified.map((s) => [s.name, s.keyId])).toEqual([['EnochRoot', 0xaf0cfe78]]);
    const two = openNote(both, [peter, enoch]);
    expect(two.ok && two.value.verified.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(two.ok && two.value.unverified).toEqual([]);
  });

  it('rejects a note no known key verifies', () => {
    expect(openNote(both, [])).toMatchObject({ ok: false, code: 'XR_NOTE_UNVERIFIED' });
  });

  it('is ambiguous only when a duplicated verifier is needed', () => {
    expect(openNote(`${TEXT}\n${ENOCH_SIG}`, [enoch, peter, enoch])).toMatchObject({ ok: false, code: 'XR_NOTE_KEY_MALFORMED', field: 'verifiers' });
    expect(openNote(`${TEXT}\n${PETER_SIG}`, [enoch, peter, enoch]).ok).toBe(true);
  });

  it('accepts 100 signatures and refuses 101', () => {
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(100)}`, [peter]).ok).toBe(true);
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(101)}`, [peter])).toMatchObject({ ok: false, code: 'XR_NOTE_MALFORMED' });
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(101)}`, [])).toMatchObject({ ok: false, code: 'XR_NOTE_MALFORMED' });
  });

  it('rejects the note when a known key signature fails', () => {
    const bad = `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expect(openNote(bad, [peter])).toMatchObject({ ok: false, code: 'XR_SIGNATURE_INVALID', field: 'signatures[0]' });
  });

  it('keeps each signature once; a bad signature of an unknown key is only unverified', () => {
    const enochABCD = `${ENOCH_SIG.slice(0, 60)}ABCD${ENOCH_SIG.slice(60)}`;
    const n = openNote(`${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${enochABCD}`, [peter]);
    expect(n.ok && n.value.verified.length).toBe(1);
    expect(n.ok && n.value.unverified.length).toBe(2);
  });

  it.each([
    ['text only', TEXT],
    ['no signature lines', `${TEXT}\n`],
    ['signature line without newline', `${TEXT}\n${PETER_SIG.slice(0, -1)}`],
    ['control character', `\x01${TEXT}\n${PETER_SIG}`],
    ['name with a space', `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`],
    ['line after the signatures', `${TEXT}\n${PETER_SIG}Unexpected line.\n`],
  ])('refuses a malformed note: %s', (_, msg) => {
    expect(openNote(msg, [peter])).toMatchObject({ ok: false, code: 'XR_NOTE_MALFORMED' });
  });

  it('refuses bytes that are not UTF-8', () => {
    const msg = Buffer.concat([Buffer.of(0xff), Buffer.from(`${TEXT}\n${PETER_SIG}`)]);
    expect(openNote(msg, [peter])).toMatchObject({ ok: false, code: 'XR_NOTE_MALFORMED' });
    expect(openNote(Buffer.from(`${TEXT}\n${PETER_SIG}`), [peter]).ok).toBe(true);
  });

  it('refuses non-canonical base64 and a signature with no bytes after the key id', () => {
    expect(parseNote(`${TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAN=\n`)).toMatchObject({ ok: false, code: 'XR_NOTE_MALFORMED' });
    expect(parseNote(`${TEXT}\n— PeterNeumann x08gow==\n`)).toMatchObject({ ok: false, code: 'XR_NOTE_MALFORMED', field: 'signatures[0]' });
  });
});

describe('the C2SP signed-note example', () => {
  it('verifies with its verifier key', () => {
    const foo = verifierOf(FOO_VKEY);
    const n = openNote(FOO_NOTE, [foo]);
    expect(n.ok && n.value.text).toBe('This is an example message.\n');
    expect(n.ok && n.value.verified).toHaveLength(1);
  });

  it('splits at the last blank line: the text may have empty lines', () => {
    const poem = 'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';
    const n = parseNote(poem);
    expect(n.ok && n.value.text).toBe('Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n');
    expect(n.ok && n.value.signatures.map((s) => s.name)).toEqual(['quasimodo.example/salvatore']);
  });
});

describe('independent check with raw node:crypto', () => {
  it('the published signature verifies without this package, and the key id is as the spec computes', () => {
    const [name, idHex, keyB64] = FOO_VKEY.split('+') as [string, string, string];
    const typedKey = Buffer.from(keyB64, 'base64');
    expect(typedKey[0]).toBe(0x01);
    const id = createHash('sha256').update(Buffer.concat([Buffer.from(name), Buffer.of(0x0a), typedKey])).digest().subarray(0, 4);
    expect(id.toString('hex')).toBe(idHex);
    const line = FOO_NOTE.split('\n\n')[1]!.trimEnd();
    const sig = Buffer.from(line.split(' ')[2]!, 'base64');
    expect(sig.subarray(0, 4)).toEqual(id);
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: typedKey.subarray(1).toString('base64url') }, format: 'jwk' });
    expect(verify(null, Buffer.from('This is an example message.\n'), key, sig.subarray(4))).toBe(true);
    expect(noteKeyId(name, 0x01, typedKey.subarray(1))).toBe(id.readUInt32BE(0));
  });

  it('a note this package signs verifies with raw node:crypto', () => {
    const signer = parseSignerKey(PETER_SKEY);
    if (!signer.ok) throw new Error(signer.message);
    const note = signNote('hello\n', [signer.value]);
    if (!note.ok) throw new Error(note.message);
    const sig = Buffer.from(note.value.split('\n\n')[1]!.trimEnd().split(' ')[2]!, 'base64');
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(PETER_VKEY.split('+')[2]!, 'base64').subarray(1).toString('base64url') }, format: 'jwk' });
    expect(sig.readUInt32BE(0)).toBe(0xc74f20a3);
    expect(verify(null, Buffer.from('hello\n'), key, sig.subarray(4))).toBe(true);
  });
});

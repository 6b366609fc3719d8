import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  COSIGNATURE_SIZE,
  cosignatureMessage,
  cosignatureSigner,
  cosignatureTimestamp,
  cosignatureVerifier,
  ed25519Signer,
  ed25519Verifier,
  formatVerifierKey,
  noteKeyId,
  openNote,
  parseNote,
  parseVerifierKey,
  rawPublicKey,
  signNote,
} from '@xr/tlog';

// The example of github.com/C2SP/C2SP tlog-cosignature.md (its keys are not published, so the
// signatures are checked for shape, key id, timestamp and message, not verified).
const BODY = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const EXAMPLE = `${BODY}\n— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n`;
// tlog-cosignature.md "Ed25519 signed message" example.
const EXAMPLE_MESSAGE = 'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

describe('tlog-cosignature v1', () => {
  it('reads the spec example: key id, timestamp and the signed message', () => {
    const note = parseNote(EXAMPLE);
    if (!note.ok) throw new Error(note.message);
    const [log, witness] = note.value.signatures;
    expect(log!.signature).toHaveLength(64);
    expect(witness!.name).toBe('witness.example.com/w1');
    expect(witness!.keyId).toBe(0x8d66cf3f);
    expect(witness!.signature).toHaveLength(COSIGNATURE_SIZE);
    const t = cosignatureTimestamp(witness!);
    expect(t).toEqual({ ok: true, value: 1679315147 });
    expect(Buffer.from(cosignatureMessage(BODY, 1679315147)).toString()).toBe(EXAMPLE_MESSAGE);
    expect(cosignatureTimestamp(log!)).toMatchObject({ ok: false, code: 'XR_SIGNATURE_MALFORMED' });
  });

  const witnessKeys = generateKeyPairSync('ed25519');
  const logKeys = generateKeyPairSync('ed25519');
  const witnessSigner = cosignatureSigner('witness.example.com/w1', witnessKeys.privateKey, () => 1679315147);
  const witnessVerifier = cosignatureVerifier('witness.example.com/w1', witnessKeys.publicKey);
  const logSigner = ed25519Signer('example.com/behind-the-sofa', logKeys.privateKey);
  const logVerifier = ed25519Verifier('example.com/behind-the-sofa', logKeys.publicKey);

  it('derives the key id with type 0x04, not 0x01', () => {
    const raw = rawPublicKey(witnessKeys.publicKey);
    expect(witnessVerifier.keyId).toBe(noteKeyId('witness.example.com/w1', 0x04, raw));
    expect(witnessVerifier.keyId).not.toBe(noteKeyId('witness.example.com/w1', 0x01, raw));
    const vkey = formatVerifierKey(witnessVerifier);
    const parsed = parseVerifierKey(vkey);
    expect(parsed.ok && [parsed.value.type, parsed.value.keyId]).toEqual([0x04, witnessVerifier.keyId]);
  });

  it('a witness cosigns a log-signed checkpoint; both verify, the log signature stays first', () => {
    const signed = signNote(BODY, [logSigner]);
    if (!signed.ok) throw new Error(signed.message);
    const parsed = parseNote(signed.value);
    if (!parsed.ok) throw new Error(parsed.message);
    const cosigned = signNote(BODY, [witnessSigner], parsed.value.signatures);
    if (!cosigned.ok) throw new Error(cosigned.message);
    const opened = openNote(cosigned.value, [logVerifier, witnessVerifier]);
    expect(opened.ok && opened.value.verified.map((s) => s.name)).toEqual(['example.com/behind-the-sofa', 'witness.example.com/w1']);
    // A reader that knows only the log ignores the cosignature.
    const logOnly = openNote(cosigned.value, [logVerifier]);
    expect(logOnly.ok && logOnly.value.unverified.map((s) => s.name)).toEqual(['witness.example.com/w1']);
  });

  it('the cosignature verifies with raw node:crypto over the spec message', () => {
    const cosigned = signNote(BODY, [witnessSigner]);
    if (!cosigned.ok) throw new Error(cosigned.message);
    const bytes = Buffer.from(cosigned.value.split('\n\n')[1]!.trimEnd().split(' ')[2]!, 'base64');
    expect(bytes).toHaveLength(4 + 8 + 64);
    expect(bytes.readBigUInt64BE(4)).toBe(1679315147n);
    const pub = createPublicKey(witnessKeys.privateKey);
    expect(verify(null, Buffer.from(EXAMPLE_MESSAGE), pub, bytes.subarray(12))).toBe(true);
  });

  it('a changed timestamp or body fails', () => {
    const cosigned = signNote(BODY, [witnessSigner]);
    if (!cosigned.ok) throw new Error(cosigned.message);
    const sig = parseNote(cosigned.value);
    if (!sig.ok) throw new Error(sig.message);
    const bytes = Uint8Array.from(sig.value.signatures[0]!.signature);
    bytes[7]! ^= 1;
    const enc = new TextEncoder();
    expect(witnessVerifier.verify(enc.encode(BODY), bytes)).toBe(false);
    expect(witnessVerifier.verify(enc.encode(BODY.replace('20852163', '20852164')), sig.value.signatures[0]!.signature)).toBe(false);
    expect(witnessVerifier.verify(enc.encode(BODY), sig.value.signatures[0]!.signature)).toBe(true);
  });
});

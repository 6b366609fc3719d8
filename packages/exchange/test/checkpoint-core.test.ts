/** The pure checkpoint functions: signing a tree, the rollback check, a witness's answer, a 409 size. */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cosignatureSigner, cosignatureVerifier, ed25519Signer, MerkleTree, openCheckpoint, parseAddCheckpoint, signNote, verifyConsistency } from '@xr/tlog';
import { addCheckpointBody, checkpointRecord, checkReproduces, cosignedNote, parseTlogSize, signCheckpoint } from '../src/core/checkpoints.js';
import { journalKeyName, journalVerifier } from '../src/index.js';
import { region } from './fixtures.js';

const r = region('371500');
const signer = ed25519Signer(journalKeyName('t', r.code), r.signer.privateKey);
const verifier = journalVerifier('t', r.code, r.publicJwk);
const origin = 't.journal.371500/0';

function tree(n: number): MerkleTree {
  const t = new MerkleTree();
  for (let i = 0; i < n; i++) t.appendData(new TextEncoder().encode(`record ${i}`));
  return t;
}

describe('checkpoint core', () => {
  it('signs the tree as it stands, and proves it from an older size', () => {
    const t = tree(5);
    const old = signCheckpoint(t, origin, 0, signer);
    t.appendData(new Uint8Array([1]));
    t.appendData(new Uint8Array([2]));
    const now = signCheckpoint(t, origin, 0, signer);
    if (!old.ok || !now.ok) throw new Error('not signed');
    expect(now.value.note.startsWith(`${origin}\n7\n`)).toBe(true);
    const body = addCheckpointBody(t, now.value, old.value.size);
    if (!body.ok) throw new Error(body.message);
    const parsed = parseAddCheckpoint(body.value);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.old).toBe(5);
    expect(openCheckpoint(parsed.value.checkpoint, { log: [verifier], origin }).ok).toBe(true);
    expect(verifyConsistency(5, 7, old.value.rootHash, now.value.rootHash, parsed.value.proof).ok).toBe(true);
    // A size the tree never had cannot be proved from.
    expect(addCheckpointBody(t, now.value, 9).ok).toBe(false);
    const record = checkpointRecord('checkpoint', origin, body.value);
    expect(record).toMatchObject({ key: origin, headers: { 'xr-kind': 'checkpoint' }, partition: 0 });
    expect(record.id).toBe(createHash('sha256').update(body.value).digest('hex'));
  });

  it('refuses a journal shorter than a signed size, or with another root there', () => {
    const signed = signCheckpoint(tree(4), origin, 0, signer);
    if (!signed.ok) throw new Error('not signed');
    expect(checkReproduces(tree(4), signed.value)).toBeUndefined();
    expect(checkReproduces(tree(9), signed.value)).toBeUndefined();
    expect(checkReproduces(tree(3), signed.value)).toMatchObject({ code: 'XR_CHECKPOINT_ROLLBACK', origin, signedSize: 4, journalSize: 3 });
    const other = tree(3);
    other.appendData(new Uint8Array([9]));
    expect(checkReproduces(other, signed.value)?.message).toMatch(/root at size 4 is not the signed root/);
  });

  it('accepts a witness answer only when the witness key signed exactly this checkpoint', () => {
    const signed = signCheckpoint(tree(3), origin, 0, signer);
    if (!signed.ok) throw new Error('not signed');
    const key = generateKeyPairSync('ed25519');
    const w = cosignatureVerifier('w.example', key.publicKey);
    const text = signed.value.note.slice(0, signed.value.note.indexOf('\n\n') + 1);
    const line = (body: string, k = key.privateKey) => {
      const note = signNote(body, [cosignatureSigner('w.example', k, () => 1_700_000_000)]);
      if (!note.ok) throw new Error(note.message);
      return note.value.slice(body.length + 1);
    };
    const good = cosignedNote(signed.value, line(text), [verifier], w);
    expect(good.ok && openCheckpoint(good.value, { log: [verifier], witnesses: [w] }).ok).toBe(true);
    expect(good.ok && good.value.split('\n').filter((l) => l.startsWith('—'))).toHaveLength(2);
    // Over another checkpoint, by another key, empty, garbage, with an unknown extra line.
    expect(cosignedNote(signed.value, line(text.replace('\n3\n', '\n4\n')), [verifier], w)).toMatchObject({ ok: false, code: 'XR_COSIGNATURE_INVALID' });
    expect(cosignedNote(signed.value, line(text, generateKeyPairSync('ed25519').privateKey), [verifier], w)).toMatchObject({ ok: false, code: 'XR_COSIGNATURE_INVALID' });
    expect(cosignedNote(signed.value, '', [verifier], w).ok).toBe(false);
    expect(cosignedNote(signed.value, 'hello\n', [verifier], w).ok).toBe(false);
    const extra = cosignedNote(signed.value, line(text) + '— someone.else AAAAAAAA\n', [verifier], w);
    expect(extra.ok && extra.value.includes('someone.else')).toBe(false);
  });

  it('reads a 409 size strictly', () => {
    expect(parseTlogSize('12\n')).toBe(12);
    expect(parseTlogSize('0')).toBe(0);
    for (const bad of ['', '012', '-1', ' 5', '5 ', '1e3', '99999999999999999', 'five']) expect(parseTlogSize(bad)).toBeUndefined();
  });
});

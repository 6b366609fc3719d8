import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleTree, ed25519Signer, ed25519Verifier, formatAddCheckpoint, formatCheckpoint, openCheckpoint, parseAddCheckpoint, signNote, verifyConsistency } from '@xr/tlog';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signer = ed25519Signer('xr.journal.371500', privateKey);
const verifier = ed25519Verifier('xr.journal.371500', publicKey);

function signedAt(tree: MerkleTree, size: number): string {
  const root = tree.root(size);
  if (!root.ok) throw new Error(root.message);
  const body = formatCheckpoint({ origin: 'xr.journal.371500/0', size, rootHash: root.value, extensions: [] });
  if (!body.ok) throw new Error(body.message);
  const note = signNote(body.value, [signer]);
  if (!note.ok) throw new Error(note.message);
  return note.value;
}

describe('tlog-witness add-checkpoint body', () => {
  const tree = new MerkleTree();
  for (let i = 0; i < 13; i++) tree.appendData(new TextEncoder().encode(`record ${i}`));

  it('round-trips a body with a consistency proof, which then verifies against both checkpoints', () => {
    const proof = tree.consistencyProof(5, 13);
    if (!proof.ok) throw new Error(proof.message);
    const text = formatAddCheckpoint({ old: 5, proof: proof.value, checkpoint: signedAt(tree, 13) });
    if (!text.ok) throw new Error(text.message);
    expect(text.value.startsWith('old 5\n')).toBe(true);
    expect(text.value).toContain('\n\nxr.journal.371500/0\n13\n');
    const parsed = parseAddCheckpoint(new TextEncoder().encode(text.value));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.old).toBe(5);
    const opened = openCheckpoint(parsed.value.checkpoint, { log: [verifier] });
    if (!opened.ok) throw new Error(opened.message);
    const oldRoot = tree.root(5);
    expect(oldRoot.ok && verifyConsistency(5, 13, oldRoot.value, opened.value.checkpoint.rootHash, parsed.value.proof).ok).toBe(true);
  });

  it('has no proof lines from old 0', () => {
    const text = formatAddCheckpoint({ old: 0, proof: [], checkpoint: signedAt(tree, 3) });
    expect(text.ok && text.value.startsWith('old 0\n\nxr.journal.371500/0\n3\n')).toBe(true);
  });

  it.each([
    ['no old line', (t: string) => t.replace('old 5\n', ''), 'old'],
    ['leading zero', (t: string) => t.replace('old 5', 'old 05'), 'old'],
    ['a proof line that is not a hash', (t: string) => t.replace(/^old 5\n[^\n]+/, 'old 5\nAAAA'), 'proof[0]'],
    ['no blank line (the origin is read as a proof line)', (t: string) => t.replace('\n\n', '\n'), 'proof[5]'],
    ['no checkpoint', (t: string) => t.slice(0, t.indexOf('\n\n') + 2), 'checkpoint'],
  ])('refuses %s, naming the field', (_, mutate, field) => {
    const proof = tree.consistencyProof(5, 13);
    const text = proof.ok && formatAddCheckpoint({ old: 5, proof: proof.value, checkpoint: signedAt(tree, 13) });
    if (!text || !text.ok) throw new Error('setup');
    const parsed = parseAddCheckpoint(mutate(text.value));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.field).toBe(field);
  });

  it('refuses more than 63 proof lines and bytes that are not UTF-8', () => {
    const hash = Buffer.alloc(32).toString('base64');
    expect(parseAddCheckpoint(`old 1\n${Array(64).fill(hash).join('\n')}\n\nx\n`)).toMatchObject({ ok: false, field: 'proof' });
    expect(parseAddCheckpoint(new Uint8Array([0x6f, 0x6c, 0x64, 0xff]))).toMatchObject({ ok: false, field: 'body' });
  });
});

import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../src/bytes.js';
import { hashOfLine, isHashLine } from '../src/hash.js';
import { MerkleTree, cosignatureSigner, cosignatureVerifier, ed25519Signer, ed25519Verifier, formatCheckpoint, formatTlogProof, parseTlogProof, proofPath, ProofPaths, signNote, verifyTlogProof } from '@xr/tlog';

// The example of github.com/C2SP/C2SP tlog-proof.md (its signatures are elided with [...], so
// only the proof part is checked; the checkpoint is kept verbatim).
const CHECKPOINT = 'example.com/fancylog\n109482\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n\n— example.com/fancylog hI2DJw[...]1roloI=\n— witness1.example mJirIklj[...]qY9v2B/5bg==\n— witness2.example TnKKVHLX[...]xwYwrSjgow==\n— witness3.example S4X82uH5[...]3oEcROGLFQ==\n';
const HASHES = [
  'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=',
  'B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=',
  'EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=',
  'RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=',
  'AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=',
];
const EXTRA = 'YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ';
const EXAMPLE = `c2sp.org/tlog-proof@v1\nextra ${EXTRA}\nindex 73894\n${HASHES.join('\n')}\n\n${CHECKPOINT}`;

describe('tlog-proof', () => {
  it('parses the spec example and formats it back byte for byte', () => {
    const p = parseTlogProof(EXAMPLE);
    if (!p.ok) throw new Error(p.message);
    expect(p.value.index).toBe(73894);
    expect(Buffer.from(p.value.extra!).toString('base64')).toBe(EXTRA);
    expect(p.value.proof.map((h) => Buffer.from(h).toString('base64'))).toEqual(HASHES);
    expect(p.value.checkpoint).toBe(CHECKPOINT);
    expect(formatTlogProof(p.value)).toEqual({ ok: true, value: EXAMPLE });
  });

  it('has no extra line when there is no extra data, and may have no proof hashes', () => {
    const text = `c2sp.org/tlog-proof@v1\nindex 0\n\n${CHECKPOINT}`;
    const p = parseTlogProof(text);
    expect(p.ok && [p.value.extra, p.value.proof.length]).toEqual([undefined, 0]);
    expect(p.ok && formatTlogProof(p.value)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['wrong header', EXAMPLE.replace('@v1', '@v2'), 'header'],
    ['bad extra', EXAMPLE.replace(`extra ${EXTRA}`, 'extra !!'), 'extra'],
    ['leading zero index', EXAMPLE.replace('index 73894', 'index 073894'), 'index'],
    ['missing index', EXAMPLE.replace('index 73894\n', ''), 'index'],
    ['short hash', EXAMPLE.replace(HASHES[2]!, 'AAAA'), 'proof[2]'],
    ['no blank line', `c2sp.org/tlog-proof@v1\nindex 1\n${HASHES[0]}`, 'checkpoint'],
    ['no checkpoint', `c2sp.org/tlog-proof@v1\nindex 1\n${HASHES[0]}\n\n`, 'checkpoint'],
  ])('refuses %s', (_, text, field) => {
    expect(parseTlogProof(text)).toMatchObject({ ok: false, code: 'XR_PROOF_MALFORMED', field });
  });

  it('verifies end to end: log-signed, cosigned checkpoint, inclusion of the leaf', () => {
    const tree = new MerkleTree();
    for (let i = 0; i < 21; i++) tree.appendData(Buffer.from(`record ${i}`));
    const root = tree.root();
    const proof = tree.inclusionProof(13);
    if (!root.ok || !proof.ok) throw new Error('tree');
    const body = formatCheckpoint({ origin: 'xr.example/journal/371500', size: 21, rootHash: root.value, extensions: [] });
    if (!body.ok) throw new Error(body.message);
    const log = generateKeyPairSync('ed25519');
    const witness = generateKeyPairSync('ed25519');
    const note = signNote(body.value, [ed25519Signer('xr.example/journal/371500', log.privateKey), cosignatureSigner('witness.example/w1', witness.privateKey, () => 1_750_000_000)]);
    if (!note.ok) throw new Error(note.message);
    const text = formatTlogProof({ index: 13, proof: proof.value, checkpoint: note.value });
    if (!text.ok) throw new Error(text.message);
    const parsed = parseTlogProof(text.value);
    if (!parsed.ok) throw new Error(parsed.message);
    const logKey = ed25519Verifier('xr.example/journal/371500', log.publicKey);
    const witnessKey = cosignatureVerifier('witness.example/w1', witness.publicKey);
    const keys = { log: [logKey], witnesses: [witnessKey], origin: 'xr.example/journal/371500' };
    const leaf = tree.hashAt(0, 13);
    const ok = verifyTlogProof(parsed.value, leaf, keys);
    expect(ok.ok && ok.value.note.verified.map((s) => s.name)).toEqual(['xr.example/journal/371500', 'witness.example/w1']);
    expect(ok.ok && ok.value.witnessed.map((s) => s.name)).toEqual(['witness.example/w1']);
    expect(verifyTlogProof({ ...parsed.value, index: 12 }, leaf, keys)).toMatchObject({ ok: false, code: 'XR_PROOF_INVALID' });
    expect(verifyTlogProof(parsed.value, tree.hashAt(0, 12), keys)).toMatchObject({ ok: false, code: 'XR_PROOF_INVALID' });
    // A witness's cosignature alone is not the log's signature.
    expect(verifyTlogProof(parsed.value, leaf, { log: [], witnesses: [witnessKey] })).toMatchObject({ ok: false, code: 'XR_NOTE_UNVERIFIED' });
    expect(verifyTlogProof(parsed.value, leaf, { log: [logKey], origin: 'xr.example/other' })).toMatchObject({ ok: false, field: 'origin' });
  });

  it('proofPath: the root a proof leads to at its note\'s size, before any key; why not, when it cannot', () => {
    const tree = new MerkleTree();
    for (let i = 0; i < 11; i++) tree.appendData(Buffer.from(`event ${i}`));
    const root = tree.root();
    const proof = tree.inclusionProof(6);
    if (!root.ok || !proof.ok) throw new Error('tree');
    const body = formatCheckpoint({ origin: 'xr.seal.371500/370200', size: 11, rootHash: root.value, extensions: [] });
    if (!body.ok) throw new Error(body.message);
    const note = signNote(body.value, [ed25519Signer('xr.seal.371500', generateKeyPairSync('ed25519').privateKey)]);
    if (!note.ok) throw new Error(note.message);
    const text = formatTlogProof({ index: 6, proof: proof.value, checkpoint: note.value });
    if (!text.ok) throw new Error(text.message);
    const path = proofPath(text.value, tree.hashAt(0, 6));
    expect(path.ok && { ...path.value, root: Buffer.from(path.value.root!).toString('hex') }).toEqual({ checkpoint: note.value, index: 6, size: 11, root: Buffer.from(root.value).toString('hex') });
    // Another leaf leads elsewhere: the caller's comparison with the (verified) note's root fails.
    const other = proofPath(text.value, tree.hashAt(0, 5));
    expect(other.ok && Buffer.from(other.value.root!).equals(root.value)).toBe(false);
    // A proof that does not fit the note's size: no root, a reason.
    const short = formatTlogProof({ index: 6, proof: proof.value.slice(1), checkpoint: note.value });
    const shortPath = short.ok ? proofPath(short.value, tree.hashAt(0, 6)) : undefined;
    expect(shortPath?.ok && [shortPath.value.size, shortPath.value.root, shortPath.value.problem]).toEqual([11, undefined, 'inclusion proof is too short']);
    // A note whose body is not a checkpoint: no size, no root, a reason (the keys decide what to report first).
    const notCheckpoint = signNote('hello\n', [ed25519Signer('xr.seal.371500', generateKeyPairSync('ed25519').privateKey)]);
    if (!notCheckpoint.ok) throw new Error(notCheckpoint.message);
    const odd = formatTlogProof({ index: 0, proof: [], checkpoint: notCheckpoint.value });
    const bodyless = odd.ok ? proofPath(odd.value, tree.hashAt(0, 0)) : undefined;
    expect(bodyless).toMatchObject({ ok: true, value: { checkpoint: notCheckpoint.value } });
    expect(bodyless?.ok && [bodyless.value.size, bodyless.value.root, typeof bodyless.value.problem]).toEqual([undefined, undefined, 'string']);
    // Only a proof that does not parse fails.
    expect(proofPath('c2sp.org/tlog-proof@v1\nindex x\n', tree.hashAt(0, 0))).toMatchObject({ ok: false, code: 'XR_PROOF_MALFORMED' });
  });

  it('ProofPaths answers exactly as proofPath, proof after proof, on random trees and corrupted proofs', () => {
    const key = generateKeyPairSync('ed25519').privateKey;
    // A note over a tree of `size` leaves; proofs of its leaves, some with one hash changed, one dropped or one added.
    const batch = fc.integer({ min: 1, max: 70 }).chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.array(fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.constantFrom('intact', 'intact', 'intact', 'flip', 'drop', 'extra', 'leaf', 'base64', 'unpadded', 'extra-line', 'no-blank', 'index', 'long'), fc.nat()), { minLength: 1, maxLength: 60 }),
      ),
    );
    fc.assert(
      fc.property(batch, ([size, picks]) => {
        const tree = new MerkleTree();
        for (let i = 0; i < size; i++) tree.appendData(Buffer.from(`event ${size}/${i}`));
        const root = tree.root();
        if (!root.ok) throw new Error(root.message);
        const body = formatCheckpoint({ origin: 'xr.seal.371500/370200', size, rootHash: root.value, extensions: [] });
        const note = body.ok ? signNote(body.value, [ed25519Signer('xr.seal.371500', key)]) : body;
        if (!note.ok) throw new Error(note.message);
        const memo = new ProofPaths();
        for (const [index, how, n] of picks) {
          const proof = tree.inclusionProof(index, size);
          if (!proof.ok) throw new Error(proof.message);
          let hashes = [...proof.value];
          let leaf = tree.hashAt(0, index);
          if (how === 'flip' && hashes.length > 0) hashes = hashes.map((h, i) => (i === n % hashes.length ? Uint8Array.from(h, (b, j) => (j === 0 ? b ^ 1 : b)) : h));
          if (how === 'drop' && hashes.length > 0) hashes = hashes.filter((_, i) => i !== n % hashes.length);
          if (how === 'extra') hashes = [...hashes, tree.hashAt(0, n % size)];
          if (how === 'leaf') leaf = tree.hashAt(0, (index + 1 + (n % size)) % size);
          if (how === 'long') hashes = Array.from({ length: 65 }, (_, i) => tree.hashAt(0, i % size));
          const formatted = formatTlogProof({ index, proof: hashes.slice(0, how === 'long' ? 64 : undefined), ...(how === 'extra-line' ? { extra: Buffer.from('x') } : {}), checkpoint: note.value });
          if (!formatted.ok) throw new Error(formatted.message);
          // Text-level damage: a hash line that is not canonical base64 (its unused bits set) or has
          // no padding, no blank line before the note, a malformed index, a 65th hash line.
          const lines = formatted.value.split('\n');
          const hashLine = lines.findIndex((l, i) => i > 1 && l.length === 44);
          if (how === 'base64' && hashLine > 0) lines[hashLine] = lines[hashLine]!.slice(0, 42) + 'B=';
          if (how === 'unpadded' && hashLine > 0) lines[hashLine] = lines[hashLine]!.slice(0, 43);
          if (how === 'index') lines[1] = `index 0${index}`;
          if (how === 'long') lines.splice(2, 0, Buffer.from(tree.hashAt(0, 0)).toString('base64'));
          const text = { value: how === 'no-blank' ? lines.join('\n').replace('\n\n', '\n') : lines.join('\n') };
          const plain = proofPath(text.value, leaf);
          const remembered = memo.path(text.value, leaf);
          const shown = (r: typeof plain): unknown => (r.ok ? { ...r.value, root: r.value.root && Buffer.from(r.value.root).toString('hex') } : r);
          expect(shown(remembered)).toEqual(shown(plain));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ProofPaths hashes each node of a batch once: 2n − 1 nodes for n events, where each proof alone hashes log2 n', () => {
    const tree = new MerkleTree();
    const size = 256;
    for (let i = 0; i < size; i++) tree.appendData(Buffer.from(`event ${i}`));
    const root = tree.root();
    if (!root.ok) throw new Error(root.message);
    const body = formatCheckpoint({ origin: 'xr.seal.371500/370200', size, rootHash: root.value, extensions: [] });
    const note = body.ok ? signNote(body.value, [ed25519Signer('xr.seal.371500', generateKeyPairSync('ed25519').privateKey)]) : body;
    if (!note.ok) throw new Error(note.message);
    const memo = new ProofPaths();
    // Counted by wall-clock-free means: how many proofs stop early is seen in how few hashes the
    // remembered ones need, measured as the nodes the memo holds (each computed once).
    for (let index = 0; index < size; index++) {
      const proof = tree.inclusionProof(index, size);
      const text = proof.ok ? formatTlogProof({ index, proof: proof.value, checkpoint: note.value }) : proof;
      if (!text.ok) throw new Error(text.message);
      const got = memo.path(text.value, tree.hashAt(0, index));
      expect(got.ok && Buffer.from(got.value.root!).equals(root.value)).toBe(true);
    }
    const nodes = (memo as unknown as { notes: Map<string, { known: { levels: Map<number, unknown>[] } }> }).notes.get(note.value)!.known.levels.reduce((n, l) => n + l.size, 0);
    expect(nodes).toBe(2 * size - 1);
  });
});

describe('hash lines read as bytes', () => {
  // Any 44 characters, mostly base64 digits, with the characters a damaged or hostile proof line
  // might hold: URL-safe digits, padding in the wrong place, an escape, bytes above 0x7f, and
  // characters Node's base64 decoder would read by their low byte (ń is U+0144: 0x44 is 'D').
  const char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split(''), '-', '_', '=', '\\', ' ', 'ń', 'é', '\u0000', '\u007f');
  const line = fc.oneof(
    fc.array(char, { minLength: 44, maxLength: 44 }).map((c) => c.join('')),
    fc.uint8Array({ minLength: 32, maxLength: 32 }).chain((h) => fc.tuple(fc.constant(Buffer.from(h).toString('base64')), fc.nat(43), char)).map(([b64, at, c]) => b64.slice(0, at) + c + b64.slice(at + 1)),
    fc.uint8Array({ minLength: 32, maxLength: 32 }).map((h) => Buffer.from(h).toString('base64')),
  );

  it('isHashLine accepts exactly the lines decodeBase64 reads as a 32-byte hash, and hashOfLine decodes them as it does', () => {
    fc.assert(
      fc.property(line, fc.nat(5), (text, pad) => {
        const bytes = Buffer.concat([Buffer.alloc(pad, 0x41), Buffer.from(text, 'utf8')]);
        const decoded = decodeBase64(text);
        const expected = decoded !== undefined && decoded.length === 32 && Buffer.byteLength(text) === 44;
        expect(isHashLine(bytes, pad)).toBe(expected);
        if (expected) expect(Buffer.from(hashOfLine(bytes, pad)).equals(Buffer.from(decoded))).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(isHashLine(Buffer.from(HASHES[0]!), 1)).toBe(false); // past the end
  });
});

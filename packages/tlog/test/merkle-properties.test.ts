import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MerkleTree, appendToFrontier, EMPTY_FRONTIER, frontierRoot, leafHash, rootFromLeafHashes, verifyConsistency, verifyInclusion } from '@xr/tlog';

// One tree of 300 leaves serves every property (sizes and indexes are drawn inside it).
const N = 300;
const tree = new MerkleTree();
for (let i = 0; i < N; i++) tree.appendData(Buffer.from(`entry ${i}`));
const rootAt = (size: number): Uint8Array => {
  const r = tree.root(size);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

const flip = (bytes: Uint8Array, bit: number): Uint8Array => {
  const copy = Uint8Array.from(bytes);
  copy[Math.floor(bit / 8)]! ^= 1 << bit % 8;
  return copy;
};

const inclusionCase = fc.integer({ min: 1, max: N }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));
const consistencyCase = fc.integer({ min: 1, max: N }).chain((size2) => fc.tuple(fc.integer({ min: 1, max: size2 }), fc.constant(size2)));

describe('Merkle properties', () => {
  it('every generated inclusion proof verifies; any bit flip in proof, leaf or root fails', () => {
    fc.assert(
      fc.property(inclusionCase, fc.nat(), ([size, index], pick) => {
        const proof = tree.inclusionProof(index, size);
        if (!proof.ok) return false;
        const leaf = tree.hashAt(0, index);
        const root = rootAt(size);
        expect(verifyInclusion(index, size, leaf, proof.value, root).ok).toBe(true);
        const targets = proof.value.length + 2;
        const which = pick % targets;
        const bit = Math.floor(pick / targets) % 256;
        const bad = proof.value.map((h, i) => (i === which ? flip(h, bit) : h));
        const badLeaf = which === proof.value.length ? flip(leaf, bit) : leaf;
        const badRoot = which === proof.value.length + 1 ? flip(root, bit) : root;
        expect(verifyInclusion(index, size, badLeaf, bad, badRoot).ok).toBe(false);
        // Nor does the proof fit another index or size.
        if (size > 1) expect(verifyInclusion((index + 1) % size, size, leaf, proof.value, root).ok).toBe(false);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('every generated consistency proof verifies; any bit flip in proof or roots fails', () => {
    fc.assert(
      fc.property(consistencyCase, fc.nat(), ([size1, size2], pick) => {
        const proof = tree.consistencyProof(size1, size2);
        if (!proof.ok) return false;
        const [root1, root2] = [rootAt(size1), rootAt(size2)];
        expect(verifyConsistency(size1, size2, root1, root2, proof.value).ok).toBe(true);
        const targets = proof.value.length + 2;
        const which = pick % targets;
        const bit = Math.floor(pick / targets) % 256;
        const bad = proof.value.map((h, i) => (i === which ? flip(h, bit) : h));
        const bad1 = which === proof.value.length ? flip(root1, bit) : root1;
        const bad2 = which === proof.value.length + 1 ? flip(root2, bit) : root2;
        expect(verifyConsistency(size1, size2, bad1, bad2, bad).ok).toBe(false);
        if (proof.value.length > 0) expect(verifyConsistency(size1, size2, root1, root2, proof.value.slice(0, -1)).ok).toBe(false);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('the frontier, the stored tree and a one-pass fold agree on every root', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 70 }), (entries) => {
        const hashes = entries.map((e) => leafHash(e));
        const local = MerkleTree.fromLeafHashes(hashes);
        let frontier = EMPTY_FRONTIER;
        for (const h of hashes) frontier = appendToFrontier(frontier, h);
        const r = local.root();
        expect(r.ok && Buffer.from(r.value)).toEqual(Buffer.from(frontierRoot(frontier)));
        expect(Buffer.from(rootFromLeafHashes(hashes))).toEqual(Buffer.from(frontierRoot(frontier)));
        const f = local.frontier();
        expect(f.ok && f.value.hashes.map((h) => Buffer.from(h))).toEqual(frontier.hashes.map((h) => Buffer.from(h)));
      }),
    );
  });

  it('handles sizes past 2^32 in verification arithmetic', () => {
    // A leaf alone at the right edge of a tree of 2^32 + 1 leaves: its proof is one hash, the root of
    // the left 2^32 leaves. 32-bit bit operators would get this wrong.
    const left = leafHash(Buffer.from('left'));
    const leaf = leafHash(Buffer.from('right'));
    const size = 2 ** 32 + 1;
    const root = MerkleTree.fromLeafHashes([left, leaf]).root();
    expect(root.ok && verifyInclusion(size - 1, size, leaf, [left], root.value).ok).toBe(true);
  });
});

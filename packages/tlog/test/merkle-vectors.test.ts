import { describe, expect, it } from 'vitest';
import {
  EMPTY_FRONTIER,
  MerkleTree,
  appendToFrontier,
  checkFrontier,
  emptyRoot,
  frontierRoot,
  leafHash,
  rootFromInclusionProof,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
  type Frontier,
} from '@xr/tlog';
import { CONSISTENCY_VECTORS } from './vectors/merkle-consistency.js';
import { INCLUSION_VECTORS } from './vectors/merkle-inclusion.js';
import { COMPACT_TREES, CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_INPUTS, NODE_HASHES, ROOT_HASHES } from './vectors/merkle-reference.js';

const hex = (h: string): Uint8Array => Buffer.from(h, 'hex');
const b64 = (s: string): Uint8Array => Buffer.from(s, 'base64');
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const leaves = LEAF_INPUTS.map((input) => leafHash(hex(input)));
const tree = MerkleTree.fromLeafHashes(leaves);

describe('RFC 6962 hashing (transparency-dev/merkle testonly/constants.go)', () => {
  it('hashes the reference leaves', () => {
    expect(leaves.map(toHex)).toEqual(NODE_HASHES[0]);
  });

  it('stores every complete subtree hash', () => {
    NODE_HASHES.forEach((level, l) => level.forEach((h, i) => expect(toHex(tree.hashAt(l, i))).toBe(h)));
    expect(() => tree.hashAt(4, 0)).toThrow(RangeError);
  });

  it('has the reference root at every size, from the tree, the frontier and a fold', () => {
    let frontier: Frontier = EMPTY_FRONTIER;
    ROOT_HASHES.forEach((root, size) => {
      const r = tree.root(size);
      expect(r.ok && toHex(r.value)).toBe(root);
      expect(toHex(frontierRoot(frontier))).toBe(root);
      expect(toHex(rootFromLeafHashes(leaves.slice(0, size)))).toBe(root);
      if (size < leaves.length) frontier = appendToFrontier(frontier, leaves[size]!);
    });
    expect(toHex(emptyRoot())).toBe(ROOT_HASHES[0]);
    expect(tree.root(9)).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: 'size' });
  });

  it('keeps the reference compact trees as frontiers', () => {
    let frontier: Frontier = EMPTY_FRONTIER;
    COMPACT_TREES.forEach((nodes, size) => {
      const want = nodes.map(([l, i]) => NODE_HASHES[l]![i]);
      expect(frontier.hashes.map(toHex)).toEqual(want);
      const fromTree = tree.frontier(size);
      expect(fromTree.ok && fromTree.value.hashes.map(toHex)).toEqual(want);
      expect(checkFrontier(frontier).ok).toBe(true);
      if (size < leaves.length) frontier = appendToFrontier(frontier, leaves[size]!);
    });
    expect(checkFrontier({ size: 3, hashes: [leaves[0]!] })).toMatchObject({ ok: false, code: 'XR_PROOF_MALFORMED', field: 'hashes' });
  });
});

describe('proof generation (transparency-dev/merkle cmd/proofgen/main.go)', () => {
  it.each(INCLUSION_PROOFS)('inclusion of leaf $index in a tree of $size', ({ index, size, proof }) => {
    const p = tree.inclusionProof(index, size);
    expect(p.ok && p.value.map(toHex)).toEqual(proof);
    expect(verifyInclusion(index, size, leaves[index]!, proof.map(hex), hex(ROOT_HASHES[size]!))).toEqual({ ok: true, value: true });
  });

  it.each(CONSISTENCY_PROOFS)('consistency from $size1 to $size2', ({ size1, size2, proof }) => {
    const p = tree.consistencyProof(size1, size2);
    expect(p.ok && p.value.map(toHex)).toEqual(proof);
    expect(verifyConsistency(size1, size2, hex(ROOT_HASHES[size1]!), hex(ROOT_HASHES[size2]!), proof.map(hex))).toEqual({ ok: true, value: true });
  });

  it('refuses requests outside the tree as values', () => {
    expect(tree.inclusionProof(8, 8)).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: 'index' });
    expect(tree.inclusionProof(0, 9)).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: 'size' });
    expect(tree.consistencyProof(5, 4)).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: 'from' });
    expect(tree.consistencyProof(0, 8)).toEqual({ ok: true, value: [] });
  });
});

// Where we are stricter than the Go verifier: it accepts equal sizes with equal roots of any
// length; we require every root to be a 32-byte hash (the roots in this file are 15 bytes).
const STRICTER = new Set(['additional/sizes-are-equal-one-and-proof-is-empty.json']);

describe('inclusion probes (transparency-dev/merkle testdata/inclusion)', () => {
  it.each(INCLUSION_VECTORS)('$file', (v) => {
    const result = verifyInclusion(Number(v.leafIdx), v.treeSize, b64(v.leafHash), v.proof.map(b64), b64(v.root));
    expect(result.ok).toBe(!v.wantErr);
    if (!result.ok) expect(['XR_PROOF_INVALID', 'XR_PROOF_MALFORMED']).toContain(result.code);
  });

  it('happy paths are the proofs we generate', () => {
    const happy = INCLUSION_VECTORS.filter((v) => v.file.endsWith('/happy-path.json') && v.treeSize <= 8 && b64(v.root).length === 32 && toHex(b64(v.root)) === ROOT_HASHES[v.treeSize]);
    expect(happy.length).toBeGreaterThanOrEqual(4);
    for (const v of happy) {
      const p = tree.inclusionProof(Number(v.leafIdx), v.treeSize);
      expect(p.ok && p.value.map((h) => Buffer.from(h).toString('base64'))).toEqual(v.proof);
    }
  });

  it('rootFromInclusionProof gives the root of a happy path', () => {
    const v = INCLUSION_VECTORS.find((x) => x.file === '1/happy-path.json')!;
    const r = rootFromInclusionProof(Number(v.leafIdx), v.treeSize, b64(v.leafHash), v.proof.map(b64));
    expect(r.ok && Buffer.from(r.value).toString('base64')).toBe(v.root);
  });
});

describe('consistency probes (transparency-dev/merkle testdata/consistency)', () => {
  it.each(CONSISTENCY_VECTORS)('$file', (v) => {
    const result = verifyConsistency(v.size1, v.size2, b64(v.root1), b64(v.root2), v.proof.map(b64));
    expect(result.ok).toBe(!v.wantErr && !STRICTER.has(v.file));
  });

  it('happy paths are the proofs we generate', () => {
    const happy = CONSISTENCY_VECTORS.filter((v) => v.file.endsWith('/happy-path.json') && v.size2 <= 8);
    expect(happy.length).toBeGreaterThanOrEqual(4);
    for (const v of happy) {
      const p = tree.consistencyProof(v.size1, v.size2);
      expect(p.ok && p.value.map((h) => Buffer.from(h).toString('base64'))).toEqual(v.proof);
    }
  });

  it('from the empty tree: empty proof and the empty root', () => {
    const root8 = hex(ROOT_HASHES[8]!);
    expect(verifyConsistency(0, 8, emptyRoot(), root8, []).ok).toBe(true);
    expect(verifyConsistency(0, 8, root8, root8, [])).toMatchObject({ ok: false, field: 'root1' });
    expect(verifyConsistency(0, 8, emptyRoot(), root8, [root8])).toMatchObject({ ok: false, field: 'proof' });
  });
});

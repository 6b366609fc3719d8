import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MerkleTree } from '@xr/tlog';

const grown = (size: number): MerkleTree => {
  const tree = new MerkleTree();
  for (let i = 0; i < size; i++) tree.appendData(Buffer.from(`entry ${i}`));
  return tree;
};

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('a saved tree (columns / fromColumns)', () => {
  it('loads into a tree with the same roots and proofs at every size, and keeps growing as the original does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 140 }), fc.integer({ min: 0, max: 20 }), (size, more) => {
        const original = grown(size);
        const loaded = value(MerkleTree.fromColumns(original.columns().map((c) => c.slice())));
        expect(loaded.size).toBe(size);
        for (let i = 0; i < more; i++) {
          original.appendData(Buffer.from(`more ${i}`));
          loaded.appendData(Buffer.from(`more ${i}`));
        }
        for (let s = 0; s <= size + more; s++) {
          expect(value(loaded.root(s))).toEqual(value(original.root(s)));
          if (s > 0) expect(value(loaded.consistencyProof(Math.ceil(s / 2), s))).toEqual(value(original.consistencyProof(Math.ceil(s / 2), s)));
          if (s > 0) expect(value(loaded.inclusionProof(s - 1, s))).toEqual(value(original.inclusionProof(s - 1, s)));
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('refuses columns whose shape does not fit a tree', () => {
    const columns = grown(5).columns().map((c) => c.slice());
    expect(MerkleTree.fromColumns([]).ok).toBe(false);
    expect(MerkleTree.fromColumns([columns[0]!.subarray(1)]).ok).toBe(false);
    expect(MerkleTree.fromColumns(columns.slice(0, 2)).ok).toBe(false);
    expect(MerkleTree.fromColumns([columns[0]!, columns[1]!.subarray(32), columns[2]!]).ok).toBe(false);
    expect(MerkleTree.fromColumns([...columns, new Uint8Array(0)]).ok).toBe(false);
    const bad = MerkleTree.fromColumns(columns.slice(0, 2));
    expect(bad.ok || bad.code).toBe('XR_PROOF_MALFORMED');
  });
});

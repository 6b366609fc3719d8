/**
 * Proof verification, as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) write it.
 * Sizes are safe integers and every hash must be 32 bytes; a failure is a value with a code.
 * Bit operations are written as arithmetic: sizes go past 2^32.
 */
import { fail, ok, type Result } from '@xr/domain/errors';
import { equalBytes, isCount } from './bytes.js';
import { emptyRoot, isHash, nodeHash } from './hash.js';

type Failure = ReturnType<typeof fail>;

const odd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function checkHashes(proof: readonly Uint8Array[], hashes: Record<string, Uint8Array>): Failure | undefined {
  for (const [field, hash] of Object.entries(hashes)) if (!isHash(hash)) return fail('XR_PROOF_MALFORMED', `${field} must be a 32-byte hash`, field);
  const bad = proof.findIndex((h) => !isHash(h));
  return bad >= 0 ? fail('XR_PROOF_MALFORMED', 'proof hashes are 32 bytes', `proof[${bad}]`) : undefined;
}

/** The root an inclusion proof leads to; compare it with a trusted root (or use `verifyInclusion`). */
export function rootFromInclusionProof(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Result<Uint8Array> {
  if (!isCount(size) || !isCount(index) || index >= size) return fail('XR_PROOF_INVALID', `leaf index ${index} is not in a tree of ${size}`, 'index');
  const malformed = checkHashes(proof, { leafHash: leaf });
  if (malformed) return malformed;
  const at: InclusionPosition = { fn: index, sn: size - 1, level: 0 };
  let r = leaf;
  for (const p of proof) {
    if (at.sn === 0) return fail('XR_PROOF_INVALID', 'inclusion proof is too long', 'proof');
    r = climb(at) ? nodeHash(p, r) : nodeHash(r, p);
  }
  if (at.sn !== 0) return fail('XR_PROOF_INVALID', 'inclusion proof is too short', 'proof');
  return ok(r);
}

/** Where an inclusion walk is (RFC 9162 §2.1.3.2's fn and sn), and how many levels it has climbed. */
export interface InclusionPosition {
  fn: number;
  sn: number;
  level: number;
}

/**
 * One step of the inclusion walk: moves `at` to the parent (past the levels where a right-edge node
 * has no sibling) and says whether this step's proof hash was the left sibling.
 */
export function climb(at: InclusionPosition): boolean {
  const left = odd(at.fn) || at.fn === at.sn;
  if (left && !odd(at.fn)) {
    while (!odd(at.fn) && at.fn !== 0) {
      at.fn = half(at.fn);
      at.sn = half(at.sn);
      at.level++;
    }
  }
  at.fn = half(at.fn);
  at.sn = half(at.sn);
  at.level++;
  return left;
}

/** Checks that `leaf` is at `index` in the tree of `size` leaves whose root is `root`. */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): Result<true> {
  if (!isHash(root)) return fail('XR_PROOF_MALFORMED', 'root must be a 32-byte hash', 'root');
  const computed = rootFromInclusionProof(index, size, leaf, proof);
  if (!computed.ok) return computed;
  return equalBytes(computed.value, root) ? ok(true) : fail('XR_PROOF_INVALID', 'inclusion proof does not lead to the root', 'root');
}

/**
 * Checks that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves with
 * root `root1`. From the empty tree any tree is consistent (empty proof, `root1` the empty root),
 * as tlog-witness `old 0` needs; equal sizes need equal roots and an empty proof.
 */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): Result<true> {
  if (!isCount(size1) || !isCount(size2) || size1 > size2) return fail('XR_PROOF_INVALID', `old size ${size1} is not in 0..${size2}`, 'size1');
  const malformed = checkHashes(proof, { root1, root2 });
  if (malformed) return malformed;
  if (size1 === 0 || size1 === size2) {
    if (proof.length > 0) return fail('XR_PROOF_INVALID', 'this consistency proof must be empty', 'proof');
    if (size1 === 0) return equalBytes(root1, emptyRoot()) ? ok(true) : fail('XR_PROOF_INVALID', 'root1 is not the empty tree root', 'root1');
    return equalBytes(root1, root2) ? ok(true) : fail('XR_PROOF_INVALID', 'same size, different roots', 'root2');
  }
  if (proof.length === 0) return fail('XR_PROOF_INVALID', 'consistency proof is empty', 'proof');
  // If size1 is a power of two, the old root is the first node of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('XR_PROOF_INVALID', 'consistency proof is too long', 'proof');
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('XR_PROOF_INVALID', 'consistency proof is too short', 'proof');
  if (!equalBytes(fr, root1)) return fail('XR_PROOF_INVALID', 'consistency proof does not lead to the old root', 'root1');
  if (!equalBytes(sr, root2)) return fail('XR_PROOF_INVALID', 'consistency proof does not lead to the new root', 'root2');
  return ok(true);
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

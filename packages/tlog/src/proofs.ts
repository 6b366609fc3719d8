/**
 * Proof generation (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF/SUBPROOF) over any store that can
 * give the hash of a perfect subtree. A node is named (level, index): the subtree of 2^level
 * leaves starting at leaf index·2^level.
 *
 * Cost: a proof is O(log n) `hashAt` look-ups plus at most O(log n) node hashes for the one
 * subtree on the tree's ragged right edge; nothing is O(n).
 */
import { fail, ok, type Result } from '@xr/domain/errors';
import { isCount } from './bytes.js';
import { emptyRoot, nodeHash } from './hash.js';

export interface HashSource {
  /** Leaves stored; every perfect subtree within [0, size) must be available. */
  readonly size: number;
  /** The root of the perfect subtree (level, index), i.e. leaves [index·2^level, (index+1)·2^level). */
  hashAt(level: number, index: number): Uint8Array;
}

/** The largest power of two strictly less than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function log2(powerOfTwo: number): number {
  let level = 0;
  for (let k = powerOfTwo; k > 1; k /= 2) level++;
  return level;
}

/**
 * MTH(D[start:end]) for the ranges the RFC recursion produces (start a multiple of the largest
 * power of two below end − start): perfect ranges are one look-up, ragged ones split.
 */
export function subtreeHash(source: HashSource, start: number, end: number): Uint8Array {
  const n = end - start;
  if (n === 0) return emptyRoot();
  if (isPowerOfTwo(n) && start % n === 0) return source.hashAt(log2(n), start / n);
  const k = splitPoint(n);
  return nodeHash(subtreeHash(source, start, start + k), subtreeHash(source, start + k, end));
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** The root of the tree's first `size` leaves. */
export function rootAt(source: HashSource, size: number): Result<Uint8Array> {
  if (!isCount(size) || size > source.size) return fail('XR_BAD_REQUEST', `tree size ${size} is not in 0..${source.size}`, 'size');
  return ok(subtreeHash(source, 0, size));
}

/** The inclusion proof of leaf `index` in the tree of the first `size` leaves, leaf's sibling first. */
export function inclusionProof(source: HashSource, index: number, size: number): Result<Uint8Array[]> {
  if (!isCount(size) || size > source.size) return fail('XR_BAD_REQUEST', `tree size ${size} is not in 0..${source.size}`, 'size');
  if (!isCount(index) || index >= size) return fail('XR_BAD_REQUEST', `leaf index ${index} is not in 0..${size - 1}`, 'index');
  let start = 0;
  let end = size;
  const siblings: Uint8Array[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      siblings.push(subtreeHash(source, start + k, end));
      end = start + k;
    } else {
      siblings.push(subtreeHash(source, start, start + k));
      start += k;
    }
  }
  // Found root-down; the proof lists them leaf-up.
  return ok(siblings.reverse());
}

/** The consistency proof from the tree of `from` leaves to the tree of `to` leaves. */
export function consistencyProof(source: HashSource, from: number, to: number): Result<Uint8Array[]> {
  if (!isCount(to) || to > source.size) return fail('XR_BAD_REQUEST', `tree size ${to} is not in 0..${source.size}`, 'to');
  if (!isCount(from) || from > to) return fail('XR_BAD_REQUEST', `old tree size ${from} is not in 0..${to}`, 'from');
  if (from === 0 || from === to) return ok([]);
  const nodes: Uint8Array[] = [];
  let start = 0;
  let end = to;
  let m = from;
  let whole = true; // SUBPROOF's b: the old tree is a complete subtree met so far
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      nodes.push(subtreeHash(source, start + k, end));
      end = start + k;
    } else {
      nodes.push(subtreeHash(source, start, start + k));
      start += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) nodes.push(subtreeHash(source, start, end));
  return ok(nodes.reverse());
}

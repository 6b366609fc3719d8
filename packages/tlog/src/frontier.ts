/**
 * The frontier (compact range [0, size)) of a tree: the roots of its perfect subtrees, largest
 * (leftmost) first, one per set bit of `size`. It is all a verifier or an appender needs to know
 * the root and to extend the tree: O(log n) hashes, O(log n) work per append.
 */
import { fail, ok, type Result } from '@xr/domain/errors';
import { isCount } from './bytes.js';
import { emptyRoot, isHash, nodeHash } from './hash.js';

export interface Frontier {
  readonly size: number;
  /** Perfect-subtree roots covering [0, size), in left-to-right order (decreasing size). */
  readonly hashes: readonly Uint8Array[];
}

export const EMPTY_FRONTIER: Frontier = Object.freeze({ size: 0, hashes: Object.freeze([]) });

/** The number of set bits of a safe integer (no 32-bit bitwise operators: sizes reach 2^53). */
export function popCount(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}

/** A new frontier with one more leaf; the given one is not changed. */
export function appendToFrontier(frontier: Frontier, leaf: Uint8Array): Frontier {
  const hashes = frontier.hashes.slice();
  let hash = leaf;
  // Each trailing one bit of the old size is a perfect subtree of the new leaf's size: merge it.
  for (let s = frontier.size; s % 2 === 1; s = (s - 1) / 2) hash = nodeHash(hashes.pop()!, hash);
  hashes.push(hash);
  return { size: frontier.size + 1, hashes };
}

/** The tree's root: the perfect subtrees folded from the right (RFC 9162 MTH). */
export function frontierRoot(frontier: Frontier): Uint8Array {
  const { hashes } = frontier;
  if (hashes.length === 0) return emptyRoot();
  let root = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i]!, root);
  return root;
}

/** Checks a frontier that came from outside (a file, a peer): its shape must match its size. */
export function checkFrontier(frontier: Frontier): Result<Frontier> {
  if (!isCount(frontier.size)) return fail('XR_PROOF_MALFORMED', 'frontier size must be a non-negative safe integer', 'size');
  if (frontier.hashes.length !== popCount(frontier.size)) return fail('XR_PROOF_MALFORMED', `a frontier of size ${frontier.size} has ${popCount(frontier.size)} hashes, not ${frontier.hashes.length}`, 'hashes');
  const bad = frontier.hashes.findIndex((h) => !isHash(h));
  if (bad >= 0) return fail('XR_PROOF_MALFORMED', 'frontier hashes are 32 bytes', `hashes[${bad}]`);
  return ok(frontier);
}

/** The root over leaf hashes, in one pass with O(log n) memory. */
export function rootFromLeafHashes(leaves: Iterable<Uint8Array>): Uint8Array {
  const hashes: Uint8Array[] = [];
  let size = 0;
  for (const leaf of leaves) {
    let hash = leaf;
    for (let s = size; s % 2 === 1; s = (s - 1) / 2) hash = nodeHash(hashes.pop()!, hash);
    hashes.push(hash);
    size++;
  }
  return frontierRoot({ size, hashes });
}

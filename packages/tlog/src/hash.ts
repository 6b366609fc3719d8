/** RFC 6962 §2.1 / RFC 9162 §2.1.1 tree hashing with SHA-256. */
import { createHash } from 'node:crypto';

/** Bytes in every hash of the tree. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

/** The hash of an entry: SHA-256(0x00 ‖ data). */
export function leafHash(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The root of the empty tree: SHA-256 of nothing. A fresh copy each call. */
export function emptyRoot(): Uint8Array {
  return createHash('sha256').digest();
}

export function isHash(bytes: Uint8Array): boolean {
  return bytes.length === HASH_SIZE;
}

/**
 * An in-memory, append-only RFC 6962 tree that keeps every perfect subtree hash, so roots and
 * proofs at any past size cost O(log n) (see proofs.ts).
 *
 * Memory: level 0 holds the n leaf hashes, level 1 n/2 node hashes, … — about 2n hashes, 64 bytes
 * per leaf, packed in one growable buffer per level (no object per hash). Append hashes O(1)
 * amortised. A party that only needs the current root and to keep appending (a verifier, a
 * witness) should hold a `Frontier` instead: O(log n) hashes.
 */
import { fail, ok, type Result } from '@xr/domain/errors';
import { type Frontier } from './frontier.js';
import { HASH_SIZE, isHash, leafHash, nodeHash } from './hash.js';
import { consistencyProof, inclusionProof, rootAt, subtreeHash, type HashSource } from './proofs.js';

class HashColumn {
  private bytes = new Uint8Array(HASH_SIZE * 16);
  length = 0;

  push(hash: Uint8Array): void {
    if ((this.length + 1) * HASH_SIZE > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(hash, this.length * HASH_SIZE);
    this.length++;
  }

  /** The column's hashes, packed (a view: callers that keep it copy it). */
  filled(): Uint8Array {
    return this.bytes.subarray(0, this.length * HASH_SIZE);
  }

  static of(packed: Uint8Array): HashColumn {
    const column = new HashColumn();
    column.bytes = new Uint8Array(Math.max(HASH_SIZE * 16, packed.length));
    column.bytes.set(packed);
    column.length = packed.length / HASH_SIZE;
    return column;
  }

  /** A view; callers that hand it out copy it. */
  view(index: number): Uint8Array {
    return this.bytes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }
}

export class MerkleTree implements HashSource {
  private readonly levels: HashColumn[] = [new HashColumn()];

  static fromLeafHashes(leaves: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const leaf of leaves) tree.append(leaf);
    return tree;
  }

  /**
   * A tree from the packed columns `columns()` gave (a saved tree): level k holds ⌊size/2^k⌋
   * hashes. The shape is checked; the hashes are taken as given (whoever stored them vouches for
   * them, e.g. a MAC over the file), so loading is a copy, not a rehash.
   */
  static fromColumns(columns: readonly Uint8Array[]): Result<MerkleTree> {
    const first = columns[0];
    if (!first || first.length % HASH_SIZE !== 0) return fail('XR_PROOF_MALFORMED', `level 0 of a saved tree holds whole ${HASH_SIZE}-byte hashes`, 'levels[0]');
    const size = first.length / HASH_SIZE;
    let expected = 1;
    for (let k = 2; k <= size; k *= 2) expected++;
    if (columns.length !== expected) return fail('XR_PROOF_MALFORMED', `a saved tree of ${size} leaves has ${expected} levels, not ${columns.length}`, 'levels');
    for (const [level, column] of columns.entries()) {
      const count = Math.floor(size / 2 ** level);
      if (column.length !== count * HASH_SIZE) return fail('XR_PROOF_MALFORMED', `level ${level} of a saved tree of ${size} leaves holds ${count} hashes`, `levels[${level}]`);
    }
    const tree = new MerkleTree();
    tree.levels.splice(0, 1, ...columns.map((c) => HashColumn.of(c)));
    return ok(tree);
  }

  /** Every stored hash, one packed array per level (level 0: the leaves), to save the tree and load it with `fromColumns`. Views: copy to keep. */
  columns(): Uint8Array[] {
    return this.levels.map((c) => c.filled());
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf hash (32 bytes) and returns its index. A wrong length is a programming error. */
  append(leaf: Uint8Array): number {
    if (!isHash(leaf)) throw new TypeError(`a leaf hash is ${HASH_SIZE} bytes, not ${leaf.length}`);
    const index = this.size;
    let hash = leaf;
    for (let level = 0; ; level++) {
      const column = this.levels[level] ?? (this.levels[level] = new HashColumn());
      column.push(hash);
      if (column.length % 2 === 1) break;
      hash = nodeHash(column.view(column.length - 2), column.view(column.length - 1));
    }
    return index;
  }

  /** Appends an entry: its leaf hash SHA-256(0x00 ‖ data). */
  appendData(data: Uint8Array): number {
    return this.append(leafHash(data));
  }

  hashAt(level: number, index: number): Uint8Array {
    const column = this.levels[level];
    if (!column || !Number.isSafeInteger(index) || index < 0 || index >= column.length) throw new RangeError(`no complete subtree (${level}, ${index}) in a tree of ${this.size}`);
    return column.view(index).slice();
  }

  /** The root at `size` (default: now). */
  root(size: number = this.size): Result<Uint8Array> {
    return rootAt(this, size);
  }

  /** The frontier at `size` (default: now): what a verifier keeps to follow the tree. */
  frontier(size: number = this.size): Result<Frontier> {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) return fail('XR_BAD_REQUEST', `tree size ${size} is not in 0..${this.size}`, 'size');
    const hashes: Uint8Array[] = [];
    let start = 0;
    let top = 1;
    while (top * 2 <= size) top *= 2;
    for (let k = top; k >= 1; k /= 2) {
      if (size - start >= k) {
        hashes.push(subtreeHash(this, start, start + k));
        start += k;
      }
    }
    return ok({ size, hashes });
  }

  inclusionProof(index: number, size: number = this.size): Result<Uint8Array[]> {
    return inclusionProof(this, index, size);
  }

  consistencyProof(from: number, to: number = this.size): Result<Uint8Array[]> {
    return consistencyProof(this, from, to);
  }
}

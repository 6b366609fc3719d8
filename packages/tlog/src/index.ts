export { HASH_SIZE, emptyRoot, leafHash, nodeHash } from './hash.js';
export { EMPTY_FRONTIER, appendToFrontier, checkFrontier, frontierRoot, rootFromLeafHashes } from './frontier.js';
export type { Frontier } from './frontier.js';
export { consistencyProof, inclusionProof, rootAt, subtreeHash } from './proofs.js';
export type { HashSource } from './proofs.js';
export { MerkleTree } from './merkle-tree.js';
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify.js';

/** Test logs: a Merkle tree of a partner's journal partition and its signed add-checkpoint bodies. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { MerkleTree, ed25519Signer, formatAddCheckpoint, formatCheckpoint, signNote, type NoteSigner } from '@xr/tlog';

export const PREFIX = 'xr';
export const LOG_REGION = '371500';
export const WITNESS_REGION = '370200';
export const ORIGIN = `${PREFIX}.journal.${LOG_REGION}/0`;

export function must<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

export function keyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** A journal partition's tree with `n` records tagged `tag` (two tags give two histories). */
export function tree(n: number, tag = 'a'): MerkleTree {
  const t = new MerkleTree();
  for (let i = 0; i < n; i++) t.appendData(new TextEncoder().encode(`${tag} record ${i}`));
  return t;
}

export function logSigner(privateKey: KeyObject, region = LOG_REGION, prefix = PREFIX): NoteSigner {
  return ed25519Signer(`${prefix}.journal.${region}`, privateKey);
}

export function signedCheckpoint(t: MerkleTree, size: number, signer: NoteSigner, origin = ORIGIN): string {
  const body = must(formatCheckpoint({ origin, size, rootHash: must(t.root(size)), extensions: [] }));
  return must(signNote(body, [signer]));
}

/** An add-checkpoint body from `old` to `size` (proof from `proofTree`, default the same tree). */
export function addCheckpoint(t: MerkleTree, old: number, size: number, signer: NoteSigner, proofTree: MerkleTree = t, origin = ORIGIN): string {
  const proof = old === 0 ? [] : must(proofTree.consistencyProof(old, size));
  return must(formatAddCheckpoint({ old, proof, checkpoint: signedCheckpoint(t, size, signer, origin) }));
}

/**
 * Names of the journal checkpoints (docs/WIRE.md, "Merkle tree, checkpoints and cosignatures"):
 * each journal partition is a log whose origin is `<prefix>.journal.<region>/<partition>`; a region
 * signs its checkpoints under the note key name `<prefix>.journal.<region>` (type 0x01) and its
 * cosignatures of partners' checkpoints under `<prefix>.witness.<region>` (type 0x04), both with
 * its Ed25519 region key. Records on `<prefix>.checkpoints` say what they hold in `xr-kind`.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { PublicJwk } from '@xr/crypto';
import { cosignatureVerifier, ed25519Verifier, type NoteVerifier } from '@xr/tlog';

/** Header naming what a `<prefix>.checkpoints` record holds. */
export const CHECKPOINT_KIND_HEADER = 'xr-kind';
export const CHECKPOINT_KINDS = ['checkpoint', 'cosignature', 'fork'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export function journalOrigin(prefix: string, region: string, partition: number): string {
  return `${prefix}.journal.${region}/${partition}`;
}

/** The region and partition an origin names under `prefix`, or undefined for another origin. */
export function parseJournalOrigin(prefix: string, origin: string): { region: string; partition: number } | undefined {
  const m = /^(.+)\.journal\.(\d{6})\/(0|[1-9]\d{0,4})$/.exec(origin);
  if (!m || m[1] !== prefix) return undefined;
  return { region: m[2]!, partition: Number(m[3]) };
}

/** The note key name a region signs its checkpoints with. */
export function journalKeyName(prefix: string, region: string): string {
  return `${prefix}.journal.${region}`;
}

/** The note key name a region cosigns partners' checkpoints with. */
export function witnessKeyName(prefix: string, region: string): string {
  return `${prefix}.witness.${region}`;
}

function keyObject(key: PublicJwk | KeyObject): KeyObject {
  return 'kty' in key ? createPublicKey({ key: { kty: key.kty, crv: key.crv, x: key.x }, format: 'jwk' }) : key;
}

/** The checkpoint verifier (type 0x01) of one of a region's keys. */
export function journalVerifier(prefix: string, region: string, key: PublicJwk | KeyObject): NoteVerifier {
  return ed25519Verifier(journalKeyName(prefix, region), keyObject(key));
}

/** The cosignature verifier (type 0x04) of one of a region's keys. */
export function witnessVerifier(prefix: string, region: string, key: PublicJwk | KeyObject): NoteVerifier {
  return cosignatureVerifier(witnessKeyName(prefix, region), keyObject(key));
}

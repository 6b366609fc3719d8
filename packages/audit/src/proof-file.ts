/**
 * Proof files an auditor hands to a third party, checked fully offline with keys alone:
 * - an inclusion proof: C2SP tlog-proof (`c2sp.org/tlog-proof@v1`) with the journal record's bytes
 *   as `extra`;
 * - a consistency proof (docs/WIRE.md "Consistency proof file"): the tlog-witness add-checkpoint
 *   body (`old <m>`, the proof hashes, a blank line, the new signed checkpoint), then a blank line
 *   and the old signed checkpoint (absent when m is 0). The part before that last blank line can be
 *   POSTed to any tlog-witness as it is.
 */
import { createPublicKey } from 'node:crypto';
import type { PublicJwk } from '@xr/crypto';
import { fail, ok, type Result } from '@xr/domain';
import { cosignatureVerifier, ed25519Verifier, formatAddCheckpoint, leafHash, openCheckpoint, parseAddCheckpoint, parseTlogProof, parseVerifierKey, verifyConsistency, verifyTlogProof, type NoteVerifier, type OpenedCheckpoint } from '@xr/tlog';

export interface ConsistencyFile {
  readonly old: number;
  readonly proof: readonly Uint8Array[];
  /** The new signed checkpoint. */
  readonly checkpoint: string;
  /** The old signed checkpoint; required when `old` > 0. */
  readonly oldCheckpoint?: string;
}

export function formatConsistencyFile(f: ConsistencyFile): Result<string> {
  const body = formatAddCheckpoint({ old: f.old, proof: f.proof, checkpoint: f.checkpoint });
  if (!body.ok) return body;
  if (f.old === 0) return body;
  if (!f.oldCheckpoint?.endsWith('\n')) return fail('XR_PROOF_MALFORMED', 'a consistency proof from a size above 0 carries the old signed checkpoint', 'oldCheckpoint');
  return ok(`${body.value}\n${f.oldCheckpoint}`);
}

export function parseConsistencyFile(text: string): Result<ConsistencyFile> {
  // Parts: `old`+proof, new text, new signatures[, old text, old signatures]: notes hold no other blank line.
  const parts = text.split('\n\n');
  if (parts.length !== 3 && parts.length !== 5) return fail('XR_PROOF_MALFORMED', 'a consistency proof is an add-checkpoint body, then a blank line and the old checkpoint', 'file');
  const body = parseAddCheckpoint(parts.length === 3 ? text : `${parts.slice(0, 3).join('\n\n')}\n`);
  if (!body.ok) return body;
  if (parts.length === 3) return body.value.old === 0 ? ok(body.value) : fail('XR_PROOF_MALFORMED', `a proof from size ${body.value.old} carries the old signed checkpoint`, 'oldCheckpoint');
  return ok({ ...body.value, oldCheckpoint: `${parts[3]}\n\n${parts[4]}` });
}

/** Keys for offline checks: C2SP verifier key strings, or region JWKs (`<region>.k<n>`), named for the proof's origin. */
export interface ProofKeys {
  readonly verifierKeys?: readonly string[];
  readonly jwks?: readonly PublicJwk[];
  /** Cosignatures needed (default 0: report them only). */
  readonly quorum?: number;
}

export interface ProofCheck {
  readonly kind: 'inclusion' | 'consistency';
  readonly origin: string;
  readonly size: number;
  readonly oldSize?: number;
  readonly index?: number;
  /** Witness key names whose cosignatures verified. */
  readonly witnesses: readonly string[];
  /** For an inclusion proof: the journal record it proves. */
  readonly record?: Uint8Array;
  readonly eventId?: string;
}

const ORIGIN = /^(.+)\.journal\.(\d{6})\/\d+\n/;

function keysFor(text: string, keys: ProofKeys): Result<{ log: NoteVerifier[]; witnesses: NoteVerifier[] }> {
  const log: NoteVerifier[] = [];
  const witnesses: NoteVerifier[] = [];
  for (const [i, k] of (keys.verifierKeys ?? []).entries()) {
    const v = parseVerifierKey(k);
    if (!v.ok) return fail(v.code, v.message, `keys[${i}]`);
    (v.value.type === 0x04 ? witnesses : log).push(v.value);
  }
  const m = ORIGIN.exec(text);
  if (m && keys.jwks) {
    const [prefix, region] = [m[1]!, m[2]!];
    for (const jwk of keys.jwks) {
      const r = /^(\d{6})\.k\d+$/.exec(jwk.kid)?.[1];
      if (!r) continue;
      const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
      if (r === region) log.push(ed25519Verifier(`${prefix}.journal.${r}`, key));
      else witnesses.push(cosignatureVerifier(`${prefix}.witness.${r}`, key));
    }
  }
  if (log.length === 0) return fail('XR_NOTE_UNVERIFIED', "no log key for this proof's origin among the keys given", 'keys');
  return ok({ log, witnesses });
}

function quorum(opened: OpenedCheckpoint, keys: ProofKeys, what: string): Result<string[]> {
  const names = [...new Set(opened.witnessed.map((s) => s.name))];
  if (names.length < (keys.quorum ?? 0)) return fail('XR_CHECKPOINT_UNWITNESSED', `${what} has ${names.length} valid cosignatures, ${keys.quorum} needed`, 'checkpoint');
  return ok(names);
}

/** Checks a tlog-proof or a consistency proof file with nothing but keys. */
export function checkProofFile(text: string, keys: ProofKeys): Result<ProofCheck> {
  if (text.startsWith('c2sp.org/tlog-proof@v1\n')) {
    const p = parseTlogProof(text);
    if (!p.ok) return p;
    if (!p.value.extra) return fail('XR_PROOF_MALFORMED', 'the proof carries no record (extra): nothing to hash', 'extra');
    const k = keysFor(p.value.checkpoint, keys);
    if (!k.ok) return k;
    const opened = verifyTlogProof(p.value, leafHash(p.value.extra), k.value);
    if (!opened.ok) return opened;
    const w = quorum(opened.value, keys, 'the checkpoint');
    if (!w.ok) return w;
    let eventId: string | undefined;
    try {
      eventId = (JSON.parse(Buffer.from(p.value.extra).toString('utf8')) as { event?: { id?: string } }).event?.id;
    } catch {
      eventId = undefined;
    }
    const { origin, size } = opened.value.checkpoint;
    return ok({ kind: 'inclusion', origin, size, index: p.value.index, witnesses: w.value, record: p.value.extra, ...(eventId === undefined ? {} : { eventId }) });
  }
  if (text.startsWith('old ')) {
    const f = parseConsistencyFile(text);
    if (!f.ok) return f;
    const k = keysFor(f.value.checkpoint, keys);
    if (!k.ok) return k;
    const next = openCheckpoint(f.value.checkpoint, k.value);
    if (!next.ok) return next;
    const { origin, size, rootHash } = next.value.checkpoint;
    let oldRoot = new Uint8Array(32);
    if (f.value.old > 0) {
      const prev = openCheckpoint(f.value.oldCheckpoint!, { ...k.value, origin });
      if (!prev.ok) return prev;
      if (prev.value.checkpoint.size !== f.value.old) return fail('XR_PROOF_MALFORMED', `the old checkpoint signs size ${prev.value.checkpoint.size}, the proof starts at ${f.value.old}`, 'old');
      oldRoot = new Uint8Array(prev.value.checkpoint.rootHash);
    }
    const consistent = f.value.old === 0 ? ok(true as const) : verifyConsistency(f.value.old, size, oldRoot, rootHash, f.value.proof);
    if (!consistent.ok) return fail('XR_CHECKPOINT_FORK', `${origin}: size ${size} is not an extension of size ${f.value.old}: ${consistent.message}`, 'proof');
    const w = quorum(next.value, keys, 'the new checkpoint');
    if (!w.ok) return w;
    return ok({ kind: 'consistency', origin, size, oldSize: f.value.old, witnesses: w.value });
  }
  return fail('XR_PROOF_MALFORMED', 'not a tlog-proof (c2sp.org/tlog-proof@v1) nor a consistency proof (old <size>)', 'file');
}

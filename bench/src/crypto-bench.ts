/**
 * The per-record crypto of the pipeline: RFC 8785 canonical JSON, detached Ed25519 JWS with keys
 * parsed once into KeyObjects, and the SHA-256 chain of journal records.
 */
import { canonicalBytes, canonicalJson, forgetOwnSignatures, ownSignatureShortcuts, sha256Hex, signDetached, verificationKeyFromJwk, verifyDetached, type KeyLookup } from '@xr/crypto';
import { GENESIS_HASH } from '@xr/domain';
import { journalRecord, regionPair, submittedEnvelope } from './fixtures.js';
import { rateAsync, rateResult, rateSync, type BenchResult, type Budget } from './measure.js';

export async function cryptoBench(budget: Budget): Promise<BenchResult[]> {
  const { sender } = regionPair();
  const event = submittedEnvelope();
  const bytes = canonicalBytes(event);
  const verificationKey = verificationKeyFromJwk(sender.publicJwk);
  const lookup: KeyLookup = (kid) => (kid === verificationKey.kid ? verificationKey : undefined);
  const jws = await signDetached(bytes, sender.signer);
  const check = await verifyDetached(bytes, jws, lookup);
  if (!check.ok) throw new Error(`the benchmark's own signature does not verify: ${check.reason}`);
  const recordBytes = canonicalBytes(journalRecord(event, jws, GENESIS_HASH, 0));

  const results: BenchResult[] = [];
  results.push(rateResult('crypto.canonical-json', 'ops/s', rateSync(() => canonicalJson(event), budget), `case.submitted envelope, ${bytes.byteLength} bytes of canonical JSON`));
  results.push(rateResult('crypto.sign', 'ops/s', await rateAsync(() => signDetached(bytes, sender.signer), budget), 'signDetached (EdDSA, b64:false) over the envelope bytes, cached private KeyObject; p50/p99 per call'));
  // A partner's signature, as an inbox sees it: this process signed the same bytes just above, and
  // verifyDetached takes a JWS it made itself on trust (by hash), which would time that instead.
  forgetOwnSignatures();
  const shortcutsBefore = ownSignatureShortcuts();
  const verified = await rateAsync(() => verifyDetached(bytes, jws, lookup), budget);
  if (ownSignatureShortcuts() !== shortcutsBefore) throw new Error('crypto.verify took the own-signature shortcut');
  results.push(rateResult('crypto.verify', 'ops/s', verified, "verifyDetached of a partner's JWS (full Ed25519, not this process's own-signature shortcut) with a cached public KeyObject; p50/p99 per call"));
  results.push(rateResult('crypto.sha256', 'ops/s', rateSync(() => sha256Hex(recordBytes), budget), `sha256Hex of one encoded journal record, ${recordBytes.byteLength} bytes`));

  // What the journal does per record: encode it with the previous record's hash, then hash it.
  let prev = GENESIS_HASH;
  let n = 0;
  const chain = rateSync(() => {
    const encoded = canonicalBytes(journalRecord(event, jws, prev, n));
    prev = sha256Hex(encoded);
    n += 1;
    return prev;
  }, budget);
  results.push(rateResult('crypto.journal-chain', 'records/s', chain, 'per record: canonical JSON of the journal record carrying prev, then SHA-256 of those bytes'));
  return results;
}

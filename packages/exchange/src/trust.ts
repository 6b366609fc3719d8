/**
 * Where a gateway's trust comes from: which key verifies a record, judged at the record's own signed
 * time and the log's timestamp (so a revocation refuses what was signed after it, and a rotation's
 * overlap ends on time), and which regions are partners now. The static KeyRing (configuration) and
 * the admin-signed registry (@xr/registry) both provide it.
 */
import { openSigned, type Opened, type VerificationKey } from '@xr/crypto';
import type { XrErrorCode } from '@xr/domain';

export type KeyVerdict =
  | { readonly ok: true; readonly key: VerificationKey }
  | { readonly ok: false; readonly code: XrErrorCode; readonly reason: string };

export interface Trust {
  keyFor(kid: string, signedAt: string, receivedAt: number): KeyVerdict;
  /** Regions this gateway exchanges with now (registered and not suspended), itself included. */
  regions(): ReadonlySet<string>;
  /**
   * Every key ever known for `region` (revoked and rotated-out ones included), so a verifier can
   * find which key signed a note (e.g. a checkpoint, whose signature names no kid). Whether that
   * key was valid is still judged with `keyFor(kid, signedAt, receivedAt)`.
   */
  regionKeys(region: string): readonly VerificationKey[];
  /**
   * Brings the source up to date (the registry read to its end). Called before refusing a record
   * for an unknown key, so a partner registered a moment ago is not refused for our lag.
   */
  catchUp?(): Promise<void>;
}

/**
 * Opens a signed record (`openSigned`: the signature over the exact bytes, then the bytes exactly
 * canonical) with the key `trust` gives for its kid, judged at the record's own signed `time` and
 * the log's `timestamp` (stamped by the broker). An unknown key's refusal carries the trust's own
 * reason (revoked, rotated out, suspended) instead of "unknown".
 */
/** `openSigned`'s outcome, whose refusal code may also be the trust's (XR_KEY_REVOKED, …). */
export type TrustedOpen = Extract<Opened, { ok: true }> | (Omit<Extract<Opened, { ok: false }>, 'code'> & { readonly code: XrErrorCode });

export async function openTrusted(value: Uint8Array, jws: string | undefined, timestamp: number, trust: Pick<Trust, 'keyFor'>, header: string): Promise<TrustedOpen> {
  let refusal: { code: XrErrorCode; reason: string } | undefined;
  const opened = await openSigned(value, jws, (kid, claimed) => {
    const time = typeof (claimed as { time?: unknown } | undefined)?.time === 'string' ? (claimed as { time: string }).time : '';
    const verdict = trust.keyFor(kid, time, timestamp);
    refusal = verdict.ok ? undefined : verdict;
    return verdict.ok ? verdict.key : undefined;
  }, header);
  if (opened.ok || opened.code !== 'XR_KEY_UNKNOWN' || !refusal) return opened;
  return { ...opened, code: refusal.code, reason: refusal.reason };
}

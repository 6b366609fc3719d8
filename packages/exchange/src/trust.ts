/**
 * Where a gateway's trust comes from: which key verifies a record, judged at the record's own signed
 * time and the log's timestamp (so a revocation refuses what was signed after it, and a rotation's
 * overlap ends on time), and which regions are partners now. The static KeyRing (configuration) and
 * the admin-signed registry (@xr/registry) both provide it.
 */
import type { VerificationKey } from '@xr/crypto';
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

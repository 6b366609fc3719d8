/**
 * Checks a registry record read from the log, before it may touch the registry: signature by a
 * trust-anchor admin key over exactly RFC 8785 canonical bytes (`openSigned`, the inbox's opener
 * too) → schemas → the signer is the admin the record names.
 * Every failure is a value with a stable code; the semantic checks follow in `RegistryState.apply`.
 */
import { canonicalBytes, openSigned, sha256Hex } from '@xr/crypto';
import { problem, type Problem, type Result } from '@xr/domain';
import type { TrustAnchor } from './admin-keys.js';
import { REGISTRY_JWS_HEADER, type RegistryRecord } from './record.js';
import { validateRecord } from './schemas.js';

export interface Verified {
  readonly record: RegistryRecord;
  readonly hash: string;
  readonly kid: string;
}

/** What a verification failure carries beside its problem. */
export interface VerificationRefusal {
  /** The id the record claims, when it has one (unauthenticated unless `signed`). */
  readonly recordId?: string;
  /** True when the admin signature held (the refusal is about content, not origin). */
  readonly signed: boolean;
}

export type VerifiedRecord = Extract<Result<Verified>, { ok: true }> | ({ readonly ok: false } & Problem & VerificationRefusal);

/** The bytes that are stored and signed: RFC 8785 canonical JSON. */
export function encodeRecord(record: RegistryRecord): Uint8Array {
  return canonicalBytes(record);
}

function refused(p: Problem, signed: boolean, recordId?: string): VerifiedRecord {
  return { ok: false, ...problem(p.code, p.message, p.field, p.violations), signed, ...(recordId === undefined ? {} : { recordId }) };
}

/** The id a record claims, for reports only. */
function claimedId(claimed: unknown): string | undefined {
  const id = (claimed as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Opened by the one opener of signed records (`openSigned`), then checked against the registry's schemas. */
export async function verifyRegistryRecord(value: Uint8Array, jws: string | undefined, anchor: TrustAnchor): Promise<VerifiedRecord> {
  const opened = await openSigned(value, jws, (kid) => anchor.lookup(kid), REGISTRY_JWS_HEADER);
  if (!opened.ok) {
    if (opened.signed) return refused(problem(opened.code, `registry ${opened.reason}`, opened.field), true, claimedId(opened.claimed));
    const code = opened.code === 'XR_KEY_UNKNOWN' ? 'XR_REGISTRY_ADMIN_UNKNOWN' : 'XR_REGISTRY_SIGNATURE_INVALID';
    return refused(problem(code, `${opened.reason} (trust anchors: ${anchor.kids().join(', ') || 'none'})`, opened.field), false, claimedId(opened.claimed));
  }
  const id = claimedId(opened.value);
  const checked = validateRecord(opened.value);
  if (!checked.ok) return refused(checked, true, id);
  if (checked.value.admin !== opened.kid) {
    return refused(problem('XR_REGISTRY_SIGNATURE_INVALID', `record names admin ${checked.value.admin} but is signed by ${opened.kid}`, '/admin'), true, id);
  }
  return { ok: true, value: { record: checked.value, hash: sha256Hex(value), kid: opened.kid } };
}

/**
 * Checks a registry record read from the log, before it may touch the registry: signature by a
 * trust-anchor admin key → canonical JSON → schemas → the signer is the admin the record names.
 * Every failure is a value with a stable code; the semantic checks follow in `RegistryState.apply`.
 */
import { canonicalBytes, canonicalJson, sha256Hex, verifyDetached } from '@xr/crypto';
import { problem, type RegistryProblem } from './codes.js';
import type { TrustAnchor } from './admin-keys.js';
import { REGISTRY_JWS_HEADER, type RegistryRecord } from './record.js';
import { validateRecord } from './schemas.js';

export type VerifiedRecord =
  | { readonly ok: true; readonly record: RegistryRecord; readonly hash: string; readonly kid: string }
  | {
      readonly ok: false;
      readonly problem: RegistryProblem;
      /** The id the record claims, when it has one (unauthenticated unless `signed`). */
      readonly recordId?: string;
      /** True when the admin signature held (the refusal is about content, not origin). */
      readonly signed: boolean;
    };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes that are stored and signed: RFC 8785 canonical JSON. */
export function encodeRecord(record: RegistryRecord): Uint8Array {
  return canonicalBytes(record);
}

function refused(p: RegistryProblem, signed: boolean, recordId?: string): VerifiedRecord {
  return { ok: false, problem: p, signed, ...(recordId === undefined ? {} : { recordId }) };
}

/** The id a record claims, for reports only. */
function claimedId(value: Uint8Array): string | undefined {
  try {
    const id = (JSON.parse(decoder.decode(value)) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyRegistryRecord(value: Uint8Array, jws: string | undefined, anchor: TrustAnchor): Promise<VerifiedRecord> {
  const field = `headers.${REGISTRY_JWS_HEADER}`;
  if (!jws) return refused(problem('XR_REGISTRY_SIGNATURE_INVALID', `registry record has no ${REGISTRY_JWS_HEADER} header`, field), false, claimedId(value));
  const signed = await verifyDetached(value, jws, anchor.lookup);
  if (!signed.ok) {
    const code = signed.code === 'XR_KEY_UNKNOWN' ? 'XR_REGISTRY_ADMIN_UNKNOWN' : 'XR_REGISTRY_SIGNATURE_INVALID';
    return refused(problem(code, `${signed.reason} (trust anchors: ${anchor.kids().join(', ') || 'none'})`, field), false, claimedId(value));
  }
  let text: string;
  let parsed: unknown;
  try {
    text = decoder.decode(value);
    parsed = JSON.parse(text);
  } catch {
    return refused(problem('XR_ENVELOPE_MALFORMED', 'registry record is not UTF-8 JSON', 'value'), true);
  }
  const id = typeof (parsed as { id?: unknown } | null)?.id === 'string' ? (parsed as { id: string }).id : undefined;
  const checked = validateRecord(parsed);
  if (!checked.ok) return refused(checked.problem, true, id);
  if (canonicalJson(parsed) !== text) return refused(problem('XR_ENVELOPE_MALFORMED', 'registry record is not RFC 8785 canonical JSON', 'value'), true, id);
  if (checked.record.admin !== signed.kid) {
    return refused(problem('XR_REGISTRY_SIGNATURE_INVALID', `record names admin ${checked.record.admin} but is signed by ${signed.kid}`, '/admin'), true, id);
  }
  return { ok: true, record: checked.record, hash: sha256Hex(value), kid: signed.kid };
}

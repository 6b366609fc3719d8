/**
 * Stable error codes. Clients, dashboards and auditors match on these strings; never rename one.
 * The domain knows no transport: each edge (gRPC, CLI) maps codes to its own statuses.
 */
export const XR_ERROR_CODES = [
  'XR_BAD_REQUEST',
  'XR_SCHEMA_INVALID',
  'XR_ENVELOPE_MALFORMED',
  'XR_EVENT_TYPE_UNKNOWN',
  'XR_SIGNATURE_MALFORMED',
  'XR_SIGNATURE_INVALID',
  'XR_KEY_UNKNOWN',
  'XR_KEY_REGION_MISMATCH',
  'XR_TARGET_MISMATCH',
  'XR_PARTITION_MISMATCH',
  'XR_REGION_UNKNOWN',
  'XR_PARTNER_UNKNOWN',
  'XR_CASE_NOT_FOUND',
  'XR_CASE_EXISTS',
  'XR_CASE_ILLEGAL_TRANSITION',
  'XR_DUPLICATE',
  'XR_UNAVAILABLE',
  'XR_INTERNAL',
  'XR_UNAUTHENTICATED',
  'XR_PERMISSION_DENIED',
  'XR_ITEM_UNKNOWN',
  'XR_ITEM_NOT_REMOTE',
  'XR_MATERIAL_MISSING',
  'XR_MATERIAL_NOT_DEFERRABLE',
  'XR_DEADLINE_PASSED',
  'XR_CATALOG_INVALID',
  'XR_CALENDAR_INVALID',
  'XR_REGISTRY_SIGNATURE_INVALID',
  'XR_REGISTRY_ADMIN_UNKNOWN',
  'XR_REGISTRY_CONFLICT',
  'XR_KEY_REVOKED',
  'XR_KEY_ROTATED_OUT',
  'XR_PARTNER_SUSPENDED',
  /** Signed bytes that are not exactly their RFC 8785 canonical JSON (a duplicate member, whitespace, member order). */
  'XR_ENVELOPE_NOT_CANONICAL',
  /** An inbound record larger than the gateway's limit: quarantined by digest, size, position and a prefix. */
  'XR_RECORD_TOO_LARGE',
  /** A client request id reused with another request body, or for another RPC. */
  'XR_REQUEST_CONFLICT',
  /** A signed note (c2sp.org/signed-note) that breaks the format: encoding, blank line, signature lines. */
  'XR_NOTE_MALFORMED',
  /** A note verifier or signer key string that breaks its format or whose key id does not match. */
  'XR_NOTE_KEY_MALFORMED',
  /** A well-formed note on which no signature of a known key verifies. */
  'XR_NOTE_UNVERIFIED',
  /** A checkpoint body (c2sp.org/tlog-checkpoint) that breaks the format. */
  'XR_CHECKPOINT_MALFORMED',
  /** A Merkle proof, frontier or tlog-proof text that is not well-formed (hash lengths, lines). */
  'XR_PROOF_MALFORMED',
  /** A well-formed Merkle inclusion or consistency proof that does not verify. */
  'XR_PROOF_INVALID',
] as const;

export type XrErrorCode = (typeof XR_ERROR_CODES)[number];

/** An expected failure, as a value: what went wrong, where, in words a partner's engineer can act on. */
export interface Problem {
  readonly code: XrErrorCode;
  readonly message: string;
  /** JSON Pointer or dotted path of the offending field, when one is to blame. */
  readonly field?: string;
  /** Further violations when several fields are wrong at once. */
  readonly violations?: readonly { readonly field: string; readonly message: string }[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Problem);

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: XrErrorCode, message: string, field?: string, violations?: Problem['violations']): { ok: false } & Problem {
  return { ok: false, code, message, ...(field === undefined ? {} : { field }), ...(violations ? { violations } : {}) };
}

/** For the rare unexpected case that must unwind: carries a stable code and the cause. */
export class XrError extends Error {
  override readonly name = 'XrError';
  constructor(
    readonly code: XrErrorCode,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

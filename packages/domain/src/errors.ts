/**
 * The one list of stable error codes, the one `Problem` and the one `Result`. Clients, dashboards
 * and auditors match on these strings; never rename one.
 *
 * Each code names its error class once, here: the canonical code of google.rpc.Code, which the
 * gRPC edge sends as the status and a REST edge would map to its HTTP status. The domain still
 * knows no transport; it only says which kind of failure a code is.
 */

/** Canonical error classes (google.rpc.Code names) that the codes below fall into. */
export const ERROR_CLASSES = ['INVALID_ARGUMENT', 'FAILED_PRECONDITION', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'UNAUTHENTICATED', 'UNAVAILABLE', 'INTERNAL'] as const;

export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** Every stable code and its class. Adding a code is one line here, with a comment if the name is not enough. */
export const XR_ERROR_CLASS = {
  XR_BAD_REQUEST: 'INVALID_ARGUMENT',
  XR_SCHEMA_INVALID: 'INVALID_ARGUMENT',
  XR_ENVELOPE_MALFORMED: 'INVALID_ARGUMENT',
  XR_EVENT_TYPE_UNKNOWN: 'INVALID_ARGUMENT',
  XR_SIGNATURE_MALFORMED: 'UNAUTHENTICATED',
  XR_SIGNATURE_INVALID: 'UNAUTHENTICATED',
  XR_KEY_UNKNOWN: 'UNAUTHENTICATED',
  XR_KEY_REGION_MISMATCH: 'PERMISSION_DENIED',
  XR_TARGET_MISMATCH: 'INVALID_ARGUMENT',
  XR_PARTITION_MISMATCH: 'INVALID_ARGUMENT',
  XR_REGION_UNKNOWN: 'INVALID_ARGUMENT',
  XR_PARTNER_UNKNOWN: 'FAILED_PRECONDITION',
  XR_CASE_NOT_FOUND: 'NOT_FOUND',
  XR_CASE_EXISTS: 'ALREADY_EXISTS',
  XR_CASE_ILLEGAL_TRANSITION: 'FAILED_PRECONDITION',
  XR_DUPLICATE: 'ALREADY_EXISTS',
  XR_UNAVAILABLE: 'UNAVAILABLE',
  XR_INTERNAL: 'INTERNAL',
  /** A journal record does not follow its predecessor (offset or `prev` hash): the gateway refuses to build on it. */
  XR_JOURNAL_CHAIN_BROKEN: 'INTERNAL',
  XR_UNAUTHENTICATED: 'UNAUTHENTICATED',
  XR_PERMISSION_DENIED: 'PERMISSION_DENIED',
  XR_ITEM_UNKNOWN: 'INVALID_ARGUMENT',
  XR_ITEM_NOT_REMOTE: 'FAILED_PRECONDITION',
  XR_MATERIAL_MISSING: 'INVALID_ARGUMENT',
  XR_MATERIAL_NOT_DEFERRABLE: 'INVALID_ARGUMENT',
  XR_DEADLINE_PASSED: 'FAILED_PRECONDITION',
  XR_CATALOG_INVALID: 'INVALID_ARGUMENT',
  XR_CALENDAR_INVALID: 'INVALID_ARGUMENT',
  /** A registry record whose admin signature is missing, malformed or wrong. */
  XR_REGISTRY_SIGNATURE_INVALID: 'UNAUTHENTICATED',
  /** A registry record signed by a key that is not a configured trust anchor. */
  XR_REGISTRY_ADMIN_UNKNOWN: 'UNAUTHENTICATED',
  /** A registry change that contradicts the registry (region registered with other content, stale key generation). */
  XR_REGISTRY_CONFLICT: 'ALREADY_EXISTS',
  /** A record signed by a revoked key at or after the revocation's effective time. */
  XR_KEY_REVOKED: 'UNAUTHENTICATED',
  /** A record signed by a rotated key at or after the end of its overlap. */
  XR_KEY_ROTATED_OUT: 'UNAUTHENTICATED',
  /** A record from a partner that is suspended. */
  XR_PARTNER_SUSPENDED: 'FAILED_PRECONDITION',
  /** Signed bytes that are not exactly their RFC 8785 canonical JSON (a duplicate member, whitespace, member order). */
  XR_ENVELOPE_NOT_CANONICAL: 'INVALID_ARGUMENT',
  /** An inbound record larger than the gateway's limit: quarantined by digest, size, position and a prefix. */
  XR_RECORD_TOO_LARGE: 'INVALID_ARGUMENT',
  /** A client request id reused with another request body, or for another RPC. */
  XR_REQUEST_CONFLICT: 'ALREADY_EXISTS',
  /** A signed note (c2sp.org/signed-note) that breaks the format: encoding, blank line, signature lines. */
  XR_NOTE_MALFORMED: 'INVALID_ARGUMENT',
  /** A note verifier or signer key string that breaks its format or whose key id does not match. */
  XR_NOTE_KEY_MALFORMED: 'INVALID_ARGUMENT',
  /** A well-formed note on which no signature of a known key verifies. */
  XR_NOTE_UNVERIFIED: 'INVALID_ARGUMENT',
  /** A checkpoint body (c2sp.org/tlog-checkpoint) that breaks the format. */
  XR_CHECKPOINT_MALFORMED: 'INVALID_ARGUMENT',
  /** A Merkle proof, frontier or tlog-proof text that is not well-formed (hash lengths, lines). */
  XR_PROOF_MALFORMED: 'INVALID_ARGUMENT',
  /** A well-formed Merkle inclusion or consistency proof that does not verify. */
  XR_PROOF_INVALID: 'INVALID_ARGUMENT',
  // Signed checkpoints, witnessing and audit (issue #9; docs/WIRE.md "Merkle tree, checkpoints and cosignatures").
  /** A checkpoint that conflicts with one already cosigned or seen: same size and another root, or not consistent with it. */
  XR_CHECKPOINT_FORK: 'FAILED_PRECONDITION',
  /** At start, the region's journal does not reproduce a checkpoint it already signed (the journal was cut or replaced). */
  XR_CHECKPOINT_ROLLBACK: 'INTERNAL',
  /** A state snapshot the gateway will not load (another or a cut journal, a changed file, another key): it replays its journal instead. */
  XR_SNAPSHOT_REFUSED: 'INTERNAL',
  /** A checkpoint older than (or as old as) the one the witness last cosigned: tlog-witness 409. */
  XR_CHECKPOINT_STALE: 'FAILED_PRECONDITION',
  /** A checkpoint for an origin this witness does not witness: tlog-witness 404. */
  XR_CHECKPOINT_ORIGIN_UNKNOWN: 'NOT_FOUND',
  /** A checkpoint whose log signature is missing or does not verify with a key valid at its time. */
  XR_CHECKPOINT_SIGNATURE_INVALID: 'UNAUTHENTICATED',
  /** A journal whose Merkle root at a checkpointed size is not the checkpoint's root. */
  XR_CHECKPOINT_ROOT_MISMATCH: 'FAILED_PRECONDITION',
  /** A checkpoint that does not meet its region's witness policy (too few valid cosignatures). */
  XR_CHECKPOINT_UNWITNESSED: 'FAILED_PRECONDITION',
  /** A cosignature that does not verify for the checkpoint it is attached to (another root, a wrong key). */
  XR_COSIGNATURE_INVALID: 'UNAUTHENTICATED',
  /** A witness policy that breaks its rules (quorum larger than the witnesses, an unknown region, a bad verifier key). */
  XR_WITNESS_POLICY_INVALID: 'INVALID_ARGUMENT',
  /** A journal record that is not what the gateway writes: not canonical JSON, missing fields, wrong `n`. */
  XR_AUDIT_RECORD_MALFORMED: 'FAILED_PRECONDITION',
  /** An event id journaled twice in one region's journal (a replayed record). */
  XR_AUDIT_EVENT_REPLAYED: 'FAILED_PRECONDITION',
  /** A case's journal records out of order: `caseSeq` or the sender's `seq` skips, repeats or goes back. */
  XR_AUDIT_CASE_SEQUENCE: 'FAILED_PRECONDITION',
  /** A message a region delivered to a partner (its outbox moved past it) that is in neither the partner's journal nor its quarantine. */
  XR_AUDIT_NOT_RECEIVED: 'FAILED_PRECONDITION',
  /** A record a region applied from a partner that the partner's own journal does not hold as sent. */
  XR_AUDIT_NOT_SENT: 'FAILED_PRECONDITION',
  /** An audit export missing a file its manifest lists, or holding one it does not. */
  XR_AUDIT_EXPORT_INCOMPLETE: 'FAILED_PRECONDITION',
  /** An audit export file whose size or SHA-256 is not the manifest's, or a manifest that is not canonical. */
  XR_AUDIT_EXPORT_TAMPERED: 'FAILED_PRECONDITION',
  // The public certificate status topic (issue #10).
  /** A status record that contradicts the status topic: an index or identifier reused, another digest, a reinstatement after revocation, a certificate never issued. */
  XR_CERT_STATUS_CONFLICT: 'FAILED_PRECONDITION',
  /** A status record signed by a key that is not the issuing region's, or not valid at the record's time. */
  XR_CERT_STATUS_SIGNER: 'PERMISSION_DENIED',
  // E-certificates (电子证照, issue #10; docs/WIRE.md "E-certificates"). A verdict lists every reason.
  /** A certificate whose revocation bit is set in its issuer's status list. */
  XR_CERT_REVOKED: 'FAILED_PRECONDITION',
  /** A certificate whose suspension bit is set in its issuer's status list (valid again once reinstated). */
  XR_CERT_SUSPENDED: 'FAILED_PRECONDITION',
  /** A certificate at or after its `validUntil`. */
  XR_CERT_EXPIRED: 'FAILED_PRECONDITION',
  /** A certificate before its `validFrom`, or signed (`iat`) in the verifier's future. */
  XR_CERT_NOT_YET_VALID: 'FAILED_PRECONDITION',
  /** No recognition agreement (互认) of the verifying region covers this issuer region and certificate type. */
  XR_CERT_NOT_RECOGNISED: 'FAILED_PRECONDITION',
  /** A certificate whose Ed25519 signature does not verify over its exact signing input. */
  XR_CERT_SIGNATURE_INVALID: 'UNAUTHENTICATED',
  /** A certificate signed by a key revoked before the certificate's issuance time. */
  XR_CERT_KEY_REVOKED: 'UNAUTHENTICATED',
  /** A certificate whose `kid` names no key the verifier knows. */
  XR_CERT_KEY_UNKNOWN: 'UNAUTHENTICATED',
  /** A certificate or status list that is not what the format says: compact JWS, base64url, JSON, schema, size. */
  XR_CERT_MALFORMED: 'INVALID_ARGUMENT',
  /** A JWS whose protected header `typ` (or `cty`) is not the credential's media type (`vc+jwt`). */
  XR_CERT_TYPE_INVALID: 'INVALID_ARGUMENT',
  /** The verifier has no status list (or status-topic view) covering the certificate's status entry: its status cannot be told. */
  XR_CERT_STATUS_UNKNOWN: 'FAILED_PRECONDITION',
  /** A credential whose digest is not the one its issuer put on the status topic for its index: never issued through the network (a forgery with an old key, a backdated iat). */
  XR_CERT_NOT_ISSUED: 'FAILED_PRECONDITION',
  /** A certificate this region did not issue, or that is unknown here: only the issuer changes its status. */
  XR_CERT_NOT_FOUND: 'NOT_FOUND',
  /** 证照免提交: a certificate presented for a material whose catalog entry accepts only other certificate types. */
  XR_CERT_TYPE_MISMATCH: 'INVALID_ARGUMENT',
  /** 证照免提交: a certificate presented to a handling region that has no verifier to check it (no certificate desk). */
  XR_CERT_UNVERIFIABLE: 'FAILED_PRECONDITION',
  /** An event, origin or checkpointed size the auditor asked about that the audited log does not hold (or no checkpoint covers yet). */
  XR_AUDIT_NOT_FOUND: 'NOT_FOUND',
  // Identifier, date and calendar checks (`Check` of identifiers/result.ts; CHECK_CODES).
  /** 身份证号码 (GB 11643) not 18 characters of the right kinds. */
  XR_ID_FORMAT: 'INVALID_ARGUMENT',
  /** 身份证号码 whose ISO 7064 MOD 11-2 check character is wrong. */
  XR_ID_CHECKSUM: 'INVALID_ARGUMENT',
  /** 身份证号码 whose birth date is not a calendar date, too early, or after today. */
  XR_ID_BIRTHDATE: 'INVALID_ARGUMENT',
  /** 身份证号码 whose address code does not start with a province code. */
  XR_ID_REGION: 'INVALID_ARGUMENT',
  /** 统一社会信用代码 (GB 32100) of the wrong length or characters. */
  XR_USCC_FORMAT: 'INVALID_ARGUMENT',
  /** 统一社会信用代码 whose check character is wrong. */
  XR_USCC_CHECKSUM: 'INVALID_ARGUMENT',
  /** A region code that is not 6 digits. */
  XR_REGION_FORMAT: 'INVALID_ARGUMENT',
  /** 证照标识 (GB/T 36904) that breaks its structure. */
  XR_CERT_ID_FORMAT: 'INVALID_ARGUMENT',
  /** 证照标识 whose MOD 37,36 check character is wrong. */
  XR_CERT_ID_CHECKSUM: 'INVALID_ARGUMENT',
  /** 证照标识 whose embedded issuer or defining authority is not a valid 统一社会信用代码. */
  XR_CERT_ID_USCC: 'INVALID_ARGUMENT',
  /** Not a YYYY-MM-DD date, or no such calendar date. */
  XR_DATE_FORMAT: 'INVALID_ARGUMENT',
  /** A holiday schedule that contradicts itself (a day both off and worked, a worked weekday). */
  XR_CALENDAR_CONFLICT: 'INVALID_ARGUMENT',
  /** A date the working-day calendar does not cover (no notice and no provisional year). */
  XR_CALENDAR_OUT_OF_RANGE: 'FAILED_PRECONDITION',
  /** A calendar computation asked with an impossible argument (negative count, reversed range). */
  XR_CALENDAR_ARGUMENT: 'INVALID_ARGUMENT',
} as const satisfies Readonly<Record<`XR_${string}`, ErrorClass>>;

export type XrErrorCode = keyof typeof XR_ERROR_CLASS;

/** Every stable code, in the order of the list above. */
export const XR_ERROR_CODES = Object.freeze(Object.keys(XR_ERROR_CLASS)) as readonly XrErrorCode[];

export function isXrErrorCode(code: string): code is XrErrorCode {
  return Object.hasOwn(XR_ERROR_CLASS, code);
}

/** The class of a code: what kind of failure it is, for an edge to turn into its status. */
export function errorClassOf(code: XrErrorCode): ErrorClass {
  return XR_ERROR_CLASS[code];
}

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

/** A problem as a value: on its own, or spread into a failure that carries more (`{ ok: false, ...problem(…), recordId }`). */
export function problem(code: XrErrorCode, message: string, field?: string, violations?: Problem['violations']): Problem {
  return { code, message, ...(field === undefined ? {} : { field }), ...(violations ? { violations } : {}) };
}

export function fail(code: XrErrorCode, message: string, field?: string, violations?: Problem['violations']): { ok: false } & Problem {
  return { ok: false, ...problem(code, message, field, violations) };
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

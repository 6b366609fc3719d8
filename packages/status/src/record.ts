/**
 * Status records as bytes: RFC 8785 JSON signed by the issuing region with a detached JWS in the
 * `xr-jws` header, exactly like an inbox event (docs/WIRE.md, "Certificate status"). Opening one
 * checks the signature with a key of the issuer valid at the record's time, the bytes' canonical
 * form, the schema, and that the signer's region is the issuer.
 */
import { canonicalBytes, signDetached, type SigningKey } from '@xr/crypto';
import { fail, ok, type Result } from '@xr/domain';
import { JWS_HEADER, openTrusted, type Trust } from '@xr/exchange';
import { validateStatusRecord, type StatusRecordDocument } from '@xr/schemas';

export type StatusRecord = StatusRecordDocument;

export interface SignedStatusRecord {
  readonly record: StatusRecord;
  readonly bytes: Uint8Array;
  readonly jws: string;
}

export async function signStatusRecord(record: StatusRecord, signer: SigningKey): Promise<SignedStatusRecord> {
  const bytes = canonicalBytes(record);
  return { record, bytes, jws: await signDetached(bytes, signer) };
}

/** Opens a status record read at log `timestamp` (ms; LogAppendTime). */
export async function openStatusRecord(value: Uint8Array, headers: Readonly<Record<string, string>>, timestamp: number, trust: Pick<Trust, 'keyFor'>): Promise<Result<StatusRecord>> {
  const opened = await openTrusted(value, headers[JWS_HEADER], timestamp, trust, JWS_HEADER);
  if (!opened.ok) return fail(opened.code, opened.reason, opened.field);
  const valid = validateStatusRecord(opened.value);
  if (!valid.ok) return valid;
  if (valid.value.issuer !== opened.region) return fail('XR_CERT_STATUS_SIGNER', `signed by ${opened.kid}, but the issuer is ${valid.value.issuer}: only the issuing region writes a certificate's status`, 'issuer');
  return ok(valid.value);
}

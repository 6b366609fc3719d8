/**
 * Verifying a presented 电子证照 at any gateway, with nothing but what the gateway follows: the
 * registry (the issuer's key judged at the credential's `iat`; the recognition agreements) and the
 * public status topic (revoked? suspended? and was this exact credential issued at all?). No call
 * goes to the issuing region.
 *
 * The status topic closes what offline signature checks cannot: someone holding a revoked key
 * could sign a credential with an earlier `iat`, but its digest would not be the one the issuer
 * put on the status topic for that index (`XR_CERT_NOT_ISSUED`).
 */
import { MIN_STATUS_ENTRIES, parseIssuerId, verifyCertificate, type LicenceCredential, type StatusLookup } from '@xr/credentials';
import { sha256Hex } from '@xr/crypto';
import { problem, type Problem } from '@xr/domain';
import type { Trust } from '@xr/exchange';
import type { StatusFreshness, StatusState } from '@xr/status';

export interface VerifierContext {
  /** The verifying region. */
  readonly region: string;
  readonly trust: Pick<Trust, 'keyFor'>;
  /** Whether `verifier` recognises certificates of `typeCode` issued in `issuer` (the registry's agreements). */
  readonly recognises: (verifier: string, issuer: string, typeCode: string) => boolean;
  readonly status: { readonly state: StatusState; readonly freshness: StatusFreshness };
  readonly now: () => number;
}

export interface PresentedVerdict {
  readonly valid: boolean;
  readonly reasons: readonly Problem[];
  readonly credential?: LicenceCredential;
  /** The certificate's 证照标识 (without the URN prefix) and issuing region, when decoded. */
  readonly certificateId?: string;
  readonly issuerRegion?: string;
  /** 证照类型代码 (the credential subject's licenceTypeCode), when decoded. */
  readonly typeCode?: string;
  /** How fresh the status view was. */
  readonly statusPosition: number;
  readonly statusAsOf: string;
}

const LIST_NUMBER = /\/status\/(?:revocation|suspension)\/(0|[1-9]\d{0,6})$/;

/** A status lookup over the status topic's fold: list number and index → the region-wide index. */
export function statusLookup(status: VerifierContext['status']): StatusLookup {
  return (q) => {
    const region = parseIssuerId(q.issuer)?.region;
    const list = LIST_NUMBER.exec(q.list)?.[1];
    if (region === undefined || list === undefined) return { status: 'unknown', message: `no status list ${q.list} on the status topic` };
    const entry = status.state.at(region, Number(list) * MIN_STATUS_ENTRIES + q.index);
    if (!entry) return { status: 'unknown', message: `index ${q.index} of ${q.list} was never issued on the status topic (as of position ${status.freshness.position})` };
    const flagged = q.purpose === 'revocation' ? entry.revoked : entry.suspended;
    return { status: flagged ? (q.purpose === 'revocation' ? 'revoked' : 'suspended') : 'ok', asOf: status.freshness.asOf };
  };
}

export function verifyPresented(jws: string, ctx: VerifierContext): PresentedVerdict {
  const lookup = statusLookup(ctx.status);
  const verdict = verifyCertificate(jws, {
    region: ctx.region,
    now: ctx.now(),
    recognises: ctx.recognises,
    status: lookup,
    keyAt: (kid, at) => {
      const v = ctx.trust.keyFor(kid, at, Date.parse(at));
      return v.ok ? v.key : { code: v.code, message: v.reason };
    },
  });
  const reasons = [...verdict.reasons];
  const credential = verdict.credential;
  const issuerRegion = typeof credential?.issuer?.id === 'string' ? parseIssuerId(credential.issuer.id)?.region : undefined;
  const entry = credential?.credentialStatus?.find((s) => s.statusPurpose === 'revocation');
  const list = entry ? LIST_NUMBER.exec(entry.statusListCredential)?.[1] : undefined;
  if (issuerRegion !== undefined && entry && list !== undefined) {
    const issued = ctx.status.state.at(issuerRegion, Number(list) * MIN_STATUS_ENTRIES + Number(entry.statusListIndex));
    if (issued && issued.digest !== sha256Hex(jws)) {
      reasons.push(problem('XR_CERT_NOT_ISSUED', `the issuer put another credential at this status index (digest ${issued.digest.slice(0, 12)}…): this one was never issued through the network`, '/payload/credentialStatus'));
    }
  }
  const id = typeof credential?.id === 'string' ? credential.id.replace(/^urn:gbt36904:/, '') : undefined;
  const typeCode = credential?.credentialSubject?.licenceTypeCode;
  return {
    valid: reasons.length === 0,
    reasons,
    ...(credential ? { credential } : {}),
    ...(id === undefined ? {} : { certificateId: id }),
    ...(issuerRegion === undefined ? {} : { issuerRegion }),
    ...(typeof typeCode === 'string' ? { typeCode } : {}),
    statusPosition: ctx.status.freshness.position,
    statusAsOf: ctx.status.freshness.asOf,
  };
}

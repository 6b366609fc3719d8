/**
 * The handling region's 电子证照 on approval: the catalog item says whether it yields one and of
 * which type, issuer and validity; the case gives the holder; the journal gives the status-list
 * index. Everything is a function of those, so a step run again issues the same bytes (Ed25519 is
 * deterministic) and the journal keeps one certificate per approval.
 */
import { MIN_STATUS_ENTRIES, issueLicence, makeLicenceId } from '@xr/credentials';
import { sha256Hex, type SigningKey } from '@xr/crypto';
import { chinaDate, type CaseState, type Envelope, type ItemLookup } from '@xr/domain';
import type { CertificateIssuer, IssuedCertificate } from '@xr/exchange';
import type { Logger } from '@xr/observability';

export interface LicenceIssuerOptions {
  readonly region: string;
  readonly signer: SigningKey;
  /** The network's public https base for issuer and status-list URLs (docs/WIRE.md, "E-certificates"). */
  readonly base: string;
  readonly item: ItemLookup;
  readonly logger?: Logger;
}

/** 持证主体代码类型 of an applicant's id type. */
const HOLDER_CODE_TYPE = { 'resident-id': '111', uscc: '001' } as const;

/** Which list and index within it a region-wide status index is. */
export function statusPlace(statusIndex: number): { list: number; index: number } {
  return { list: Math.floor(statusIndex / MIN_STATUS_ENTRIES), index: statusIndex % MIN_STATUS_ENTRIES };
}

/** The day before the same date `years` later, at 23:59:59 China time (有效期至). */
function validUntil(issueDate: string, years: number): string {
  const [y, m, d] = issueDate.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return `${end.toISOString().slice(0, 10)}T23:59:59+08:00`;
}

export function licenceIssuer(o: LicenceIssuerOptions): CertificateIssuer {
  return async (approval: Envelope, state: CaseState, statusIndex: number): Promise<IssuedCertificate | undefined> => {
    const item = o.item(state.handlingRegion, state.itemCode);
    const def = item?.yieldsCertificate ? item.certificate : undefined;
    if (!item || !def) return undefined;
    const issueDate = chinaDate(approval.time);
    if (issueDate === undefined) return undefined;
    const serial = `${issueDate.replaceAll('-', '')}${String(statusIndex).padStart(8, '0')}`;
    const number = `${o.region}-${serial}`;
    const until = def.validityYears === undefined ? undefined : validUntil(issueDate, def.validityYears);
    const issued = issueLicence(
      {
        base: o.base,
        issuer: { region: o.region, uscc: def.issuer.uscc, name: def.issuer.name },
        typeCode: def.typeCode,
        serial,
        version: '001',
        licenceName: item.certificateType ?? item.name,
        licenceNumber: number,
        issueDate,
        holder: { name: state.applicant.name, code: state.applicant.idNumber, codeType: HOLDER_CODE_TYPE[state.applicant.idType] },
        validFrom: approval.time,
        ...(until === undefined ? {} : { validUntil: until }),
        item: { code: item.code, name: item.name },
        caseId: state.caseId,
        status: statusPlace(statusIndex),
        issuedAt: Date.parse(approval.time),
      },
      o.signer,
    );
    if (!issued.ok) {
      // A catalog the checks let through but the credential schema refuses: no certificate, loudly.
      o.logger?.error({ code: issued.code, field: issued.field, item: item.code }, 'could not issue the certificate of an approval');
      return undefined;
    }
    const id = makeLicenceId(def.typeCode, def.issuer.uscc, serial, '001');
    if (!id.ok) return undefined;
    return {
      id: id.value,
      typeCode: def.typeCode,
      name: item.certificateType ?? item.name,
      number,
      credential: issued.value.jws,
      digest: sha256Hex(issued.value.jws),
      statusIndex,
      validFrom: approval.time,
      ...(until === undefined ? {} : { validUntil: until }),
    };
  };
}

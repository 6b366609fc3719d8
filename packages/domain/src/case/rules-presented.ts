/**
 * 证照免提交 at the handling region: a material may be satisfied by an 电子证照 its holder presents
 * instead of a scan. The handling region's verifier (its certificate desk: signature and key at
 * issuance, validity, status, and this region's recognition agreement with the issuer for the type)
 * judges each one before decide, and decide gets the verdicts as data, so this rule stays pure: a
 * refused certificate refuses the event, naming the material and every reason; a certificate of a
 * type the catalog does not accept for its material is refused too. The accepted ones are what the
 * answer records (签收, or the confirmation of a 补正 or 容缺补齐).
 */
import type { CatalogItem } from '../catalog/model.js';
import { fail, type Problem } from '../errors.js';
import { isPresented, type Material, type PresentedCertificate, type PresentedMaterial } from './model.js';
import type { Refusal } from './rule-kit.js';

/** What the handling region's verifier said of a presented certificate (the certificate desk's verdict, in the fields decide needs). */
export interface CertificateVerdict {
  readonly valid: boolean;
  /** Every reason it is refused, each with its stable code (empty when valid). */
  readonly reasons: readonly Problem[];
  /** 证照标识, issuing region and 证照类型代码, when the credential could be decoded. */
  readonly certificateId?: string;
  readonly issuerRegion?: string;
  readonly typeCode?: string;
  /** How far the verifier had read the public status topic. */
  readonly statusPosition: number;
}

/** The verdicts on the certificates an event presents, by the compact JWS as presented. */
export type CertificateVerdicts = ReadonlyMap<string, CertificateVerdict>;

export interface PresentedInput {
  readonly materials: readonly Material[];
  /** The handling region (named in messages). */
  readonly handling: string;
  readonly verdicts: CertificateVerdicts | undefined;
  /** The item as the handling region catalogues it, when it has a catalog. */
  readonly item: CatalogItem | undefined;
  /** The time of the decision: when the certificates were verified. */
  readonly now: string;
}

type Violation = { readonly code: Problem['code']; readonly field: string; readonly message: string };

function judge(m: PresentedMaterial, field: string, input: PresentedInput): Violation | PresentedCertificate {
  const verdict = input.verdicts?.get(m.certificate);
  if (verdict === undefined) return { code: 'XR_CERT_UNVERIFIABLE', field, message: `${m.name}: ${input.handling} cannot verify a presented certificate (it has no certificate verifier); hand over a scan` };
  const first = verdict.reasons[0];
  if (!verdict.valid || first !== undefined) {
    const reasons = verdict.reasons.map((r) => `${r.code} ${r.message}`).join('; ');
    return { code: first?.code ?? 'XR_CERT_MALFORMED', field, message: `${m.name}: the presented certificate${verdict.certificateId ? ` ${verdict.certificateId}` : ''} is refused: ${reasons || 'not valid'}` };
  }
  const { certificateId, issuerRegion, typeCode } = verdict;
  if (certificateId === undefined || issuerRegion === undefined || typeCode === undefined) {
    return { code: 'XR_CERT_MALFORMED', field, message: `${m.name}: the verifier could not name the presented certificate's identifier, issuer and type` };
  }
  const accepted = input.item?.materials.find((c) => c.name === m.name)?.certificateTypes;
  if (accepted !== undefined && !accepted.includes(typeCode)) {
    return { code: 'XR_CERT_TYPE_MISMATCH', field, message: `${m.name}: ${input.item?.name ?? 'the item'} accepts certificates of type ${accepted.join(' or ')} for it; ${certificateId} is of type ${typeCode}` };
  }
  return { material: m.name, certificateId, issuerRegion, typeCode, verifiedAt: input.now, statusPosition: verdict.statusPosition };
}

/**
 * Every presented certificate of an event, judged: the accepted ones (for the answer to record),
 * or the refusal (the first failing material's code and field; the message names every failing
 * material and every reason).
 */
export function checkPresented(input: PresentedInput): { readonly ok: true; readonly certificates: readonly PresentedCertificate[] } | Refusal {
  const certificates: PresentedCertificate[] = [];
  const violations: Violation[] = [];
  input.materials.forEach((m, i) => {
    if (!isPresented(m)) return;
    const judged = judge(m, `/payload/materials/${i}/certificate`, input);
    if ('code' in judged) violations.push(judged);
    else certificates.push(judged);
  });
  const first = violations[0];
  if (first === undefined) return { ok: true, certificates };
  return fail(first.code, violations.map((v) => v.message).join(' | '), first.field, violations.map((v) => ({ field: v.field, message: v.message })));
}

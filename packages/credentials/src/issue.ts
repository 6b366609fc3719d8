/**
 * Issuing an e-certificate: the credential built from the approval's facts, checked against its
 * schema and the identifier rules, and signed as a vc+jwt with the issuing region's key. A refusal is
 * a value (the fields at fault); nothing is signed that our own verifier would call malformed.
 */
import { parseKid, type SigningKey } from '@xr/crypto';
import { chinaDate, fail, ok, type Result } from '@xr/domain';
import { validateElectronicLicence } from '@xr/schemas';
import { signVcJwt } from './compact-jws.js';
import { licenceUrn, makeLicenceId } from './licence-id.js';
import {
  LICENCE_CONTEXT,
  LICENCE_TYPE,
  VC_V2_CONTEXT,
  issuerId,
  statusListUrl,
  type LicenceCredential,
  type StatusListEntry,
  type StatusPurpose,
} from './model.js';

export interface LicenceToIssue {
  /** The network's public https base for issuer and status list URLs, e.g. `https://xr.example.gov.cn`. */
  readonly base: string;
  /** 颁发机构: its region (GB/T 2260, the signing key's region), 统一社会信用代码 and name. */
  readonly issuer: { readonly region: string; readonly uscc: string; readonly name: string };
  /** 证照类型代码, 流水号, 版本号 (3 digits): with the issuer's USCC they make the 证照标识. */
  readonly typeCode: string;
  readonly serial: string;
  readonly version: string;
  /** 证照名称, 证照编号, 颁发日期 (YYYY-MM-DD: the China date of `issuedAt`). */
  readonly licenceName: string;
  readonly licenceNumber: string;
  readonly issueDate: string;
  /** 持证主体, 持证主体代码 and its 代码类型 ('111' 公民身份号码, '001' 统一社会信用代码, …). */
  readonly holder: { readonly name: string; readonly code: string; readonly codeType: string };
  /** 有效期: RFC 3339 with an offset; no `validUntil` = 长期有效. */
  readonly validFrom: string;
  readonly validUntil?: string;
  /** 关联事项 and 办件. */
  readonly item: { readonly code: string; readonly name?: string };
  readonly caseId: string;
  /** Where its status lives: list number and index in that list (the same in the revocation and suspension lists). */
  readonly status: { readonly list: number; readonly index: number };
  /** When it is signed (epoch ms); the key must be valid then. */
  readonly issuedAt: number;
}

export interface IssuedLicence {
  /** The compact JWS, as the holder presents it. */
  readonly jws: string;
  readonly credential: LicenceCredential;
}

function entry(issuer: string, purpose: StatusPurpose, list: number, index: number): StatusListEntry {
  const url = statusListUrl(issuer, purpose, list);
  return { id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url };
}

/** The credential (unsigned) for `input`, or the problem with it. */
export function buildLicenceCredential(input: LicenceToIssue): Result<LicenceCredential> {
  const licenceId = makeLicenceId(input.typeCode, input.issuer.uscc, input.serial, input.version);
  if (!licenceId.ok) return fail(licenceId.code, licenceId.message, 'id');
  if (!Number.isSafeInteger(input.status.list) || input.status.list < 0) return fail('XR_BAD_REQUEST', 'status list number must be a non-negative integer', 'status.list');
  if (!Number.isSafeInteger(input.status.index) || input.status.index < 0) return fail('XR_BAD_REQUEST', 'status index must be a non-negative integer', 'status.index');
  const issuer = issuerId(input.base, input.issuer.region, input.issuer.uscc);
  const credential: LicenceCredential = {
    '@context': [VC_V2_CONTEXT, LICENCE_CONTEXT],
    id: licenceUrn(licenceId.value),
    type: ['VerifiableCredential', LICENCE_TYPE],
    issuer: { id: issuer, name: input.issuer.name },
    iat: Math.floor(input.issuedAt / 1000),
    validFrom: input.validFrom,
    ...(input.validUntil === undefined ? {} : { validUntil: input.validUntil }),
    credentialSubject: {
      holderName: input.holder.name,
      holderCode: input.holder.code,
      holderCodeType: input.holder.codeType,
      licenceName: input.licenceName,
      licenceTypeCode: input.typeCode,
      licenceNumber: input.licenceNumber,
      issueDate: input.issueDate,
      itemCode: input.item.code,
      ...(input.item.name === undefined ? {} : { itemName: input.item.name }),
      caseId: input.caseId,
    },
    credentialStatus: [entry(issuer, 'revocation', input.status.list, input.status.index), entry(issuer, 'suspension', input.status.list, input.status.index)],
  };
  const valid = validateElectronicLicence(credential);
  if (!valid.ok) return valid;
  const signedOn = chinaDate(new Date(Math.floor(input.issuedAt / 1000) * 1000).toISOString());
  if (input.issueDate !== signedOn) return fail('XR_BAD_REQUEST', `issueDate (颁发日期) must be the China date of issuedAt, ${signedOn ?? 'none'}`, 'issueDate');
  if (input.validUntil !== undefined && Date.parse(input.validUntil) <= Date.parse(input.validFrom)) {
    return fail('XR_BAD_REQUEST', 'validUntil must be after validFrom', 'validUntil');
  }
  return ok(credential);
}

/** Builds and signs the credential with the issuing region's key (`kid` of that region). */
export function issueLicence(input: LicenceToIssue, key: SigningKey): Result<IssuedLicence> {
  if (parseKid(key.kid)?.region !== input.issuer.region) {
    return fail('XR_KEY_REGION_MISMATCH', `key ${key.kid} is not a key of the issuing region ${input.issuer.region}`, 'issuer.region');
  }
  const credential = buildLicenceCredential(input);
  if (!credential.ok) return credential;
  return ok({ jws: signVcJwt(credential.value, key), credential: credential.value });
}

/**
 * The e-certificate (电子证照) as a W3C VC 2.0 credential: the payload of a vc+jwt compact JWS
 * (VC-JOSE-COSE), field by field. docs/WIRE.md "E-certificates" is the byte-level specification;
 * schemas/credential/electronic-licence.v1.json is its schema.
 */

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** Our context URL for the 电子证照 terms (credentialSubject members, the credential type). */
export const LICENCE_CONTEXT = 'https://schemas.xr-gateway.cn/credential/electronic-licence/v1';
export const LICENCE_TYPE = 'ElectronicLicenceCredential';
export const STATUS_LIST_TYPE = 'BitstringStatusListCredential';
/** The JWS `typ` of a credential secured with JOSE (VC-JOSE-COSE §3.1.1: application/vc+jwt). */
export const VC_JWT_TYP = 'vc+jwt';
/**
 * The credential `id` is this prefix + the 证照标识 (GB/T 36904). A bare `1.2.156.3005.2.…` is not a
 * URL (no scheme), which VC 2.0 requires of `id`; `urn:oid:` is wrong because the identifier's later
 * arcs hold letters, which OIDs do not. The NID names the standard that defines the identifier.
 */
export const LICENCE_URN_PREFIX = 'urn:gbt36904:';
/** Compact JWS larger than this is refused unread (XR_CERT_MALFORMED). */
export const MAX_JWS_CHARS = 64 * 1024;

export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** 持证主体代码类型 whose 持证主体代码 the schema and the issuer check. Other 3-digit types pass unchecked. */
export const HOLDER_CODE_TYPES = {
  /** 公民身份号码 (GB 11643). */
  '111': '公民身份号码',
  /** 统一社会信用代码 (GB 32100). */
  '001': '统一社会信用代码',
} as const;

export interface StatusListEntry {
  /** `<statusListCredential>#<statusListIndex>` */
  readonly id: string;
  readonly type: 'BitstringStatusListEntry';
  readonly statusPurpose: StatusPurpose;
  /** Base 10, no leading zeros. */
  readonly statusListIndex: string;
  readonly statusListCredential: string;
}

export interface LicenceSubject {
  /** 持证主体 */
  readonly holderName: string;
  /** 持证主体代码 */
  readonly holderCode: string;
  /** 持证主体代码类型, e.g. '111' */
  readonly holderCodeType: string;
  /** 证照名称 */
  readonly licenceName: string;
  /** 证照类型代码 (21 characters: defining authority's USCC + 3 digits) */
  readonly licenceTypeCode: string;
  /** 证照编号 */
  readonly licenceNumber: string;
  /** 颁发日期 YYYY-MM-DD */
  readonly issueDate: string;
  /** 关联事项编码 */
  readonly itemCode: string;
  /** 关联事项名称 */
  readonly itemName?: string;
  /** 关联办件 */
  readonly caseId: string;
}

export interface CredentialIssuer {
  /** `<base>/issuers/<region>/<USCC>` */
  readonly id: string;
  readonly name: string;
}

/** The JWS payload: the credential itself. */
export interface LicenceCredential {
  readonly '@context': readonly [typeof VC_V2_CONTEXT, typeof LICENCE_CONTEXT];
  readonly id: string;
  readonly type: readonly ['VerifiableCredential', typeof LICENCE_TYPE];
  readonly issuer: CredentialIssuer;
  /** Seconds since the epoch: when the issuer signed. The key is judged at this time. */
  readonly iat: number;
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly credentialSubject: LicenceSubject;
  readonly credentialStatus: readonly [StatusListEntry, StatusListEntry];
}

const ISSUER_PATH = /^(https:\/\/[^/?#\s]+(?:\/[^?#\s]*)?)\/issuers\/(\d{6})\/([0-9A-HJ-NPQRTUWXY]{18})$/;

/** `<base>/issuers/<region>/<uscc>`, the issuer's id. `base` is the network's public https origin (and path). */
export function issuerId(base: string, region: string, uscc: string): string {
  return `${base.replace(/\/+$/, '')}/issuers/${region}/${uscc}`;
}

/** The region and USCC an issuer id names, or undefined when it is not one. */
export function parseIssuerId(id: string): { base: string; region: string; uscc: string } | undefined {
  const m = ISSUER_PATH.exec(id);
  return m ? { base: m[1]!, region: m[2]!, uscc: m[3]! } : undefined;
}

/** The URL of an issuer's status list for one purpose: `<issuer id>/status/<purpose>/<list number>`. */
export function statusListUrl(issuer: string, purpose: StatusPurpose, list: number): string {
  return `${issuer}/status/${purpose}/${list}`;
}

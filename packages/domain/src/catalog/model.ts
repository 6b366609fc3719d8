/**
 * 政务服务事项目录: what a region handles, as its service guides (办事指南) publish it. The handling
 * region's catalog decides whether a remote submission can be taken in at all.
 */

/** A material the service guide lists (申请材料). */
export interface CatalogMaterial {
  readonly name: string;
  readonly required: boolean;
  /** 容缺可缺: a required but secondary material that may follow after 容缺受理. */
  readonly deferrable?: boolean;
  /**
   * 证照免提交: the 证照类型代码 of the 电子证照 an applicant may present instead of a scan of this
   * material. Absent: a presented certificate of any type the handling region recognises will do.
   */
  readonly certificateTypes?: readonly string[];
}

export interface CatalogItem {
  /** 政务服务事项编码 (GB/T 39554.1), opaque, ^[0-9A-Z][0-9A-Z-]{3,79}$. */
  readonly code: string;
  readonly name: string;
  readonly materials: readonly CatalogMaterial[];
  /** 法定时限, working days (行政许可法 Art. 42: 20 unless a law says otherwise). */
  readonly legalDays: number;
  /** 承诺时限, working days, not above legalDays. */
  readonly promisedDays: number;
  /** Offered 跨省通办 through 异地代收代办 (收受分离). */
  readonly remoteIntake: boolean;
  readonly yieldsCertificate: boolean;
  /** 证照类型 of the certificate issued, when the item yields one. */
  readonly certificateType?: string;
  /**
   * How the 电子证照 is issued, when the item yields one: its 证照类型代码 (the defining authority's
   * 统一社会信用代码 and three digits, GB/T 36903), the issuing authority (颁发机构) and the validity.
   * Without it an approval records the certificate type only and issues no credential.
   */
  readonly certificate?: CatalogCertificate;
}

export interface CatalogCertificate {
  readonly typeCode: string;
  readonly issuer: { readonly uscc: string; readonly name: string };
  /** 有效期 in years from the issue date; absent: no end. */
  readonly validityYears?: number;
}

export interface Catalog {
  /** GB/T 2260 code of the region whose catalog this is. */
  readonly region: string;
  readonly items: readonly CatalogItem[];
}

/** Finds an item in the catalog of a handling region; undefined when that catalog does not list it. */
export type ItemLookup = (handlingRegion: string, itemCode: string) => CatalogItem | undefined;

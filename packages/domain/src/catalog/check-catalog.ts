/**
 * Rules a catalog must keep beyond its JSON Schema (schemas/catalog.v1.json): 承诺时限 not above
 * 法定时限, unique codes and material names, 容缺 only for required materials, a certificate type
 * only for items that yield a certificate, well-formed 证照类型代码 for materials a certificate may
 * satisfy (证照免提交). Pure; every violation is named by its JSON Pointer.
 */
import { fail, ok, type Result } from '../errors.js';
import { isRegionCode } from '../identifiers/region-code.js';
import { isUscc } from '../identifiers/uscc.js';
import type { Catalog } from './model.js';

export const ITEM_CODE_PATTERN = /^[0-9A-Z][0-9A-Z-]{3,79}$/;

export function checkCatalog(catalog: Catalog): Result<Catalog> {
  const violations: { field: string; message: string }[] = [];
  const add = (field: string, message: string): void => {
    violations.push({ field, message });
  };
  if (!isRegionCode(catalog.region)) add('/region', `${catalog.region} is not a GB/T 2260 region code`);
  const codes = new Set<string>();
  catalog.items.forEach((item, i) => {
    const at = `/items/${i}`;
    if (!ITEM_CODE_PATTERN.test(item.code)) add(`${at}/code`, `${item.code} does not match ${ITEM_CODE_PATTERN.source}`);
    if (codes.has(item.code)) add(`${at}/code`, `item code ${item.code} is listed twice`);
    codes.add(item.code);
    if (!Number.isInteger(item.legalDays) || item.legalDays < 1) add(`${at}/legalDays`, '法定时限 must be a whole number of working days, at least 1');
    if (!Number.isInteger(item.promisedDays) || item.promisedDays < 1) add(`${at}/promisedDays`, '承诺时限 must be a whole number of working days, at least 1');
    else if (item.promisedDays > item.legalDays) {
      add(`${at}/promisedDays`, `承诺时限 ${item.promisedDays} exceeds 法定时限 ${item.legalDays} working days of ${item.code}`);
    }
    if (item.certificateType !== undefined && !item.yieldsCertificate) add(`${at}/certificateType`, 'a certificate type is given but the item yields no certificate');
    if (item.certificate !== undefined && !item.yieldsCertificate) add(`${at}/certificate`, 'a certificate is described but the item yields no certificate');
    if (item.certificate !== undefined && item.certificateType === undefined) add(`${at}/certificateType`, 'an issued certificate needs its 证照名称 (certificateType)');
    if (item.certificate !== undefined && !isUscc(item.certificate.typeCode.slice(0, 18))) add(`${at}/certificate/typeCode`, 'a 证照类型代码 starts with the defining authority’s 统一社会信用代码');
    const names = new Set<string>();
    item.materials.forEach((m, j) => {
      if (names.has(m.name)) add(`${at}/materials/${j}/name`, `material ${m.name} is listed twice`);
      names.add(m.name);
      if (m.deferrable === true && !m.required) add(`${at}/materials/${j}/deferrable`, `${m.name} is optional; only a required material can be deferred (容缺)`);
      (m.certificateTypes ?? []).forEach((type, k) => {
        if (!/^[0-9A-Z]{18}[0-9]{3}$/.test(type) || !isUscc(type.slice(0, 18))) add(`${at}/materials/${j}/certificateTypes/${k}`, `${type} is not a 证照类型代码 (the defining authority’s 统一社会信用代码 and three digits)`);
      });
      if (m.certificateTypes !== undefined && new Set(m.certificateTypes).size !== m.certificateTypes.length) add(`${at}/materials/${j}/certificateTypes`, `${m.name} lists a certificate type twice`);
    });
  });
  if (violations.length === 0) return ok(catalog);
  const first = violations[0]!;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
  return fail('XR_CATALOG_INVALID', `catalog of ${catalog.region}: ${first.field} ${first.message}${more}`, first.field, violations);
}

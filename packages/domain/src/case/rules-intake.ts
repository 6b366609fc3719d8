/**
 * 收件 at the handling region, against its catalog: the item exists and is offered for 异地代收代办,
 * every required material is present or declared 容缺, and only 容缺可缺 materials are deferred.
 */
import type { CatalogItem, ItemLookup } from '../catalog/model.js';
import { fail } from '../errors.js';
import type { SubmittedPayload } from './model.js';
import { listNames, type Refusal } from './rule-kit.js';

function notDeferrable(item: CatalogItem, p: SubmittedPayload): Refusal | undefined {
  const violations: { field: string; message: string }[] = [];
  (p.deferredMaterials ?? []).forEach((d, i) => {
    const listed = item.materials.find((m) => m.name === d.name);
    const message = listed === undefined ? `${d.name} is not a material of ${item.name}` : `${d.name} may not be deferred (容缺) for ${item.name}`;
    if (listed?.deferrable !== true) violations.push({ field: `/payload/deferredMaterials/${i}/name`, message });
  });
  const first = violations[0];
  if (first === undefined) return undefined;
  return fail('XR_MATERIAL_NOT_DEFERRABLE', violations.map((v) => v.message).join('; '), first.field, violations);
}

function missing(item: CatalogItem, p: SubmittedPayload): Refusal | undefined {
  const present = new Set([...p.materials.map((m) => m.name), ...(p.deferredMaterials ?? []).map((d) => d.name)]);
  const absent = item.materials.filter((m) => m.required && !present.has(m.name)).map((m) => m.name);
  if (absent.length === 0) return undefined;
  const violations = absent.map((name) => ({ field: '/payload/materials', message: `missing ${name}` }));
  return fail('XR_MATERIAL_MISSING', `${item.name} (${item.code}) requires materials not provided nor declared 容缺: ${listNames(absent)}`, '/payload/materials', violations);
}

export function checkIntake(p: SubmittedPayload, handlingRegion: string, lookup: ItemLookup): Refusal | undefined {
  const item = lookup(handlingRegion, p.item.code);
  if (item === undefined) return fail('XR_ITEM_UNKNOWN', `item ${p.item.code} is not in the catalog of ${handlingRegion}`, '/payload/item/code');
  if (!item.remoteIntake) {
    return fail('XR_ITEM_NOT_REMOTE', `${item.name} (${item.code}) is not offered by ${handlingRegion} for 异地代收代办; apply in person there`, '/payload/item/code');
  }
  return notDeferrable(item, p) ?? missing(item, p);
}

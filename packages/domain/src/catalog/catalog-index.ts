/** Item lookup over the catalogs a gateway knows, keyed by region and item code. Pure. */
import type { Catalog, CatalogItem, ItemLookup } from './model.js';

export interface CatalogIndex {
  /** Regions with a catalog. */
  readonly regions: ReadonlySet<string>;
  /** Bound, so it can be passed on as DecideContext.item. */
  readonly item: ItemLookup;
}

/** One catalog per region: a later catalog for the same region replaces an earlier one. */
export function catalogIndex(catalogs: readonly Catalog[]): CatalogIndex {
  const byRegion = new Map<string, Map<string, CatalogItem>>();
  for (const catalog of catalogs) byRegion.set(catalog.region, new Map(catalog.items.map((item) => [item.code, item])));
  return {
    regions: new Set(byRegion.keys()),
    item: (handlingRegion, itemCode) => byRegion.get(handlingRegion)?.get(itemCode),
  };
}

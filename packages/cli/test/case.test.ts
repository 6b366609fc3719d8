/**
 * `xr case …` over real sockets against two real gateways (in-process, one embedded log): 青岛's
 * hall submits to 聊城 from a JSON file (request_id made and printed), gets and lists the case, is
 * refused with the stable code and the field, and watches the case move when 聊城 acts through
 * `xr case call AcceptCase`. Bad command lines and request files exit 2 and send nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIssuerKeyPair, issueToken } from '@xr/auth';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import type { RunningGateway } from '@xr/gateway';
import { run, type CliIo } from '../src/index.js';
import { startTestGateway } from './support/gateway.js';

const QD = { code: '370200', key: generateKeyPair(makeKid('370200', 1)) };
const LC = { code: '371500', key: generateKeyPair(makeKid('371500', 1)) };
const issuer = generateIssuerKeyPair('xr-cli-test');
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const prefix = `t${Math.random().toString(36).slice(2, 8)}`;

let dir: string;
let log: FileEventLog;
const gw: RunningGateway[] = [];
const env: Record<string, Record<string, string>> = {};

async function xr(who: string, argv: string[], signal?: AbortSignal, onOut?: (text: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => ((stdout += t), onOut?.(t)), stderr: (t) => (stderr += t), env: env[who] ?? {}, cwd: dir, ...(signal ? { signal } : {}) };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

function gateway(own: typeof QD, partner: typeof QD): Promise<RunningGateway> {
  return startTestGateway({ own, partner, dir, log, prefix, issuer: { iss: 'xr-cli-test', publicJwk: issuer.publicJwk } });
}

const request = {
  item_code: `${LC.code}-SPJY-0001`,
  item_name: '食品经营许可证核发',
  applicant: { kind: 'person', name: '张三', id_type: 'resident-id', id_number: '11010519491231002X' },
  materials: [],
  handling_region: LC.code,
  intake: { form_check_passed: true, identity_verified: true },
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-cli-case-'));
  log = await FileEventLog.open({ dir: join(dir, 'log') });
  gw.push(await gateway(QD, LC), await gateway(LC, QD));
  for (const [i, city] of [QD, LC].entries()) {
    const token = await issueToken({ issuerKey: issuer.privateJwk, iss: 'xr-cli-test', sub: `platform-${city.code}`, role: 'system', region: city.code });
    env[city.code] = { XR_GATEWAY_URL: `127.0.0.1:${gw[i]!.grpcPort}`, XR_TOKEN: token };
  }
  await writeFile(join(dir, 'submit.json'), JSON.stringify(request));
  await writeFile(join(dir, 'elsewhere.json'), JSON.stringify({ ...request, handling_region: '110000', item_code: '110000-SPJY-0001' }));
  await writeFile(join(dir, 'typo.json'), JSON.stringify({ ...request, handling_regoin: LC.code }));
}, 60_000);

afterAll(async () => {
  for (const g of gw) await g.stop();
  await log?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('xr case against a gateway', () => {
  let caseId = '';

  it('submits from a file, printing the request_id it made, then gets and lists the case', async () => {
    const submitted = await xr(QD.code, ['case', 'submit', '--file', 'submit.json', '--json']);
    expect(submitted.code, submitted.stderr).toBe(0);
    const body = JSON.parse(submitted.stdout) as { requestId: string; case: { caseId: string; status: string; handlingRegion: string } };
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(submitted.stderr).toContain(`request_id ${body.requestId}`);
    expect(body.case).toMatchObject({ handlingRegion: LC.code });
    caseId = body.case.caseId;

    // The same request_id again: the first case, not a second one.
    const again = await xr(QD.code, ['case', 'submit', '--file', 'submit.json', '--request-id', body.requestId, '--json']);
    expect(again.stderr).toBe('');
    expect((JSON.parse(again.stdout) as typeof body).case.caseId).toBe(caseId);

    const got = await xr(QD.code, ['case', 'get', caseId]);
    expect(got.code).toBe(0);
    expect(got.stdout).toMatch(new RegExp(`^${caseId}  \\w+`));
    expect(got.stdout).toContain(`received in ${QD.code}, handled by ${LC.code}; applicant 张三`);
    expect(got.stdout).toContain('deadlines');
    expect(got.stdout).not.toContain('11010519491231002X');

    const listed = await xr(QD.code, ['case', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^CASE +STATUS +ITEM/);
    expect(listed.stdout).toContain(caseId);
    expect(listed.stdout).toContain('1 of 1');
    const none = JSON.parse((await xr(QD.code, ['case', 'list', '--status', 'approved', '--json'])).stdout) as { cases: unknown[] };
    expect(none.cases).toEqual([]);
  });

  it('prints a refusal as xr: <code>: message (field …) and exits 1', async () => {
    const refused = await xr(QD.code, ['case', 'submit', '--file', 'elsewhere.json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^xr case: request_id [0-9a-f-]{36} .*\nxr: XR_PARTNER_UNKNOWN: 110000 is not a partner region of 370200 \(field handling_region\)\n$/);
    const unknown = await xr(QD.code, ['case', 'get', '01945f3a-0000-7000-8000-000000000000', '--json']);
    expect(unknown.code).toBe(1);
    expect((JSON.parse(unknown.stderr) as { error: { code: string } }).error.code).toBe('XR_CASE_NOT_FOUND');
    const stranger = await xr('none', ['case', 'get', caseId, '--gateway', env[QD.code]!['XR_GATEWAY_URL']!]);
    expect(stranger).toMatchObject({ code: 1, stderr: expect.stringMatching(/^xr: XR_UNAUTHENTICATED/) as unknown });
  });

  it('watch prints a line when the handling side acts, and stops on abort (Ctrl-C) with exit 0', async () => {
    const stop = new AbortController();
    let seen = '';
    const watching = xr(QD.code, ['case', 'watch', caseId], stop.signal, (t) => (seen += t));
    await expect.poll(() => seen, { timeout: 10_000 }).toContain(caseId);
    await expect.poll(async () => (await xr(LC.code, ['case', 'get', caseId])).code, { timeout: 10_000 }).toBe(0);
    await writeFile(join(dir, 'accept.json'), JSON.stringify({ case_id: caseId, receipt_no: 'LC-2026-0001', basis: 'standard', promised_days: 20 }));
    const accepted = await xr(LC.code, ['case', 'call', 'AcceptCase', '--file', 'accept.json']);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/accepted|受理/);
    await expect.poll(() => seen, { timeout: 15_000 }).toMatch(/ accepted /);
    stop.abort();
    const done = await watching;
    expect(done.code).toBe(0);
    expect(done.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(2);
  });
});

describe('xr case watch as a process', () => {
  it('prints the case and stops on Ctrl-C (SIGINT) with exit 0', async () => {
    const submitted = JSON.parse((await xr(QD.code, ['case', 'submit', '--file', 'submit.json', '--json'])).stdout) as { case: { caseId: string } };
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'case', 'watch', submitted.case.caseId], { cwd: ROOT, env: { ...process.env, ...env[QD.code] }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => out, { timeout: 60_000 }).toContain(submitted.case.caseId);
    child.kill('SIGINT');
    expect(await exited, err).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
  }, 90_000);
});

describe('xr case argument errors (exit 2, nothing sent)', () => {
  it('refuses unknown request fields, unknown RPCs, missing files and gateways before sending', async () => {
    expect(await xr(QD.code, ['case', 'submit', '--file', 'typo.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('(field typo.json: handlingRegoin)') as unknown });
    expect(await xr(QD.code, ['case', 'call', 'WatchCase', '--file', 'submit.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('(field Rpc)') as unknown });
    expect(await xr(QD.code, ['case', 'submit', '--file', 'missing.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --file)') as unknown });
    expect(await xr('none', ['case', 'get', 'x'])).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --gateway)') as unknown });
    expect(await xr(QD.code, ['case', 'get'])).toMatchObject({ code: 2, stderr: expect.stringContaining('(field arguments)') as unknown });
    expect(await xr(QD.code, ['case', 'list', '--file', 'submit.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --file)') as unknown });
    expect(await xr(QD.code, ['case', 'frobnicate'])).toMatchObject({ code: 2 });
  });
});

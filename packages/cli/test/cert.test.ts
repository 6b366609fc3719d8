/**
 * `xr cert` without a network: show (the 证照标识 check, masking), verify --offline from registry
 * records and cached status lists (valid, revoked, suspended, not recognised, altered, a forged
 * list, a registry signed by someone else), and the argument errors that send nothing (exit 2).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLine } from '@xr/audit';
import { StatusBitstring, issueLicence, issueStatusList, type LicenceToIssue, type StatusPurpose } from '@xr/credentials';
import { canonicalBytes, canonicalJson, generateKeyPair, makeKid, signDetached, signingKeyFromJwk, type PublicJwk } from '@xr/crypto';
import { adminKid, REGISTRY_JWS_HEADER, uuidv7 } from '@xr/registry';
import { run, type CliIo } from '../src/index.js';

const TYPE = '11100000MB0143028R002';
const BASE = 'https://xr.example.gov.cn';
const ISSUER = { region: '370200', uscc: '11370200MB12345674', name: '青岛市行政审批服务局' };
const admin = generateKeyPair(adminKid('ops', 1));
const stranger = generateKeyPair(adminKid('mallory', 1));
const QD = generateKeyPair(makeKid('370200', 1));
const WL = generateKeyPair(makeKid('331081', 1));
const CD = generateKeyPair(makeKid('510100', 1));
/** 青岛's later keys, in rotated-registry.jsonl only: QD2 rotated in, then revoked; QD3 current. */
const QD2 = generateKeyPair(makeKid('370200', 2));
const QD3 = generateKeyPair(makeKid('370200', 3));
/** A 青岛 key the registry never heard of. */
const UNREGISTERED = generateKeyPair(makeKid('370200', 9));
const HOUR = 3_600_000;
const now = Date.now();
const INDEX = 4_242;

let dir: string;

async function xr(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd: dir };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Registry records as an audit export writes the registry topic: one line each, admin-signed. */
async function registryFile(signer: typeof admin, name: string, more: [string, object, number][] = []): Promise<void> {
  const key = signingKeyFromJwk(signer.privateJwk);
  const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });
  const payloads: [string, object][] = [
    ['partner.registered', { region: '370200', name: '青岛市', keys: { keys: [jwk(QD.publicJwk)] }, contact: {} }],
    ['partner.registered', { region: '331081', name: '温岭市', keys: { keys: [jwk(WL.publicJwk)] }, contact: {} }],
    ['partner.registered', { region: '510100', name: '成都市', keys: { keys: [jwk(CD.publicJwk)] }, contact: {} }],
    ['recognition.set', { region: '331081', issuer: '370200', certificateTypes: [TYPE] }],
  ];
  const lines: string[] = [];
  const records: [string, object, number][] = [...payloads.map(([type, payload], i): [string, object, number] => [type, payload, now - 2 * HOUR + i * 1000]), ...more];
  for (const [i, [type, payload, at]] of records.entries()) {
    const time = new Date(at).toISOString();
    const value = canonicalBytes({ id: uuidv7(), type, v: 1, time, admin: key.kid, payload });
    lines.push(recordLine({ topic: 'xr.registry', partition: 0, offset: i, timestamp: Date.parse(time), headers: { [REGISTRY_JWS_HEADER]: await signDetached(value, key) }, value }));
  }
  await writeFile(join(dir, name), `${lines.join('\n')}\n`);
}

function licence(overrides: Partial<LicenceToIssue> = {}, key = QD): string {
  const issued = issueLicence(
    {
      base: BASE,
      issuer: ISSUER,
      typeCode: TYPE,
      serial: '370200260001',
      version: '001',
      licenceName: '食品经营许可证',
      licenceNumber: 'JY13702000000001',
      issueDate: new Date((overrides.issuedAt ?? now - HOUR) + 8 * HOUR).toISOString().slice(0, 10), // the China date of iat
      holder: { name: '张三', code: '11010519491231002X', codeType: '111' },
      validFrom: new Date(now - HOUR).toISOString(),
      validUntil: new Date(now + 365 * 24 * HOUR).toISOString(),
      item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' },
      caseId: '0194a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
      status: { list: 0, index: INDEX },
      issuedAt: now - HOUR,
      ...overrides,
    },
    signingKeyFromJwk(key.privateJwk),
  );
  if (!issued.ok) throw new Error(issued.message);
  return issued.value.jws;
}

async function statusList(purpose: StatusPurpose, set: number[], name: string, key = QD): Promise<void> {
  let bits = StatusBitstring.empty();
  for (const i of set) bits = bits.with(i, true);
  const issued = issueStatusList({ base: BASE, issuer: ISSUER, purpose, list: 0, bits, asOf: now - 60_000 }, signingKeyFromJwk(key.privateJwk));
  if (!issued.ok) throw new Error(issued.message);
  await writeFile(join(dir, name), `${issued.value.jws}\n`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-cli-cert-'));
  await registryFile(admin, 'registry.jsonl');
  await registryFile(stranger, 'forged-registry.jsonl');
  // 青岛 rotates QD → QD2 (QD verifies what it signed before now − 95 min), QD2 is revoked from
  // now − 50 min (found compromised), and QD3 is rotated in.
  const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });
  const MIN = 60_000;
  await registryFile(admin, 'rotated-registry.jsonl', [
    ['key.rotated', { region: '370200', newKey: jwk(QD2.publicJwk), overlapUntil: new Date(now - 95 * MIN).toISOString() }, now - 100 * MIN],
    ['key.revoked', { region: '370200', kid: QD2.publicJwk.kid, effectiveAt: new Date(now - 50 * MIN).toISOString() }, now - 45 * MIN],
    ['key.rotated', { region: '370200', newKey: jwk(QD3.publicJwk), overlapUntil: new Date(now - 44 * MIN).toISOString() }, now - 44 * MIN],
  ]);
  await writeFile(join(dir, 'before-rotation.jws'), `${licence({ issuedAt: now - 110 * MIN }, QD)}\n`);
  await writeFile(join(dir, 'before-revocation.jws'), `${licence({ issuedAt: now - 70 * MIN }, QD2)}\n`);
  await writeFile(join(dir, 'after-revocation.jws'), `${licence({ issuedAt: now - 40 * MIN }, QD2)}\n`);
  await statusList('revocation', [], 'qd3-revocation.jws', QD3);
  await statusList('suspension', [], 'qd3-suspension.jws', QD3);
  await writeFile(join(dir, 'anchors.json'), JSON.stringify({ keys: [admin.publicJwk] }));
  await writeFile(join(dir, 'licence.jws'), `${licence()}\n`);
  const [h, p, s] = licence().split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { credentialSubject: Record<string, unknown>; id: string };
  payload.credentialSubject['holderName'] = '李四';
  await writeFile(join(dir, 'altered.jws'), `${h}.${Buffer.from(canonicalJson(payload)).toString('base64url')}.${s}`);
  const badCheck = { ...payload, id: payload.id.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) };
  await writeFile(join(dir, 'bad-check.jws'), `${h}.${Buffer.from(canonicalJson(badCheck)).toString('base64url')}.${s}`);
  await writeFile(join(dir, 'garbage.jws'), 'not.a.credential');
  await statusList('revocation', [], 'revocation.jws');
  await statusList('suspension', [], 'suspension.jws');
  await statusList('revocation', [INDEX], 'revoked.jws');
  await statusList('suspension', [INDEX], 'suspended.jws');
  await statusList('revocation', [], 'unregistered-revocation.jws', UNREGISTERED);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const offline = (file: string, lists: string[], ...more: string[]) => xr('cert', 'verify', file, '--offline', '--registry', 'registry.jsonl', '--anchors', 'anchors.json', ...lists.flatMap((l) => ['--status-list', l]), ...more);
const codes = (stdout: string) => (JSON.parse(stdout) as { reasons: { code: string }[] }).reasons.map((r) => r.code);

describe('xr cert show', () => {
  it('shows the credential readably with the 证照标识 check, the 公民身份号码 masked unless --reveal', async () => {
    const shown = await xr('cert', 'show', 'licence.jws');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('证照名称 Licence name');
    expect(shown.stdout).toContain('食品经营许可证');
    expect(shown.stdout).toMatch(/✓ check character [0-9A-Z] \(ISO\/IEC 7064 MOD 37,36\)/);
    expect(shown.stdout).not.toContain('11010519491231002X');
    expect((await xr('cert', 'show', 'licence.jws', '--reveal')).stdout).toContain('11010519491231002X');
    const json = JSON.parse((await xr('cert', 'show', 'licence.jws', '--json')).stdout) as { licenceId: { ok: boolean; typeCode: string }; payload: { credentialSubject: { holderCode: string } } };
    expect(json.licenceId).toMatchObject({ ok: true, typeCode: TYPE });
    expect(json.payload.credentialSubject.holderCode).not.toBe('11010519491231002X');
  });

  it('exits 1 on a bad check character or an undecodable file, naming the code', async () => {
    const bad = await xr('cert', 'show', 'bad-check.jws');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✗ XR_CERT_ID_CHECKSUM');
    const garbage = await xr('cert', 'show', 'garbage.jws', '--json');
    expect(garbage.code).toBe(1);
    const shown = JSON.parse(garbage.stdout) as { decoded: boolean; problems: { code: string; field: string }[] };
    expect(shown.decoded).toBe(false);
    expect(shown.problems.map((p) => `${p.code} ${p.field}`)).toContain('XR_CERT_MALFORMED /signature');
  });
});

describe('xr cert verify --offline', () => {
  it('valid where recognised, from registry records and status lists alone', async () => {
    const v = await offline('licence.jws', ['revocation.jws', 'suspension.jws'], '--region', '331081', '--json');
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, reasons: [], recognitionChecked: true, registry: { applied: 4, refused: [] } });
    const human = await offline('licence.jws', ['revocation.jws', 'suspension.jws'], '--region', '331081');
    expect(human.stdout).toContain('核验 Verification: valid');
    expect(human.stdout).toContain('recognition (互认) judged for region 331081');
  });

  it('refuses with the precise code: not recognised, revoked, suspended, altered, expired', async () => {
    const cd = await offline('licence.jws', ['revocation.jws', 'suspension.jws'], '--region', '510100', '--json');
    expect([cd.code, codes(cd.stdout)]).toEqual([1, ['XR_CERT_NOT_RECOGNISED']]);
    expect(codes((await offline('licence.jws', ['revoked.jws', 'suspension.jws'], '--region', '331081', '--json')).stdout)).toEqual(['XR_CERT_REVOKED']);
    expect(codes((await offline('licence.jws', ['revocation.jws', 'suspended.jws'], '--region', '331081', '--json')).stdout)).toEqual(['XR_CERT_SUSPENDED']);
    expect(codes((await offline('altered.jws', ['revocation.jws', 'suspension.jws'], '--region', '331081', '--json')).stdout)).toEqual(['XR_CERT_SIGNATURE_INVALID']);
    const later = new Date(now + 2 * 365 * 24 * HOUR).toISOString();
    expect(codes((await offline('licence.jws', ['revocation.jws', 'suspension.jws'], '--region', '331081', '--at', later, '--json')).stdout)).toEqual(['XR_CERT_EXPIRED']);
  });

  it('without the suspension list the status cannot be told; without --region recognition is not judged', async () => {
    expect(codes((await offline('licence.jws', ['revocation.jws'], '--region', '331081', '--json')).stdout)).toEqual(['XR_CERT_STATUS_UNKNOWN']);
    const v = await offline('licence.jws', ['revocation.jws', 'suspension.jws'], '--json');
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, recognitionChecked: false });
  });

  it('judges the issuer key at iat as the registry records tell it: rotated out since is valid, revoked before iat is XR_CERT_KEY_REVOKED', async () => {
    const rotated = (file: string) => xr('cert', 'verify', file, '--offline', '--registry', 'rotated-registry.jsonl', '--anchors', 'anchors.json', '--status-list', 'qd3-revocation.jws', '--status-list', 'qd3-suspension.jws', '--region', '331081', '--json');
    const beforeRotation = await rotated('before-rotation.jws');
    expect(JSON.parse(beforeRotation.stdout)).toMatchObject({ valid: true, reasons: [], registry: { applied: 7, refused: [] } });
    expect(beforeRotation.code).toBe(0);
    expect(JSON.parse((await rotated('before-revocation.jws')).stdout)).toMatchObject({ valid: true, reasons: [] });
    const revoked = await rotated('after-revocation.jws');
    expect([revoked.code, (JSON.parse(revoked.stdout) as { reasons: { code: string; field: string }[] }).reasons.map((r) => [r.code, r.field])]).toEqual([1, [['XR_CERT_KEY_REVOKED', '/header/kid']]]);
    // The same QD-signed licence of an hour ago, after QD's overlap ended: rotated out before iat.
    expect(codes((await rotated('licence.jws')).stdout)).toEqual(['XR_KEY_ROTATED_OUT']);
  });

  it('a status list signed with a key the registry does not know, or a registry not signed by the anchors, stops the command (exit 2)', async () => {
    const foreign = await offline('licence.jws', ['unregistered-revocation.jws', 'suspension.jws'], '--region', '331081');
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/^xr: XR_CERT_KEY_UNKNOWN: unregistered-revocation.jws is not a status list that holds.*\(field --status-list\)/);
    const forged = await xr('cert', 'verify', 'licence.jws', '--offline', '--registry', 'forged-registry.jsonl', '--anchors', 'anchors.json', '--status-list', 'revocation.jws', '--status-list', 'suspension.jws');
    expect(forged.code).toBe(2);
    expect(forged.stderr).toMatch(/no registry record in forged-registry.jsonl holds.*\(field --registry\)/);
  });
});

describe('xr cert argument errors (exit 2, nothing sent)', () => {
  it('checks the 证照标识 and the reason code before sending', async () => {
    expect(await xr('cert', 'revoke', '1.2.156.3005.2.11100000MB0143028R002.11370200MB12345674.1.001.Z', '--reason', 'fraud', '--gateway', '127.0.0.1:1')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^xr: XR_CERT_ID_CHECKSUM: .*\(field 证照标识\)/) as unknown });
    const id = (JSON.parse((await xr('cert', 'show', 'licence.jws', '--json')).stdout) as { licenceId: { certId: string } }).licenceId.certId;
    expect(await xr('cert', 'suspend', id, '--reason', 'Under Review', '--gateway', '127.0.0.1:1')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --reason)') as unknown });
    expect(await xr('cert', 'reinstate', id, '--reason', 'ok')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --gateway)') as unknown });
    // Past the checks, an address nothing listens on: exit 1, XR_UNAVAILABLE.
    expect(await xr('cert', 'revoke', id, '--reason', 'fraud', '--gateway', '127.0.0.1:1')).toMatchObject({ code: 1, stderr: expect.stringContaining('XR_UNAVAILABLE') as unknown });
  });

  it('refuses options a command does not take, missing files and bad purposes', async () => {
    expect(await xr('cert', 'show', 'licence.jws', '--gateway', 'x:1')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --gateway)') as unknown });
    expect(await xr('cert', 'verify', 'licence.jws', '--gateway', '127.0.0.1:1', '--region', '331081')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --region)') as unknown });
    expect(await xr('cert', 'verify', 'licence.jws', '--offline', '--registry', 'registry.jsonl', '--anchors', 'anchors.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --status-list)') as unknown });
    expect(await xr('cert', 'show', 'missing.jws')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field file)') as unknown });
    expect(await xr('cert', 'status-list', '--gateway', '127.0.0.1:1', '--purpose', 'everything')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --purpose)') as unknown });
    expect(await xr('cert', 'frobnicate')).toMatchObject({ code: 2 });
    expect(await xr('cert', 'show')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field arguments)') as unknown });
  });
});

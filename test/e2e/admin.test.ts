/**
 * The admin service on a real broker: partners registered over gRPC appear in ListPartners and in
 * an independent registry follower; a forged registry record is refused and counted; a revoked key
 * refuses records signed after the revocation; the `xr` CLI registers a partner from a file and
 * lists it as JSON.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalBytes, generateKeyPair, makeKid, signDetached, signingKeyFromJwk } from '@xr/crypto';
import { SAMPLE_CATALOG_370200 } from '@xr/domain/samples';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { adminKid, RegistryFollower, REGISTRY_JWS_HEADER, TrustAnchor, uuidv7, type RefusedRecord } from '@xr/registry';
import { detailsOf, eventually } from './support/clients.js';
import { runCli, startAdminInProcess, type AdminUnderTest } from './support/admin.js';
import { tokenFor } from './support/identity.js';

const prefix = `e2e-admin-${randomUUID().slice(0, 8)}`;
const topic = `${prefix}.registry`;
const adminKey = generateKeyPair(adminKid('ops', 1));
const LC = { code: '371500', k1: generateKeyPair(makeKid('371500', 1)) };
const QD = { code: '370200', k1: generateKeyPair(makeKid('370200', 1)) };
const WL = { code: '331081', k1: generateKeyPair(makeKid('331081', 1)) };

let brokers: string;
let admin: AdminUnderTest;
let log: KafkaEventLog;
let follower: RegistryFollower;
const refused: RefusedRecord[] = [];
const seenAt = new Map<string, number>();
let dir: string;

const jwk = (k: typeof LC.k1.publicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid, alg: 'EdDSA', use: 'sig' });
interface Change {
  recordId: string;
  offset: number;
  duplicate: boolean;
  partner: { region: string; status: string; keys: { jwk: { kid: string }; status: string }[] };
}
interface Listed {
  partners: { region: string; name: string; status: string }[];
  registryPosition: number;
}

beforeAll(async () => {
  brokers = inject('kafkaBrokers');
  dir = await mkdtemp(join(tmpdir(), 'xr-admin-e2e-'));
  admin = await startAdminInProcess(adminKey.privateJwk, brokers, prefix);
  log = new KafkaEventLog({ brokers: brokers.split(','), clientId: 'e2e-registry-follower' });
  follower = new RegistryFollower({ log, topic, anchor: new TrustAnchor([adminKey.publicJwk]), onRefused: (r) => refused.push(r) });
  follower.onChange((_state, record) => seenAt.set(record.id, Date.now()));
  await follower.start();
  await follower.ready();
}, 120_000);

afterAll(async () => {
  await follower?.stop();
  await admin?.stop();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('admin service over Kafka', () => {
  it('registers a partner over gRPC; ListPartners and an independent follower see it', async () => {
    const started = Date.now();
    const change = await admin.call<Change>('RegisterPartner', {
      requestId: randomUUID(),
      region: QD.code,
      name: '青岛市',
      keys: [jwk(QD.k1.publicJwk)],
      catalogJson: JSON.stringify(SAMPLE_CATALOG_370200),
      contact: { name: '李工', email: 'xr@qingdao.example.cn' },
    });
    const returned = Date.now();
    expect(change).toMatchObject({ offset: 0, duplicate: false, partner: { region: QD.code, status: 'PARTNER_STATUS_ACTIVE', keys: [{ jwk: { kid: '370200.k1' }, status: 'KEY_STATUS_ACTIVE' }] } });
    const listed = await admin.call<Listed>('ListPartners', {});
    expect(listed).toMatchObject({ registryPosition: 1, partners: [{ region: QD.code, name: '青岛市', status: 'PARTNER_STATUS_ACTIVE' }] });
    const seen = await eventually(async () => seenAt.get(change.recordId));
    expect(follower.state.catalogOf(QD.code)).toEqual(SAMPLE_CATALOG_370200);
    process.stderr.write(`[admin e2e] RegisterPartner took ${returned - started} ms; independent follower saw it ${seen - returned} ms after it returned (${seen - started} ms after the call)\n`);
  });

  it('refuses a conflicting registration with ALREADY_EXISTS and the registry code', async () => {
    const error = await admin.call('RegisterPartner', { requestId: randomUUID(), region: QD.code, name: '另一个青岛', keys: [jwk(QD.k1.publicJwk)], catalogJson: '', contact: {} }).catch((e: ServiceError) => e);
    expect((error as ServiceError).code).toBe(status.ALREADY_EXISTS);
    expect((error as ServiceError).metadata.get('xr-code')).toEqual(['XR_REGISTRY_CONFLICT']);
    expect(detailsOf(error as ServiceError)).toMatchObject({ violations: [{ field: 'region' }] });
  });

  it('a forged registry record appended straight to the topic is refused by the follower and counted', async () => {
    const forger = signingKeyFromJwk(generateKeyPair(adminKid('mallory', 1)).privateJwk);
    const record = { id: uuidv7(), type: 'partner.registered', v: 1, time: new Date().toISOString(), admin: forger.kid, payload: { region: WL.code, name: '温岭市', keys: { keys: [WL.k1.publicJwk] }, contact: {} } };
    const value = canonicalBytes(record);
    const before = follower.stats.refused;
    const [appended] = await log.append(topic, [{ id: record.id, key: WL.code, value, headers: { [REGISTRY_JWS_HEADER]: await signDetached(value, forger) }, partition: 0 }]);
    expect(await follower.reached(appended!.offset, 20_000)).toBe(true);
    expect(follower.stats.refused).toBe(before + 1);
    expect(refused.at(-1)).toMatchObject({ offset: appended!.offset, recordId: record.id, code: 'XR_REGISTRY_ADMIN_UNKNOWN' });
    expect(follower.state.isRegistered(WL.code)).toBe(false);
    await eventually(async () => ((await admin.call<Listed>('ListPartners', {})).registryPosition > appended!.offset ? true : undefined));
    expect(admin.running.follower.stats.refused).toBeGreaterThanOrEqual(1);
    expect((await admin.call<Listed>('ListPartners', {})).partners.map((p) => p.region)).toEqual([QD.code]);
  });

  it('after RevokeKey, keyFor(kid, a later time) is XR_KEY_REVOKED and earlier records still verify', async () => {
    const effectiveAt = new Date().toISOString();
    const change = await admin.call<Change>('RevokeKey', { requestId: randomUUID(), region: QD.code, kid: '370200.k1', effectiveAt });
    expect(change.partner.keys[0]).toMatchObject({ status: 'KEY_STATUS_REVOKED' });
    await eventually(async () => seenAt.get(change.recordId));
    const later = new Date(Date.parse(effectiveAt) + 1_000).toISOString();
    const earlier = new Date(Date.parse(effectiveAt) - 1_000).toISOString();
    expect(follower.state.keyFor('370200.k1', later)).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    expect(follower.state.keyFor('370200.k1', earlier)).toMatchObject({ ok: true, region: QD.code });
    // claims a time an hour before the revocation, but the log received it 11 minutes after: refused
    const at = Date.parse(effectiveAt);
    expect(follower.state.keyFor('370200.k1', new Date(at - 3_600_000).toISOString(), { receivedAt: at + 11 * 60_000 })).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
    expect(follower.state.keyFor('370200.k1', earlier, { receivedAt: at + 5_000 })).toMatchObject({ ok: true });
  });

  it('the xr CLI registers a partner from a file and `xr admin list --json` prints it', async () => {
    const file = join(dir, 'liaocheng.json');
    await writeFile(file, JSON.stringify({ region: LC.code, name: '聊城市', keys: { keys: [LC.k1.publicJwk] }, contact: { email: 'xr@liaocheng.example.cn' } }));
    const env = { XR_ADMIN_URL: admin.address, XR_TOKEN: await tokenFor('*', 'admin', 'admin-ops') };
    const anonymous = await runCli(['admin', 'list'], { XR_ADMIN_URL: admin.address, XR_TOKEN: '' });
    expect(anonymous).toMatchObject({ code: 1, stderr: expect.stringMatching(/^xr: XR_UNAUTHENTICATED/) as unknown });
    const auditor = await runCli(['admin', 'register', '--file', file], { XR_ADMIN_URL: admin.address, XR_TOKEN: await tokenFor('*', 'auditor', 'auditor-1') });
    expect(auditor).toMatchObject({ code: 1, stderr: expect.stringMatching(/^xr: XR_PERMISSION_DENIED/) as unknown });
    const registered = await runCli(['admin', 'register', '--file', file], env);
    expect(registered.stderr).toBe('');
    expect(registered).toMatchObject({ code: 0, stdout: expect.stringContaining(`registered ${LC.code}: record`) as unknown });
    const listed = await runCli(['admin', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    const out = JSON.parse(listed.stdout) as Listed;
    expect(out.partners.map((p) => [p.region, p.status])).toEqual([
      [QD.code, 'PARTNER_STATUS_ACTIVE'],
      [LC.code, 'PARTNER_STATUS_ACTIVE'],
    ].sort());
    const conflict = await runCli(['admin', 'register', '--file', file, '--json'], env);
    expect(conflict.code).toBe(0); // same content again: already in effect
    const bad = await runCli(['admin', 'suspend', '--region', '331081', '--reason', 'x'], env);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/^xr: XR_PARTNER_UNKNOWN: region 331081 is not a registered partner \(field region\)/) as unknown });
    process.stderr.write(`[admin e2e] xr admin register: ${registered.ms} ms, xr admin list --json: ${listed.ms} ms (child processes, tsx start included)\n`);
  });

  it('a follower started now reads the whole registry from the start and agrees', async () => {
    const late = new RegistryFollower({ log, topic, anchor: new TrustAnchor([adminKey.publicJwk]) });
    const started = Date.now();
    await late.start();
    await late.ready();
    const ms = Date.now() - started;
    try {
      expect(late.state.partners()).toEqual(follower.state.partners());
      expect(late.stats).toMatchObject({ position: follower.stats.position, refused: 1 });
      process.stderr.write(`[admin e2e] a new follower caught up on ${late.stats.position} records in ${ms} ms\n`);
    } finally {
      await late.stop();
    }
  });
});

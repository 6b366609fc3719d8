/**
 * Trust no producer-set value (issue #8). Gateways run as separate processes on a real broker and
 * trust only the admin-signed registry; the records below are written straight into 聊城's inbox
 * with a raw kafkajs producer, as a hostile or broken partner could:
 * - a record backdated by its producer (envelope `time` and Kafka timestamp an hour before a
 *   revocation) and signed with the revoked key is refused XR_KEY_REVOKED: the broker stamps the
 *   time that judges a key (LogAppendTime); a gateway will not start on an inbox that lets the
 *   producer choose it;
 * - signed bytes that are not exactly RFC 8785 canonical JSON (a duplicate member, pretty
 *   printing) are refused XR_ENVELOPE_NOT_CANONICAL: signed bytes mean one thing or nothing;
 * - a ~900 KB record (too large to quarantine whole under the broker's 1 MB limit) is quarantined
 *   XR_RECORD_TOO_LARGE with its digest, size, position and a bounded prefix, and every partition
 *   moves on: a SubmitCase after it succeeds.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status, type ServiceError } from '@grpc/grpc-js';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalBytes, generateKeyPair, sha256Hex, makeKid, signDetached, signingKeyFromJwk, type PrivateJwk, type PublicJwk } from '@xr/crypto';
import { KafkaEventLog } from '@xr/event-log-kafka';
import { decodeQuarantine, JWS_HEADER, newId, topics, type QuarantineEntry } from '@xr/exchange';
import { adminKid } from '@xr/registry';
import { startAdminInProcess, type AdminUnderTest } from './support/admin.js';
import { APPLICANT, foodLicence } from './support/cases.js';
import { clientsFor, eventually, type Clients } from './support/clients.js';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.js';
import { authConfig, tokenFor } from './support/identity.js';

const prefix = `untrusted-${randomUUID().slice(0, 8)}`;
const t = topics(prefix);
const admin = generateKeyPair(adminKid('ops', 1));
const LC = { code: '371500', name: '聊城市', k1: generateKeyPair(makeKid('371500', 1)) };
const QD = { code: '370200', name: '青岛市', k1: generateKeyPair(makeKid('370200', 1)) };
/** A partner with no gateway here: its key is revoked by the first test. */
const WL = { code: '331081', name: '温岭市', k1: generateKeyPair(makeKid('331081', 1)) };
const MINUTE = 60_000;

let brokers: string[];
let dir: string;
let desk: AdminUnderTest;
let log: KafkaEventLog;
let kafka: Kafka;
let producer: Producer;
let kafkaAdmin: Admin;
const gw: Record<string, GatewayProcess> = {};
const sys: Record<string, Clients> = {};

const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });
const register = (city: { code: string; name: string; k1: { publicJwk: PublicJwk } }) =>
  desk.call('RegisterPartner', { requestId: randomUUID(), region: city.code, name: city.name, keys: [jwk(city.k1.publicJwk)], catalogJson: '', contact: {} });

function gatewayConfig(city: { code: string; k1: { privateJwk: object } }, topicPrefix = prefix): Record<string, unknown> {
  return {
    region: city.code,
    signingKey: city.k1.privateJwk,
    eventLog: { kind: 'kafka', brokers },
    ...authConfig('127.0.0.1:0'),
    registry: { trustAnchors: [admin.publicJwk] },
    topicPrefix,
    logLevel: 'info',
  };
}

/** A case.submitted from `from` to `to` as a partner's gateway would sign it. */
function caseSubmitted(from: string, to: string, time: string) {
  return { id: newId(), type: 'case.submitted', v: 1, caseId: newId(), seq: 1, source: from, target: to, time, payload: { item: { code: `${to}-SPJY-0001`, name: '食品经营许可证核发' }, applicant: APPLICANT, materials: [], intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: time } } };
}

/** Produces bytes signed with `key` straight into a region's inbox, with a producer-chosen timestamp when given. */
async function produceSigned(to: string, caseId: string, eventId: string, bytes: Uint8Array, key: PrivateJwk, timestamp?: number): Promise<void> {
  const jws = await signDetached(bytes, signingKeyFromJwk(key));
  await producer.send({ topic: t.inbox(to), messages: [{ key: caseId, value: Buffer.from(bytes), headers: { [JWS_HEADER]: jws, 'xr-id': eventId }, ...(timestamp === undefined ? {} : { timestamp: String(timestamp) }) }] });
}

async function quarantine(region: string): Promise<QuarantineEntry[]> {
  return (await log.read(t.quarantine(region), 0, 0)).map(decodeQuarantine);
}

async function quarantinedWith(region: string, eventId: string): Promise<QuarantineEntry | undefined> {
  return (await quarantine(region)).find((e) => e.eventId === eventId || Buffer.from(e.value ?? '', 'base64').toString().includes(eventId));
}

const notFound = (c: Clients, caseId: string) => c.get(caseId).then(() => 'found', (e: ServiceError) => e.code);

beforeAll(async () => {
  brokers = inject('kafkaBrokers').split(',');
  dir = await mkdtemp(join(tmpdir(), 'xr-untrusted-'));
  log = new KafkaEventLog({ brokers, clientId: 'untrusted-observer' });
  kafka = new Kafka({ clientId: 'untrusted-raw', brokers, logLevel: logLevel.NOTHING });
  producer = kafka.producer({ allowAutoTopicCreation: false });
  kafkaAdmin = kafka.admin();
  await Promise.all([producer.connect(), kafkaAdmin.connect()]);
  desk = await startAdminInProcess(admin.privateJwk, brokers.join(','), prefix);
  await register(LC);
  await register(QD);
  await register(WL);
  [gw['lc'], gw['qd']] = await Promise.all([startGatewayProcess(gatewayConfig(LC), dir, 'lc'), startGatewayProcess(gatewayConfig(QD), dir, 'qd')]);
  sys['lc'] = clientsFor(gw['lc'].grpcPort, await tokenFor(LC.code));
}, 120_000);

afterAll(async () => {
  for (const c of Object.values(sys)) c.close();
  await Promise.all(Object.values(gw).map((g) => g.stop('SIGKILL')));
  await desk?.stop();
  await producer?.disconnect();
  await kafkaAdmin?.disconnect();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('fault 1: the broker stamps the time that judges a key', () => {
  it('a record backdated by its producer (time and Kafka timestamp an hour before the revocation) and signed with the revoked key is refused XR_KEY_REVOKED', async () => {
    // Revoked 11 minutes ago; the record claims (in its signed time and its Kafka timestamp) to be
    // from an hour before that: produced now, it is judged at now − 10 min, after the revocation.
    const effectiveAt = new Date(Date.now() - 11 * MINUTE).toISOString();
    await desk.call('RevokeKey', { requestId: randomUUID(), region: WL.code, kid: WL.k1.publicJwk.kid, effectiveAt });
    const backdated = Date.now() - 71 * MINUTE;
    const event = caseSubmitted(WL.code, LC.code, new Date(backdated).toISOString());
    await produceSigned(LC.code, event.caseId, event.id, canonicalBytes(event), WL.k1.privateJwk, backdated);
    const entry = await eventually(() => quarantinedWith(LC.code, event.id));
    expect(entry).toMatchObject({ code: 'XR_KEY_REVOKED', field: `headers.${JWS_HEADER}` });
    expect(await notFound(sys['lc']!, event.caseId)).toBe(status.NOT_FOUND);
  });

  it('every topic whose timestamps judge a key is LogAppendTime: the inboxes and the registry', async () => {
    const described = await kafkaAdmin.describeConfigs({
      includeSynonyms: false,
      resources: [t.inbox(LC.code), t.inbox(QD.code), t.inbox(WL.code), t.registry].map((name) => ({ type: 2, name, configNames: ['message.timestamp.type'] })),
    });
    expect(described.resources.map((r) => [r.resourceName, r.configEntries[0]?.configValue])).toEqual([
      [t.inbox(LC.code), 'LogAppendTime'],
      [t.inbox(QD.code), 'LogAppendTime'],
      [t.inbox(WL.code), 'LogAppendTime'],
      [t.registry, 'LogAppendTime'],
    ]);
  });

  it('a gateway refuses to start on an existing inbox whose producers set its timestamps, naming the topic and the setting', async () => {
    const other = `untrusted-ct-${randomUUID().slice(0, 8)}`;
    const inbox = topics(other).inbox(LC.code);
    await kafkaAdmin.createTopics({ waitForLeaders: true, topics: [{ topic: inbox, numPartitions: 3, replicationFactor: -1, configEntries: [{ name: 'message.timestamp.type', value: 'CreateTime' }] }] });
    const failed = await startGatewayProcess(gatewayConfig(LC, other), dir, 'lc-createtime').then(
      (g) => {
        gw['lc-createtime'] = g;
        return undefined;
      },
      (e: Error) => e.message,
    );
    expect(failed).toContain(inbox);
    expect(failed).toContain('message.timestamp.type');
    expect(failed).toContain('LogAppendTime');
  });
});

describe('fault 4: signed bytes mean one thing', () => {
  it('a validly signed envelope with a duplicate member ("name":"张三","name":"李四") is quarantined XR_ENVELOPE_NOT_CANONICAL and creates nothing', async () => {
    const event = caseSubmitted(QD.code, LC.code, new Date().toISOString());
    const text = new TextDecoder().decode(canonicalBytes(event));
    expect(text).toContain('"name":"张三"');
    const twoNames = new TextEncoder().encode(text.replace('"name":"张三"', '"name":"张三","name":"李四"'));
    await produceSigned(LC.code, event.caseId, event.id, twoNames, QD.k1.privateJwk);
    const entry = await eventually(() => quarantinedWith(LC.code, event.id));
    expect(entry).toMatchObject({ code: 'XR_ENVELOPE_NOT_CANONICAL', field: '/payload/applicant/name' });
    expect(await notFound(sys['lc']!, event.caseId)).toBe(status.NOT_FOUND);
  });

  it('a validly signed pretty-printed envelope is quarantined XR_ENVELOPE_NOT_CANONICAL and creates nothing', async () => {
    const event = caseSubmitted(QD.code, LC.code, new Date().toISOString());
    await produceSigned(LC.code, event.caseId, event.id, new TextEncoder().encode(JSON.stringify(event, null, 2)), QD.k1.privateJwk);
    const entry = await eventually(() => quarantinedWith(LC.code, event.id));
    expect(entry).toMatchObject({ code: 'XR_ENVELOPE_NOT_CANONICAL', field: 'value' });
    expect(await notFound(sys['lc']!, event.caseId)).toBe(status.NOT_FOUND);
  });
});

interface ListedQuarantine {
  entries: { code: string; topic: string; partition: number; offset: number; valueSha256: string; valueSize: number }[];
}

describe('fault 5: one large record does not wedge a region', () => {
  it('a 900 KB value in every inbox partition is quarantined XR_RECORD_TOO_LARGE with digest, size, position and a bounded prefix; SubmitCase then succeeds', async () => {
    const value = Buffer.alloc(900 * 1024, 'x');
    const marker = randomUUID();
    value.write(marker, 0);
    const digest = sha256Hex(value);
    for (let partition = 0; partition < 3; partition += 1) {
      await producer.send({ topic: t.inbox(LC.code), messages: [{ key: `big-${partition}`, value, partition, headers: { 'xr-id': `${marker}-${partition}` } }] });
    }
    const big = await eventually(async () => {
      const found = (await quarantine(LC.code)).filter((e) => e.code === 'XR_RECORD_TOO_LARGE' && e.sha256 === digest);
      return found.length === 3 ? found : undefined;
    }, 30_000);
    for (const entry of big) {
      expect(entry).toMatchObject({ code: 'XR_RECORD_TOO_LARGE', field: 'value', size: value.length, sha256: digest, from: { topic: t.inbox(LC.code) } });
      expect(entry.value).toBeUndefined();
      expect(Buffer.from(entry.prefix!, 'base64').toString()).toMatch(new RegExp(`^${marker}x+$`));
      expect(Buffer.from(entry.prefix!, 'base64').length).toBeLessThanOrEqual(4096);
    }
    expect(big.map((e) => e.from.partition).sort()).toEqual([0, 1, 2]);
    const listed = await desk.call<ListedQuarantine>('ListQuarantine', { region: LC.code, limit: 100 });
    expect(listed.entries.filter((e) => e.code === 'XR_RECORD_TOO_LARGE' && e.valueSha256 === digest).map((e) => [e.topic, e.valueSize])).toEqual([
      [t.inbox(LC.code), value.length],
      [t.inbox(LC.code), value.length],
      [t.inbox(LC.code), value.length],
    ]);

    const submitted = await sys['lc']!.submit(foodLicence(QD.code));
    expect(submitted.status).toBe('received');
  }, 90_000);
});

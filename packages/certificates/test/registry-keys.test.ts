/**
 * The issuer's key judged at the credential's `iat` through the real registry, as a gateway runs it:
 * registry records folded by `RegistryState`, served to the certificate desk by `registryTrust`, the
 * credentials issued on the status topic by their issuer. 青岛's keys: k1 rotated out (k2 added
 * 2025-03-01, overlap until 03-08), k2 revoked from 2025-04-01 (k3 added 04-20), k3 current.
 */
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLicence, makeLicenceId } from '@xr/credentials';
import { generateKeyPair, makeKid, sha256Hex, signingKeyFromJwk, type PublicJwk, type SigningKey } from '@xr/crypto';
import { chinaDate, catalogIndex } from '@xr/domain';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import { FileEventLog } from '@xr/event-log-file';
import { newId, topics } from '@xr/exchange';
import { createLogger } from '@xr/observability';
import { RegistryState, adminKid, registryTrust, uuidv7, type RegistryPayloads, type RegistryRecord, type RegistryRecordType } from '@xr/registry';
import { StatusWriter } from '@xr/status';
import { CertificateDesk } from '@xr/certificates';

const quiet = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) });
const t = topics('rk');
const QD = '370200';
const WL = '331081';
const TYPE = '11100000MB0143028R002';
const ISSUER = { region: QD, uscc: '11370200MB12345674', name: '青岛市行政审批服务局' };
const NOW = Date.parse('2025-06-01T12:00:00Z');
const qd = [1, 2, 3].map((g) => generateKeyPair(makeKid(QD, g))) as [ReturnType<typeof generateKeyPair>, ReturnType<typeof generateKeyPair>, ReturnType<typeof generateKeyPair>];
const wl = generateKeyPair(makeKid(WL, 1));
const signer = (k: { privateJwk: Parameters<typeof signingKeyFromJwk>[0] }): SigningKey => signingKeyFromJwk(k.privateJwk);
const jwk = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid });

function record<T extends RegistryRecordType>(type: T, time: string, payload: RegistryPayloads[T]): RegistryRecord {
  return { id: uuidv7(Date.parse(time)), type, v: 1, time, admin: adminKid('ops', 1), payload } as unknown as RegistryRecord;
}

/** The registry every gateway would fold from these records. */
function registry(): RegistryState {
  const records = [
    record('partner.registered', '2025-01-01T00:00:00Z', { region: QD, name: '青岛市', keys: { keys: [jwk(qd[0].publicJwk)] }, contact: {} }),
    record('partner.registered', '2025-01-01T00:00:01Z', { region: WL, name: '温岭市', keys: { keys: [jwk(wl.publicJwk)] }, contact: {} }),
    record('recognition.set', '2025-01-01T00:00:02Z', { region: WL, issuer: QD, certificateTypes: [TYPE] }),
    record('key.rotated', '2025-03-01T00:00:00Z', { region: QD, newKey: jwk(qd[1].publicJwk), overlapUntil: '2025-03-08T00:00:00Z' }),
    record('key.revoked', '2025-04-20T00:00:00Z', { region: QD, kid: qd[1].publicJwk.kid, effectiveAt: '2025-04-01T00:00:00Z' }),
    record('key.rotated', '2025-04-20T00:00:01Z', { region: QD, newKey: jwk(qd[2].publicJwk), overlapUntil: '2025-04-20T00:00:01Z' }),
  ];
  let state = RegistryState.empty();
  for (const r of records) {
    const next = state.apply(r);
    if (!next.ok) throw new Error(`${r.type}: ${next.code} ${next.message}`);
    state = next.value.state;
  }
  return state;
}

/** A 青岛 licence signed by `key` at `iat` (its 颁发日期 the China date of it), at status index `index`. */
function licence(key: SigningKey, iat: string, index: number): { jws: string; id: string } {
  const issueDate = chinaDate(iat)!;
  const serial = `${issueDate.replaceAll('-', '')}${String(index).padStart(8, '0')}`;
  const issued = issueLicence(
    {
      base: 'https://xr.example.gov.cn',
      issuer: ISSUER,
      typeCode: TYPE,
      serial,
      version: '001',
      licenceName: '食品经营许可证',
      licenceNumber: `${QD}-${serial}`,
      issueDate,
      holder: { name: '张三', code: '11010519491231002X', codeType: '111' },
      validFrom: iat,
      validUntil: '2030-01-01T00:00:00Z',
      item: { code: '370200-SPJY-0001', name: '食品经营许可证核发' },
      caseId: '0194a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
      status: { list: 0, index },
      issuedAt: Date.parse(iat),
    },
    key,
  );
  if (!issued.ok) throw new Error(issued.message);
  const id = makeLicenceId(TYPE, ISSUER.uscc, serial, '001');
  if (!id.ok) throw new Error(id.message);
  return { jws: issued.value.jws, id: id.value };
}

describe('the issuer key judged at iat through the real registry (desk.verify over registryTrust)', () => {
  let dir: string;
  let log: FileEventLog;
  let desk: CertificateDesk;
  let state: RegistryState;
  // k1 signed before it was rotated out; k2 signed once before and once after its revocation took effect.
  const beforeRotation = licence(signer(qd[0]), '2025-02-15T02:00:00Z', 1);
  const beforeRevocation = licence(signer(qd[1]), '2025-03-15T02:00:00Z', 2);
  const afterRevocation = licence(signer(qd[1]), '2025-04-15T02:00:00Z', 3);
  const current = licence(signer(qd[2]), '2025-05-15T02:00:00Z', 4);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xr-cert-keys-'));
    log = await FileEventLog.open({ dir });
    state = registry();
    const trust = registryTrust({ state, reached: async () => true }, wl.publicJwk, [], log, t.registry);
    desk = new CertificateDesk({ region: WL, signer: signer(wl), base: 'https://xr.example.gov.cn', log, topics: t, partitions: 1, trust, recognises: (v, i, ty) => state.recognises(v, i, ty), item: catalogIndex(SAMPLE_CATALOGS).item, authorities: [], clock: () => new Date(NOW), logger: quiet });
    await desk.start();
    // 青岛 put every one of them on the status topic (signed with its current key): only the key rule can refuse them.
    const writer = new StatusWriter({ log, topic: t.status, signer: signer(qd[2]) });
    const time = new Date().toISOString();
    const offsets = await writer.appendAll(
      [beforeRotation, beforeRevocation, afterRevocation, current].map((c, i) => ({ id: newId(), type: 'certificate.status' as const, v: 1 as const, issuer: QD, certificate: c.id, digest: sha256Hex(c.jws), index: i + 1, status: 'issued' as const, time })),
    );
    expect(await desk.follower.reached(offsets.at(-1)!, 10_000)).toBe(true);
    expect(desk.follower.stats.refused).toBe(0);
  });

  afterAll(async () => {
    await desk.stop();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the registry says k1 is rotated out and k2 revoked today: the verdicts below are about iat, not now', () => {
    const today = new Date(NOW).toISOString();
    expect(state.keyFor(qd[0].publicJwk.kid, today)).toMatchObject({ ok: false, code: 'XR_KEY_ROTATED_OUT' });
    expect(state.keyFor(qd[1].publicJwk.kid, today)).toMatchObject({ ok: false, code: 'XR_KEY_REVOKED' });
  });

  it('a key rotated out after iat (a newer key registered since) still verifies', () => {
    const verdict = desk.verify(beforeRotation.jws);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it('a key revoked after iat still verifies; the current key verifies', () => {
    expect(desk.verify(beforeRevocation.jws).reasons).toEqual([]);
    expect(desk.verify(current.jws).reasons).toEqual([]);
  });

  it('a key revoked before iat: XR_CERT_KEY_REVOKED at /header/kid, and nothing else', () => {
    const verdict = desk.verify(afterRevocation.jws);
    expect(verdict.valid).toBe(false);
    expect(verdict.reasons.map((r) => [r.code, r.field])).toEqual([['XR_CERT_KEY_REVOKED', '/header/kid']]);
  });
});

/**
 * `cert_verify_per_s`: what a gateway does when a holder presents a 电子证照 — `CertificateDesk.verify`
 * (compact JWS and header, RFC 8785 header and payload, schema and 证照标识 check, the issuer's key
 * judged at `iat`, Ed25519 signature, validity, both status entries, recognition, and the issued
 * digest on the status topic) — over distinct credentials issued by 青岛 and verified at 温岭,
 * beside a raw Ed25519 verification of the same run on one core.
 */
import { verify } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CertificateDesk, statusPlace } from '@xr/certificates';
import { issueLicence } from '@xr/credentials';
import { generateKeyPair, makeKid, sha256Hex, signingKeyFromJwk, uuidV8FromName } from '@xr/crypto';
import { catalogIndex } from '@xr/domain';
import { SAMPLE_CATALOGS } from '@xr/domain/samples';
import { FileEventLog } from '@xr/event-log-file';
import { ID_NAMESPACES, KeyRing, newId, topics } from '@xr/exchange';
import { createLogger } from '@xr/observability';
import { StatusWriter, type StatusRecord } from '@xr/status';
import { ratio, rateResult, rateSync, roundRate, type BenchResult, type Budget, type Progress, type Rate } from './measure.js';

export interface CertBenchOptions {
  /** Distinct credentials issued and verified in turn. */
  readonly credentials: number;
  readonly budget: Budget;
  readonly progress: Progress;
}

const ISSUER = '370200'; // 青岛
const VERIFIER = '331081'; // 温岭
const ITEM = '370200-SPJY-0001'; // 食品经营许可证核发: yields a 食品经营许可证
const BASE = 'https://xr.example.gov.cn';
const DAY = 86_400_000;

const quiet = createLogger({ level: 'error', destination: new Writable({ write: (_c, _e, done) => done() }) });

export async function certBench(o: CertBenchOptions): Promise<BenchResult[]> {
  const keys = new Map([ISSUER, VERIFIER].map((c) => [c, generateKeyPair(makeKid(c, 1))]));
  const issuerKey = signingKeyFromJwk(keys.get(ISSUER)!.privateJwk);
  const trust = new KeyRing([...keys.values()].map((k) => k.publicJwk));
  const items = catalogIndex(SAMPLE_CATALOGS);
  const item = items.item(ISSUER, ITEM);
  const def = item?.certificate;
  if (!item || !def) throw new Error(`the sample catalog of ${ISSUER} has no certificate for ${ITEM}`);

  o.progress(`cert: issuing ${o.credentials} credentials in ${ISSUER} and putting them on the status topic`);
  const issuedAt = Date.now() - DAY;
  const issueDate = new Date(issuedAt + 8 * 3_600_000).toISOString().slice(0, 10);
  const credentials: string[] = [];
  const statuses: StatusRecord[] = [];
  for (let i = 0; i < o.credentials; i++) {
    const serial = `${issueDate.replaceAll('-', '')}${String(i).padStart(8, '0')}`;
    const issued = issueLicence(
      {
        base: BASE,
        issuer: { region: ISSUER, uscc: def.issuer.uscc, name: def.issuer.name },
        typeCode: def.typeCode,
        serial,
        version: '001',
        licenceName: item.certificateType ?? item.name,
        licenceNumber: `${ISSUER}-${serial}`,
        issueDate,
        holder: { name: `聊城示例餐饮有限公司第${i + 1}分店`, code: '91350100M000100Y43', codeType: '001' },
        validFrom: new Date(issuedAt).toISOString(),
        validUntil: new Date(issuedAt + 5 * 365 * DAY).toISOString(),
        item: { code: item.code, name: item.name },
        caseId: newId(),
        status: statusPlace(i),
        issuedAt,
      },
      issuerKey,
    );
    if (!issued.ok) throw new Error(`issueLicence refused: ${issued.code} ${issued.field ?? ''} ${issued.message}`);
    credentials.push(issued.value.jws);
    const certificate = issued.value.credential.id.replace(/^urn:gbt36904:/, '');
    statuses.push({ id: uuidV8FromName(ID_NAMESPACES.status, `bench/${certificate}`), type: 'certificate.status', v: 1, issuer: ISSUER, certificate, digest: sha256Hex(issued.value.jws), index: i, status: 'issued', time: new Date(issuedAt).toISOString() });
  }

  const dir = await mkdtemp(join(tmpdir(), 'xr-bench-cert-'));
  const log = await FileEventLog.open({ dir });
  const t = topics('bench-cert');
  const desk = new CertificateDesk({
    region: VERIFIER,
    signer: signingKeyFromJwk(keys.get(VERIFIER)!.privateJwk),
    base: BASE,
    log,
    topics: t,
    partitions: 3,
    trust,
    // 温岭 recognises 青岛's certificates of this type (the registry's SetRecognition).
    recognises: (verifier, issuer, type) => verifier === VERIFIER && issuer === ISSUER && type === def.typeCode,
    item: items.item,
    authorities: [],
    logger: quiet,
  });
  try {
    await log.createTopic(t.status, { partitions: 1, timestampType: 'LogAppendTime' });
    const writer = new StatusWriter({ log, topic: t.status, signer: issuerKey });
    for (let i = 0; i < statuses.length; i += 500) await writer.appendAll(statuses.slice(i, i + 500));
    // The desk's follower reads the status topic to its end before start() resolves.
    await desk.start();
    if (desk.follower.state.size !== o.credentials) throw new Error(`the status follower applied ${desk.follower.state.size} of ${o.credentials} issuances`);
    for (const jws of credentials) {
      const verdict = desk.verify(jws);
      if (!verdict.valid) throw new Error(`an issued credential does not verify: ${verdict.reasons.map((r) => `${r.code} ${r.message}`).join('; ')}`);
    }

    const [h, p, s] = credentials[0]!.split('.') as [string, string, string];
    const input = Buffer.from(`${h}.${p}`, 'ascii');
    const signature = Buffer.from(s, 'base64url');
    const key = trust.lookup(issuerKey.kid)!.publicKey;
    // The raw Ed25519 ceiling before and after the desk's rate (a shared machine moves it); the higher is reported.
    const rawRate = (): Rate => rateSync(() => verify(null, input, key, signature), o.budget, 8);
    const before = rawRate();
    let i = 0;
    let refused = 0;
    const rate = rateSync(() => {
      const verdict = desk.verify(credentials[i++ % credentials.length]!);
      if (!verdict.valid) refused++;
      return verdict;
    }, o.budget, 16);
    if (refused > 0) throw new Error(`${refused} verifications refused a valid credential`);

    const after = rawRate();
    const raw = before.perSecond >= after.perSecond ? before : after;

    const length = Math.round(credentials.reduce((n, c) => n + c.length, 0) / credentials.length);
    return [
      {
        ...rateResult('cert_verify_per_s', 'verifications/s', rate, `CertificateDesk.verify at ${VERIFIER} (温岭) of ${o.credentials} distinct credentials issued with issueLicence by ${ISSUER} (青岛, ${def.typeCode}), taken in turn, ~${length} characters each: JWS and header, RFC 8785 form, schema and 证照标识 check, key at iat, Ed25519 signature, validity, revocation and suspension status and the issued digest from a StatusFollower that read ${o.credentials} signed status records, recognition; every verdict valid; named cert.verify before`),
        ratios: { vs_ed25519_verify_1core: ratio(rate.perSecond, raw.perSecond) },
      },
      rateResult('cert.ceiling.ed25519-verify', 'ops/s', raw, `node:crypto verify (Ed25519) of one credential's signing input (${input.byteLength} bytes) with a cached public KeyObject, one core; before cert_verify_per_s ${roundRate(before.perSecond)}/s, after ${roundRate(after.perSecond)}/s, the higher reported`),
    ];
  } finally {
    await desk.stop();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A small world for the tests: 青岛 (370200) issues, with a key history (k1 rotated out, k2 current,
 * k3 revoked), 温岭 (331081) recognises its business licences, 成都 (510100) recognises nothing.
 * Keys are judged at a time as the registry's keyFor does; status comes from real status list
 * credentials, opened and verified.
 */
import { generateKeyPair, makeKid, signingKeyFromJwk, verificationKeyFromJwk, type SigningKey, type VerificationKey } from '@xr/crypto';
import {
  StatusBitstring,
  issueStatusList,
  openStatusList,
  statusLookupFromLists,
  type KeyAt,
  type LicenceToIssue,
  type OpenedStatusList,
  type StatusPurpose,
  type VerifyContext,
} from '../src/index.js';

export const QINGDAO = '370200';
export const WENLING = '331081';
export const CHENGDU = '510100';
export const BASE = 'https://xr.example.gov.cn';
/** 青岛市行政审批服务局 (a made-up but valid USCC). */
export const ISSUER_USCC = '11370200MB28559185';
/** A real 证照类型代码 (defining authority's USCC + 011), from a public 证照标识. */
export const TYPE_CODE = '11100000000013338W011';

const T = (iso: string) => Date.parse(iso);

interface KeyEntry {
  readonly signer: SigningKey;
  readonly key: VerificationKey;
  readonly validUntil?: number;
  readonly revokedAt?: number;
}

function key(generation: number, limits: { validUntil?: string; revokedAt?: string } = {}): KeyEntry {
  const { privateJwk, publicJwk } = generateKeyPair(makeKid(QINGDAO, generation));
  return {
    signer: signingKeyFromJwk(privateJwk),
    key: verificationKeyFromJwk(publicJwk),
    ...(limits.validUntil ? { validUntil: T(limits.validUntil) } : {}),
    ...(limits.revokedAt ? { revokedAt: T(limits.revokedAt) } : {}),
  };
}

/** k1 rotated out on 2025-03-01, k2 current, k3 revoked from 2025-02-01. */
export const KEYS = {
  k1: key(1, { validUntil: '2025-03-01T00:00:00Z' }),
  k2: key(2),
  k3: key(3, { revokedAt: '2025-02-01T00:00:00Z' }),
};

export const keyAt: KeyAt = (kid, at) => {
  const entry = Object.values(KEYS).find((k) => k.key.kid === kid);
  if (!entry) return { code: 'XR_KEY_UNKNOWN', message: `no registered key ${kid}` };
  const t = Date.parse(at);
  if (entry.revokedAt !== undefined && t >= entry.revokedAt) return { code: 'XR_KEY_REVOKED', message: `key ${kid} is revoked from ${new Date(entry.revokedAt).toISOString()}` };
  if (entry.validUntil !== undefined && t >= entry.validUntil) return { code: 'XR_KEY_ROTATED_OUT', message: `key ${kid} was rotated out` };
  return entry.key;
};

export const RECOGNITIONS = new Set([`${WENLING}|${QINGDAO}|${TYPE_CODE}`]);

export function licence(overrides: Partial<LicenceToIssue> = {}): LicenceToIssue {
  return {
    base: BASE,
    issuer: { region: QINGDAO, uscc: ISSUER_USCC, name: '青岛市行政审批服务局' },
    typeCode: TYPE_CODE,
    serial: '37020025000001',
    version: '001',
    licenceName: '营业执照',
    licenceNumber: '370200000000001',
    issueDate: '2025-01-15',
    holder: { name: '张三', code: '11010519491231002X', codeType: '111' },
    validFrom: '2025-01-15T00:00:00+08:00',
    validUntil: '2030-01-14T16:00:00Z',
    item: { code: '000101001000-370200000000-000-11370200MB28559185-1-00', name: '个体工商户设立登记' },
    caseId: '0194a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
    status: { list: 0, index: 94_567 },
    issuedAt: T('2025-01-15T02:00:00Z'),
    ...overrides,
  };
}

/** The issuer's status lists with the given bits set, signed by k2 and opened as a verifier would. */
export function statusLists(set: { revocation?: number[]; suspension?: number[] } = {}, asOf = T('2025-06-01T00:00:00Z')): OpenedStatusList[] {
  return (['revocation', 'suspension'] as StatusPurpose[]).map((purpose) => {
    let bits = StatusBitstring.empty();
    for (const i of set[purpose] ?? []) bits = bits.with(i, true);
    const issued = issueStatusList({ base: BASE, issuer: licence().issuer, purpose, list: 0, bits, asOf }, KEYS.k2.signer);
    if (!issued.ok) throw new Error(issued.message);
    const opened = openStatusList(issued.value.jws, keyAt);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    return opened.value;
  });
}

export function context(overrides: Partial<VerifyContext> = {}): VerifyContext {
  return {
    keyAt,
    now: T('2025-06-01T12:00:00Z'),
    status: statusLookupFromLists(statusLists()),
    region: WENLING,
    recognises: (verifier, issuer, type) => RECOGNITIONS.has(`${verifier}|${issuer}|${type}`),
    ...overrides,
  };
}

/** The JWS's parts with the payload replaced by `edit(payload)`, the signature kept. */
export function tamper(jws: string, edit: (payload: Record<string, unknown>) => unknown): string {
  const [h, p, s] = jws.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${h}.${Buffer.from(JSON.stringify(edit(payload)), 'utf8').toString('base64url')}.${s}`;
}

export function withHeader(jws: string, header: Record<string, unknown>): string {
  const [, p, s] = jws.split('.') as [string, string, string];
  return `${Buffer.from(JSON.stringify(header), 'utf8').toString('base64url')}.${p}.${s}`;
}

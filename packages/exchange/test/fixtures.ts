/** Regions, keys and a submission for exchange tests. */
import { Writable } from 'node:stream';
import { generateKeyPair, makeKid, signingKeyFromJwk, type PublicJwk, type SigningKey } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { Counters, createLogger } from '@xr/observability';
import { ExchangeGateway, KeyRing, topics, type GatewayOptions, type SigningMode, type Topics } from '../src/index.js';

export interface TestRegion {
  readonly code: string;
  readonly signer: SigningKey;
  readonly publicJwk: PublicJwk;
}

export function region(code: string): TestRegion {
  const { privateJwk, publicJwk } = generateKeyPair(makeKid(code, 1));
  return { code, signer: signingKeyFromJwk(privateJwk), publicJwk };
}

export const quietLogger = createLogger({ level: 'warn', destination: new Writable({ write: (_c, _e, done) => done() }) });

/** How the gateways `gateway()` makes sign (a test file runs its cases in each mode with `useSigning`). */
let signing: SigningMode = 'event';
export function useSigning(mode: SigningMode): void {
  signing = mode;
}

export function gateway(self: TestRegion, partners: readonly TestRegion[], log: EventLog, t: Topics = topics('t'), extra: Partial<GatewayOptions> = {}): ExchangeGateway {
  return new ExchangeGateway({
    region: self.code,
    log,
    signer: self.signer,
    keys: new KeyRing([self.publicJwk, ...partners.map((p) => p.publicJwk)]),
    topics: t,
    partitions: 3,
    logger: quietLogger,
    counters: new Counters(),
    signing,
    ...extra,
  });
}

export function submission(handling: string) {
  return {
    item: { code: `${handling}-SPJY-0001`, name: '食品经营许可' },
    applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
    materials: [{ name: '申请书', sha256: 'a'.repeat(64), size: 2048, mediaType: 'application/pdf' }],
    intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2025-09-26T09:00:00+08:00' },
  };
}

export async function eventually<T>(probe: () => T | undefined | false, ms = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

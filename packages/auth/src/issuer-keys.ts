/**
 * Trusted issuers, checked and with their keys imported once at start (no per-call key parsing).
 * A bad entry is a Problem naming it (`issuers[1].keys[0]`), for the config loader to report.
 */
import { importJWK } from 'jose';
import { fail, isRegionCode, ok, type Result } from '@xr/domain';
import { isRole, type Role } from './caller.js';
import type { IssuerConfig, IssuerJwk } from './options.js';

export type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

export interface IssuerKey {
  readonly kid: string | undefined;
  /** JWS `alg` values this key verifies. */
  readonly algorithms: readonly string[];
  readonly key: ImportedKey;
}

export interface TrustedIssuer {
  readonly iss: string;
  readonly region: string | undefined;
  readonly roles: ReadonlySet<Role> | undefined;
  readonly keys: readonly IssuerKey[];
  readonly algorithms: readonly string[];
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function keyList(keys: IssuerConfig['keys']): readonly IssuerJwk[] {
  return Array.isArray(keys) ? keys : (keys as { readonly keys: readonly IssuerJwk[] }).keys;
}

function algorithmsOf(jwk: IssuerJwk): readonly string[] | string {
  const raw = jwk as unknown as Record<string, unknown>;
  if ('d' in raw) return 'is a private key; configure public keys only';
  if (raw['kty'] === 'OKP' && raw['crv'] === 'Ed25519' && typeof raw['x'] === 'string' && B64URL.test(raw['x'])) return ['EdDSA', 'Ed25519'];
  if (raw['kty'] === 'EC' && raw['crv'] === 'P-256' && typeof raw['x'] === 'string' && typeof raw['y'] === 'string') return ['ES256'];
  return 'must be an Ed25519 (OKP) or P-256 (EC) public JWK';
}

async function importKey(jwk: IssuerJwk, field: string, several: boolean): Promise<Result<IssuerKey>> {
  const algorithms = algorithmsOf(jwk);
  if (typeof algorithms === 'string') return fail('XR_BAD_REQUEST', `${field} ${algorithms}`, field);
  if (several && !jwk.kid) return fail('XR_BAD_REQUEST', `${field} needs a kid: the issuer has several keys`, `${field}.kid`);
  try {
    const { kid: _kid, alg: _alg, use: _use, ...material } = jwk;
    const key = await importJWK({ ...material }, algorithms[0]);
    return ok({ kid: jwk.kid, algorithms, key });
  } catch (error) {
    return fail('XR_BAD_REQUEST', `${field} cannot be imported: ${error instanceof Error ? error.message : String(error)}`, field);
  }
}

async function loadIssuer(config: IssuerConfig, field: string): Promise<Result<TrustedIssuer>> {
  if (typeof config.iss !== 'string' || config.iss === '') return fail('XR_BAD_REQUEST', `${field}.iss must be a non-empty string`, `${field}.iss`);
  if (config.region !== undefined && !isRegionCode(config.region)) return fail('XR_BAD_REQUEST', `${field}.region must be a GB/T 2260 code`, `${field}.region`);
  if (config.roles !== undefined && (config.roles.length === 0 || !config.roles.every(isRole))) {
    return fail('XR_BAD_REQUEST', `${field}.roles must list system, admin or auditor`, `${field}.roles`);
  }
  const jwks = keyList(config.keys);
  if (jwks.length === 0) return fail('XR_BAD_REQUEST', `${field}.keys must hold at least one key`, `${field}.keys`);
  const keys: IssuerKey[] = [];
  for (const [j, jwk] of jwks.entries()) {
    const imported = await importKey(jwk, `${field}.keys[${j}]`, jwks.length > 1);
    if (!imported.ok) return imported;
    if (keys.some((k) => k.kid === imported.value.kid)) return fail('XR_BAD_REQUEST', `${field}.keys[${j}] repeats kid ${jwk.kid ?? ''}`, `${field}.keys[${j}].kid`);
    keys.push(imported.value);
  }
  return ok({
    iss: config.iss,
    region: config.region,
    roles: config.roles === undefined ? undefined : new Set(config.roles),
    keys,
    algorithms: [...new Set(keys.flatMap((k) => k.algorithms))],
  });
}

export async function loadIssuers(configs: readonly IssuerConfig[]): Promise<Result<ReadonlyMap<string, TrustedIssuer>>> {
  const issuers = new Map<string, TrustedIssuer>();
  for (const [i, config] of configs.entries()) {
    const loaded = await loadIssuer(config, `issuers[${i}]`);
    if (!loaded.ok) return loaded;
    if (issuers.has(loaded.value.iss)) return fail('XR_BAD_REQUEST', `issuers[${i}] repeats iss ${loaded.value.iss}`, `issuers[${i}].iss`);
    issuers.set(loaded.value.iss, loaded.value);
  }
  return ok(issuers);
}

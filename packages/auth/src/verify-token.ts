/**
 * Bearer JWT → Caller. Signature (with the issuer's pre-imported keys), `iss`, `aud`, `exp`, `iat`
 * and lifetime are checked by jose; role and region, and what the issuer may grant, here. Every
 * failure is one stable code, XR_UNAUTHENTICATED, with a message saying what was wrong.
 */
import { decodeJwt, errors, jwtVerify, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { fail, ok, type Result } from '@xr/domain';
import { isRole, roleRegionProblem, type Caller } from './caller.js';
import type { ImportedKey, TrustedIssuer } from './issuer-keys.js';

export interface TokenRules {
  readonly audience: string;
  readonly maxLifetimeSeconds: number;
  readonly clockToleranceSeconds: number;
  readonly clock: () => Date;
}

/** Longer than any sane token; a guard against parsing megabytes of header. */
export const MAX_TOKEN_LENGTH = 8192;

const unauthenticated = (message: string): Result<Caller> => fail('XR_UNAUTHENTICATED', message);

function keyResolver(issuer: TrustedIssuer): (header: JWTHeaderParameters) => ImportedKey {
  return (header) => {
    const found = header.kid === undefined ? (issuer.keys.length === 1 ? issuer.keys[0] : undefined) : issuer.keys.find((k) => k.kid === header.kid);
    if (!found || !found.algorithms.includes(header.alg)) throw new errors.JWKSNoMatchingKey(`no key of ${issuer.iss} matches kid ${header.kid ?? '(none)'} and alg ${header.alg}`);
    return found.key;
  };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim ${error.claim} rejected: ${error.message}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return error.message;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not accepted for this issuer';
  if (error instanceof errors.JOSEError) return `token rejected: ${error.message}`;
  return 'token rejected';
}

function callerOf(payload: JWTPayload, issuer: TrustedIssuer, rules: TokenRules): Result<Caller> {
  const { sub, role, region, exp, iat } = payload as JWTPayload & { role?: unknown; region?: unknown };
  if (typeof sub !== 'string' || sub === '') return unauthenticated('token has no sub');
  if (exp === undefined || iat === undefined) return unauthenticated('token must carry exp and iat');
  if (exp - iat > rules.maxLifetimeSeconds) return unauthenticated(`token lifetime ${exp - iat} s exceeds ${rules.maxLifetimeSeconds} s`);
  if (!isRole(role)) return unauthenticated('token role must be system, admin or auditor');
  if (typeof region !== 'string') return unauthenticated('token has no region');
  const bad = roleRegionProblem(role, region);
  if (bad) return unauthenticated(`token rejected: ${bad}`);
  if (issuer.roles && !issuer.roles.has(role)) return unauthenticated(`issuer ${issuer.iss} may not grant role ${role}`);
  if (issuer.region !== undefined && region !== issuer.region) return unauthenticated(`issuer ${issuer.iss} may only act for region ${issuer.region}, not ${region}`);
  return ok({ subject: sub, issuer: issuer.iss, role, region });
}

export async function verifyToken(token: string, issuers: ReadonlyMap<string, TrustedIssuer>, rules: TokenRules): Promise<Result<Caller>> {
  if (token.length > MAX_TOKEN_LENGTH) return unauthenticated(`token longer than ${MAX_TOKEN_LENGTH} characters`);
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    return unauthenticated('bearer token is not a JWT');
  }
  if (typeof claims.iss !== 'string') return unauthenticated('token has no iss');
  const issuer = issuers.get(claims.iss);
  if (!issuer) return unauthenticated(`issuer ${JSON.stringify(claims.iss.slice(0, 200))} is not trusted`);
  try {
    const { payload } = await jwtVerify(token, keyResolver(issuer), {
      issuer: issuer.iss,
      audience: rules.audience,
      algorithms: [...issuer.algorithms],
      clockTolerance: rules.clockToleranceSeconds,
      maxTokenAge: rules.maxLifetimeSeconds,
      requiredClaims: ['exp', 'iat', 'sub'],
      currentDate: rules.clock(),
    });
    return callerOf(payload, issuer, rules);
  } catch (error) {
    return unauthenticated(describe(error));
  }
}

/** Tokens remembered at most (oldest dropped first). */
const MEMO_SIZE = 10_000;

/**
 * `verifyToken` that remembers the callers of tokens it accepted, so a client sending the same
 * bearer token with every call costs one signature check, not one per call. Sound because the
 * same token string verifies the same way against the same issuers and rules, except for time:
 * a remembered token is taken again only while the clock is inside the window that accepted it
 * (not before `nbf`/`iat` minus the tolerance, not after `exp` — or `iat` plus the longest
 * lifetime — plus the tolerance); outside it the full verification runs and gives its own answer.
 * Refusals are not remembered.
 */
export function memoizedVerifier(issuers: ReadonlyMap<string, TrustedIssuer>, rules: TokenRules): (token: string) => Promise<Result<Caller>> {
  const accepted = new Map<string, { readonly caller: Caller; readonly from: number; readonly until: number }>();
  return async (token) => {
    const now = rules.clock().getTime() / 1000;
    const known = accepted.get(token);
    if (known && now >= known.from && now <= known.until) return ok(known.caller);
    const result = await verifyToken(token, issuers, rules);
    if (result.ok) {
      const claims = decodeJwt(token);
      const tolerance = rules.clockToleranceSeconds;
      const from = Math.max(claims.iat ?? 0, claims.nbf ?? 0) - tolerance;
      const until = Math.min(claims.exp ?? 0, (claims.iat ?? 0) + rules.maxLifetimeSeconds) + tolerance;
      accepted.delete(token);
      accepted.set(token, { caller: result.value, from, until });
      if (accepted.size > MEMO_SIZE) accepted.delete(accepted.keys().next().value!);
    }
    return result;
  };
}

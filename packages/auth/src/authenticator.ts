/**
 * Authentication of a gRPC call: a bearer JWT in `authorization` metadata, or (when enabled) the
 * verified mTLS client certificate. A token that is present must be valid: there is no fallback
 * from a bad token to the certificate.
 */
import type { Metadata } from '@grpc/grpc-js';
import { fail, ok, type Result } from '@xr/domain';
import type { Caller } from './caller.js';
import { loadIssuers } from './issuer-keys.js';
import { DEFAULT_AUDIENCE, DEFAULT_CLOCK_TOLERANCE_SECONDS, DEFAULT_MAX_LIFETIME_SECONDS, type AuthOptions } from './options.js';
import { callerFromPeerCertificate, type PeerCall } from './peer-certificate.js';
import { memoizedVerifier, type TokenRules } from './verify-token.js';

export interface AuthenticatableCall extends PeerCall {
  readonly metadata: Metadata;
}

export interface Authenticator {
  /** Verifies a bare JWT (no `Bearer ` prefix). */
  verifyToken(token: string): Promise<Result<Caller>>;
  authenticate(call: AuthenticatableCall): Promise<Result<Caller>>;
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

/** The token from `authorization: Bearer <JWT>`, undefined when there is no such header. */
export function bearerToken(metadata: Metadata): Result<string> | undefined {
  const values = metadata.get('authorization');
  if (values.length === 0) return undefined;
  if (values.length > 1) return fail('XR_UNAUTHENTICATED', 'more than one authorization header');
  const value = values[0];
  const match = typeof value === 'string' ? BEARER.exec(value.trim()) : null;
  return match ? ok(match[1]!) : fail('XR_UNAUTHENTICATED', 'authorization must be "Bearer <JWT>"');
}

function checkRules(o: AuthOptions): Result<TokenRules> {
  const audience = o.audience ?? DEFAULT_AUDIENCE;
  const maxLifetimeSeconds = o.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  const clockToleranceSeconds = o.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (audience === '') return fail('XR_BAD_REQUEST', 'audience must not be empty', 'audience');
  if (!Number.isInteger(maxLifetimeSeconds) || maxLifetimeSeconds <= 0) return fail('XR_BAD_REQUEST', 'maxLifetimeSeconds must be a positive integer', 'maxLifetimeSeconds');
  if (!Number.isInteger(clockToleranceSeconds) || clockToleranceSeconds < 0) return fail('XR_BAD_REQUEST', 'clockToleranceSeconds must be a non-negative integer', 'clockToleranceSeconds');
  return ok({ audience, maxLifetimeSeconds, clockToleranceSeconds, clock: o.clock ?? (() => new Date()) });
}

/** Checks the options and imports every issuer key once; a bad option is a Problem naming it. */
export async function createAuthenticator(options: AuthOptions): Promise<Result<Authenticator>> {
  const rules = checkRules(options);
  if (!rules.ok) return rules;
  const issuers = await loadIssuers(options.issuers);
  if (!issuers.ok) return issuers;
  const verify = memoizedVerifier(issuers.value, rules.value);
  return ok({
    verifyToken: verify,
    async authenticate(call) {
      const token = bearerToken(call.metadata);
      if (token) return token.ok ? verify(token.value) : token;
      if (!options.peerCertificates) return fail('XR_UNAUTHENTICATED', 'missing authorization: Bearer <JWT> metadata');
      const byCertificate = callerFromPeerCertificate(call);
      return byCertificate.ok || call.getAuthContext()?.sslPeerCertificate
        ? byCertificate
        : fail('XR_UNAUTHENTICATED', 'missing authorization: Bearer <JWT> metadata, and no verified client certificate');
    },
  });
}

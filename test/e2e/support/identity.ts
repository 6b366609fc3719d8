/** A development token issuer for tests: gateways trust it; callers get tokens for a region and role. */
import { generateIssuerKeyPair, issueToken, type Role } from '@xr/auth';

export const ISSUER = 'xr-test-issuer';
const issuer = generateIssuerKeyPair(ISSUER);

/** The `auth` and `grpc.tls` parts of a gateway configuration that trusts the test issuer. */
export function authConfig(address: string): { auth: Record<string, unknown>; grpc: Record<string, unknown> } {
  return { auth: { issuers: [{ iss: ISSUER, keys: [issuer.publicJwk] }] }, grpc: { address, tls: { mode: 'insecure' } } };
}

export function tokenFor(region: string, role: Role = 'system', subject = `platform-${region}`): Promise<string> {
  return issueToken({ issuerKey: issuer.privateJwk, iss: ISSUER, sub: subject, role, region });
}

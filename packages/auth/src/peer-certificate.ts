/**
 * mTLS identity. grpc-js exposes the verified client certificate through `call.getAuthContext()`
 * (only when the TLS handshake authorized it against the server's client CA). The caller is named
 * by one SAN URI `urn:xr:region:<code|*>:role:<role>` (or a CN of that form); the subject is the
 * certificate's CN, or the URN when there is none.
 */
import type { PeerCertificate } from 'node:tls';
import { fail, ok, type Result } from '@xr/domain';
import { isRole, roleRegionProblem, type Caller } from './caller.js';

/** The part of a grpc-js server call (or intercepting call) that carries the TLS peer. */
export interface PeerCall {
  getAuthContext(): { readonly transportSecurityType?: string; readonly sslPeerCertificate?: PeerCertificate } | null;
}

const URN = /^urn:xr:region:(\d{6}|\*):role:([a-z]+)$/;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function identities(cert: PeerCertificate): string[] {
  const uris = (cert.subjectaltname ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('URI:'))
    .map((entry) => entry.slice(4));
  const cn = first(cert.subject.CN);
  return [...uris, ...(cn === undefined ? [] : [cn])].filter((s) => URN.test(s));
}

export function callerFromPeerCertificate(call: PeerCall): Result<Caller> {
  const cert = call.getAuthContext()?.sslPeerCertificate;
  if (!cert) return fail('XR_UNAUTHENTICATED', 'no verified client certificate on this connection');
  const names = [...new Set(identities(cert))];
  if (names.length !== 1) return fail('XR_UNAUTHENTICATED', `client certificate must name exactly one identity urn:xr:region:<code>:role:<role> (found ${names.length})`);
  const urn = names[0]!;
  const [, region = '', role] = URN.exec(urn) ?? [];
  if (!isRole(role)) return fail('XR_UNAUTHENTICATED', `client certificate role ${role ?? ''} is not system, admin or auditor`);
  const bad = roleRegionProblem(role, region);
  if (bad) return fail('XR_UNAUTHENTICATED', `client certificate: ${bad}`);
  const cn = first(cert.subject.CN);
  return ok({ subject: cn ?? urn, issuer: `x509:${first(cert.issuer.CN) ?? 'unknown'}`, role, region });
}

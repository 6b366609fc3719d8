import type { PeerCertificate } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { callerFromPeerCertificate } from '../src/index.js';

const call = (cert?: Partial<PeerCertificate>) => ({
  getAuthContext: () => (cert ? { transportSecurityType: 'ssl', sslPeerCertificate: { subject: {}, issuer: { CN: 'ca' }, ...cert } as PeerCertificate } : {}),
});

describe('callerFromPeerCertificate', () => {
  it('reads the SAN URI, with the CN as subject', () => {
    expect(callerFromPeerCertificate(call({ subject: { CN: 'hall' }, subjectaltname: 'DNS:hall.example, URI:urn:xr:region:371500:role:system' }))).toEqual({
      ok: true,
      value: { subject: 'hall', issuer: 'x509:ca', role: 'system', region: '371500' },
    });
  });

  it('accepts the URN as CN, and * for an auditor', () => {
    expect(callerFromPeerCertificate(call({ subject: { CN: 'urn:xr:region:*:role:auditor' } }))).toMatchObject({ ok: true, value: { role: 'auditor', region: '*' } });
  });

  it('refuses no certificate, two identities, a system for every region and an unknown role', () => {
    expect(callerFromPeerCertificate(call())).toMatchObject({ ok: false, code: 'XR_UNAUTHENTICATED' });
    expect(callerFromPeerCertificate(call({ subjectaltname: 'URI:urn:xr:region:371500:role:system, URI:urn:xr:region:370200:role:system' }))).toMatchObject({ ok: false });
    expect(callerFromPeerCertificate(call({ subjectaltname: 'URI:urn:xr:region:*:role:system' }))).toMatchObject({ ok: false });
    expect(callerFromPeerCertificate(call({ subjectaltname: 'URI:urn:xr:region:371500:role:root' }))).toMatchObject({ ok: false });
  });
});

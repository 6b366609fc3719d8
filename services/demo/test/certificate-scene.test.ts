/**
 * The demo's 电子证照 scene fails on a wrong verdict: with stand-in desks answering as the gateways
 * should, nothing is listed; when 温岭 refuses it before the revocation, 成都 refuses it for another
 * reason (or accepts it), or 温岭 still takes it after the revocation, the scene lists it (and
 * `pnpm demo` then exits 1 — main.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CertificateVerdict__Output, Certificate__Output } from '@xr/proto';
import { certificateScene, type CertificateDesk } from '../src/certificates.js';

const CREDENTIAL = 'eyJhbGciOiJFZERTQSJ9.e30.c2ln';
const ISSUED = { id: '1.2.156.3005.2.11100000MB0143028R002.11370200MB12345674.1.001.7', name: '食品经营许可证', statusIndex: 7, credential: CREDENTIAL } as Certificate__Output;

const verdict = (...codes: string[]): CertificateVerdict__Output => ({ valid: codes.length === 0, reasons: codes.map((code) => ({ code, message: code, field: '' })), statusPosition: 3 }) as unknown as CertificateVerdict__Output;

/** A desk that answers VerifyCertificate from `before` until something is revoked, then from `after`. */
function desk(before: CertificateVerdict__Output, after: CertificateVerdict__Output = before, revoked = { done: false }): CertificateDesk {
  return {
    get: () => Promise.resolve(ISSUED),
    verify: () => Promise.resolve(revoked.done ? after : before),
    revoke: () => Promise.resolve((revoked.done = true)),
    close: () => undefined,
  };
}

function scene(o: { wlBefore?: CertificateVerdict__Output; wlAfter?: CertificateVerdict__Output; cd?: CertificateVerdict__Output; held?: string } = {}) {
  const revoked = { done: false };
  return certificateScene(
    {
      issuer: { region: '370200', desk: desk(verdict(), verdict(), revoked) },
      hall: { region: '371500', desk: { ...desk(verdict()), get: () => Promise.resolve({ ...ISSUED, credential: o.held ?? CREDENTIAL }) } },
      recognises: { region: '331081', desk: desk(o.wlBefore ?? verdict(), o.wlAfter ?? verdict('XR_CERT_REVOKED'), revoked) },
      stranger: { region: '510100', desk: desk(o.cd ?? verdict('XR_CERT_NOT_RECOGNISED')) },
    },
    'case-1',
  );
}

describe('the demo\'s certificate scene', () => {
  beforeEach(() => void vi.spyOn(process.stdout, 'write').mockImplementation(() => true));
  afterEach(() => vi.restoreAllMocks());

  it('lists nothing when 温岭 takes it, 成都 refuses it XR_CERT_NOT_RECOGNISED and 温岭 refuses it XR_CERT_REVOKED after the revocation', async () => {
    expect(await scene()).toEqual({ credential: CREDENTIAL, failures: [] });
  });

  it('lists every wrong verdict, naming the region and what it said', async () => {
    expect((await scene({ wlBefore: verdict('XR_CERT_STATUS_UNKNOWN') })).failures).toEqual([expect.stringMatching(/^温岭.*should have found it valid, but refused: XR_CERT_STATUS_UNKNOWN$/)]);
    expect((await scene({ cd: verdict() })).failures).toEqual([expect.stringMatching(/^成都.*should have refused it XR_CERT_NOT_RECOGNISED, but valid/)]);
    expect((await scene({ cd: verdict('XR_CERT_NOT_RECOGNISED', 'XR_CERT_REVOKED') })).failures).toHaveLength(1);
    expect((await scene({ cd: verdict('XR_CERT_SIGNATURE_INVALID') })).failures).toHaveLength(1);
    expect((await scene({ wlAfter: verdict('XR_CERT_SUSPENDED') })).failures).toEqual([expect.stringMatching(/^温岭.*should have refused it XR_CERT_REVOKED, but refused: XR_CERT_SUSPENDED$/)]);
    expect((await scene({ held: 'another' })).failures).toEqual([expect.stringMatching(/^聊城.*byte for byte/)]);
  });

  it('a 温岭 that never sees the revocation is listed after the 5 s wait', async () => {
    vi.useFakeTimers();
    try {
      const outcome = scene({ wlAfter: verdict() });
      await vi.advanceTimersByTimeAsync(5_100);
      expect((await outcome).failures).toEqual([expect.stringMatching(/^温岭.*should have refused it XR_CERT_REVOKED, but valid/)]);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Scene 6: the 电子证照 青岛 issued with its approval, delivered to 聊城, verified elsewhere (互认), revoked. */
import { credentials, type ServiceError } from '@grpc/grpc-js';
import { bearerInterceptor } from '@xr/auth';
import { loadServices, type CertificateServiceClient, type CertificateVerdict__Output, type Certificate__Output } from '@xr/proto';
import { regionLabel } from './regions.js';
import { trace } from './trace.js';

export interface CertificateDesk {
  get(caseId: string): Promise<Certificate__Output>;
  verify(credential: string): Promise<CertificateVerdict__Output>;
  revoke(certificateId: string, reason: string): Promise<unknown>;
  close(): void;
}

export function certificateClient(port: number, token: string): CertificateDesk {
  const client: CertificateServiceClient = new (loadServices().certificates.CertificateService)(`127.0.0.1:${port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
  const call = <Res>(rpc: 'GetCertificate' | 'VerifyCertificate' | 'RevokeCertificate', request: object): Promise<Res> =>
    new Promise((resolve, reject) => (client[rpc] as (r: object, cb: (e: ServiceError | null, r?: Res) => void) => void).call(client, request, (e, r) => (e || !r ? reject(e ?? new Error('empty')) : resolve(r))));
  return {
    get: (caseId) => call('GetCertificate', { caseId }),
    verify: (credential) => call('VerifyCertificate', { credential }),
    revoke: (certificateId, reason) => call('RevokeCertificate', { requestId: `demo-revoke-${certificateId}`, certificateId, reason }),
    close: () => client.close(),
  };
}

const verdictLine = (v: CertificateVerdict__Output): string => (v.valid ? `valid (status as of topic position ${v.statusPosition})` : `refused: ${v.reasons.map((r) => r.code).join(', ')}`);

/** The reason codes a verdict must carry, exactly ([] = valid), or a line saying what came instead. */
function unexpected(region: string, v: CertificateVerdict__Output, want: readonly string[]): string | undefined {
  const got = v.reasons.map((r) => r.code);
  const fine = want.length === 0 ? v.valid && got.length === 0 : !v.valid && got.join() === want.join();
  return fine ? undefined : `${regionLabel(region)} should have ${want.length === 0 ? 'found it valid' : `refused it ${want.join(', ')}`}, but ${verdictLine(v)}`;
}

/** What the scene showed: the credential (for the wire test's offline check) and every verdict that was not the one expected. */
export interface CertificateSceneOutcome {
  readonly credential: string;
  readonly failures: readonly string[];
}

/**
 * 青岛 issued it; 聊城 holds the same bytes; 温岭 must find it valid, 成都 must refuse it with
 * exactly XR_CERT_NOT_RECOGNISED, and after 青岛 revokes it 温岭 must refuse it XR_CERT_REVOKED
 * (within 5 s). Anything else is listed in `failures` (and traced as UNEXPECTED), and the demo fails.
 */
export async function certificateScene(desks: Record<'issuer' | 'hall' | 'recognises' | 'stranger', { region: string; desk: CertificateDesk }>, caseId: string): Promise<CertificateSceneOutcome> {
  const { issuer, hall, recognises, stranger } = desks;
  const failures: string[] = [];
  const check = (region: string, problem: string | undefined): void => {
    if (problem === undefined) return;
    failures.push(problem);
    trace(region, `UNEXPECTED: ${problem}`);
  };
  const issued = await issuer.desk.get(caseId);
  trace(issuer.region, `issued 电子证照 ${issued.name} ${issued.id} with the approval (vc+jwt, status index ${issued.statusIndex})`);
  const delivered = await hall.desk.get(caseId);
  trace(hall.region, `holds the same credential (电子送达): ${delivered.credential === issued.credential ? 'byte for byte' : 'DIFFERENT'}`);
  check(hall.region, delivered.credential === issued.credential ? undefined : `${regionLabel(hall.region)} should hold the credential ${regionLabel(issuer.region)} issued, byte for byte, but holds another`);
  const atRecognising = await recognises.desk.verify(issued.credential);
  trace(recognises.region, `VerifyCertificate, no call to ${regionLabel(issuer.region)}: ${verdictLine(atRecognising)}`);
  check(recognises.region, unexpected(recognises.region, atRecognising, []));
  const atStranger = await stranger.desk.verify(issued.credential);
  trace(stranger.region, `VerifyCertificate: ${verdictLine(atStranger)} (no 互认 agreement for this type)`);
  check(stranger.region, unexpected(stranger.region, atStranger, ['XR_CERT_NOT_RECOGNISED']));
  await issuer.desk.revoke(issued.id, 'fraud');
  const revokedAt = Date.now();
  let verdict = await recognises.desk.verify(issued.credential);
  while (verdict.valid && Date.now() - revokedAt < 5_000) {
    await new Promise((r) => setTimeout(r, 10));
    verdict = await recognises.desk.verify(issued.credential);
  }
  trace(issuer.region, 'RevokeCertificate (reason fraud): a signed record on the public status topic, no personal data');
  trace(recognises.region, `VerifyCertificate ${Date.now() - revokedAt} ms after the revocation returned: ${verdictLine(verdict)}`);
  check(recognises.region, unexpected(recognises.region, verdict, ['XR_CERT_REVOKED']));
  return { credential: issued.credential, failures };
}

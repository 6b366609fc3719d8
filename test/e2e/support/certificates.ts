/** A gateway's CertificateService, promisified, over a real socket. */
import { credentials, type ServiceError } from '@grpc/grpc-js';
import { bearerInterceptor } from '@xr/auth';
import { loadServices, type Certificate__Output, type CertificateStatusChange__Output, type CertificateVerdict__Output, type StatusList__Output } from '@xr/proto';

export interface CertificateClient {
  get(caseId: string): Promise<Certificate__Output>;
  verify(credential: string): Promise<CertificateVerdict__Output>;
  statusList(purpose: 'revocation' | 'suspension', list?: number): Promise<StatusList__Output>;
  change(rpc: 'RevokeCertificate' | 'SuspendCertificate' | 'ReinstateCertificate', certificateId: string, reason: string, requestId: string): Promise<CertificateStatusChange__Output>;
  close(): void;
}

export function certificatesFor(port: number, token: string): CertificateClient {
  const client = new (loadServices().certificates.CertificateService)(`127.0.0.1:${port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
  const unary = <Res>(method: string, request: object): Promise<Res> =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, (r: object, cb: (e: ServiceError | null, v?: Res) => void) => void>)[method]!.bind(client);
      fn(request, (e, v) => (e || v === undefined ? reject(e ?? new Error('empty')) : resolve(v)));
    });
  return {
    get: (caseId) => unary('GetCertificate', { caseId }),
    verify: (credential) => unary('VerifyCertificate', { credential }),
    statusList: (purpose, list = 0) => unary('GetStatusList', { purpose, list }),
    change: (rpc, certificateId, reason, requestId) => unary(rpc, { requestId, certificateId, reason }),
    close: () => client.close(),
  };
}

/**
 * A promisified CertificateService client of one gateway (`--gateway host:port`, env XR_GATEWAY_URL;
 * the bearer token from `--token` or XR_TOKEN, as for the admin service).
 */
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadServices, type Certificate__Output, type CertificateServiceClient, type CertificateStatusChange__Output, type CertificateVerdict__Output, type StatusList__Output } from '@xr/proto';
import { problemOf } from './admin-client.js';

type RequestOf<M extends keyof CertificateServiceClient> = CertificateServiceClient[M] extends (argument: infer A, ...rest: never[]) => unknown ? A : never;

/** Request and response of each RPC. */
export interface CertificateMethods {
  GetCertificate: [RequestOf<'GetCertificate'>, Certificate__Output];
  VerifyCertificate: [RequestOf<'VerifyCertificate'>, CertificateVerdict__Output];
  GetStatusList: [RequestOf<'GetStatusList'>, StatusList__Output];
  RevokeCertificate: [RequestOf<'RevokeCertificate'>, CertificateStatusChange__Output];
  SuspendCertificate: [RequestOf<'SuspendCertificate'>, CertificateStatusChange__Output];
  ReinstateCertificate: [RequestOf<'ReinstateCertificate'>, CertificateStatusChange__Output];
}

export interface CertificateCaller {
  call<M extends keyof CertificateMethods>(method: M, request: CertificateMethods[M][0]): Promise<CertificateMethods[M][1]>;
  close(): void;
}

export function certificateCaller(address: string, token: string | undefined, timeoutMs = 20_000): CertificateCaller {
  const Service = loadServices().certificates.CertificateService;
  const client = new Service(address, credentials.createInsecure());
  return {
    call: (method, request) =>
      new Promise((resolve, reject) => {
        const metadata = new Metadata();
        if (token) metadata.set('authorization', `Bearer ${token}`);
        const fn = client[method].bind(client) as unknown as (req: unknown, md: Metadata, options: object, cb: (e: ServiceError | null, r?: unknown) => void) => void;
        fn(request, metadata, { deadline: Date.now() + timeoutMs }, (error, response) => {
          if (error) reject(problemOf(error, address, 'the gateway'));
          else resolve(response as CertificateMethods[typeof method][1]);
        });
      }),
    close: () => client.close(),
  };
}

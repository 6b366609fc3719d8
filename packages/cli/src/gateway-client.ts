/**
 * Promisified clients of one gateway (`--gateway host:port`, env XR_GATEWAY_URL; the bearer token
 * from `--token` or XR_TOKEN, as for the admin service): CertificateService for `xr cert`,
 * CaseService (unary calls and the WatchCase stream) for `xr case`.
 */
import { credentials, Metadata, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadServices, type Certificate__Output, type CertificateServiceClient, type CertificateStatusChange__Output, type CertificateVerdict__Output, type CaseUpdate__Output, type StatusList__Output } from '@xr/proto';
import { problemOf } from './admin-client.js';
import { optional, type Values } from './args.js';
import type { CliIo } from './io.js';
import { usage } from './problem.js';

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

/** Where `--gateway`/XR_GATEWAY_URL and `--token`/XR_TOKEN point; a usage error (nothing sent) when absent or malformed. */
export function gatewayTarget(values: Values, io: CliIo): { address: string; token: string | undefined } {
  const address = optional(values, 'gateway') ?? io.env['XR_GATEWAY_URL'];
  if (!address) throw usage('no gateway address: pass --gateway host:port or set XR_GATEWAY_URL', '--gateway');
  if (!/^[^\s/]+:\d{1,5}$/.test(address)) throw usage(`--gateway must be host:port, not ${JSON.stringify(address)}`, '--gateway');
  return { address, token: optional(values, 'token') ?? io.env['XR_TOKEN'] };
}

function metadataOf(token: string | undefined): Metadata {
  const metadata = new Metadata();
  if (token) metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/** One unary call by method name, its failure as the CLI's problem (stable code, message, field). */
function unary<R>(client: Client, method: string, request: unknown, address: string, token: string | undefined, timeoutMs: number): Promise<R> {
  return new Promise((resolve, reject) => {
    const fn = (client as unknown as Record<string, (req: unknown, md: Metadata, options: object, cb: (e: ServiceError | null, r?: unknown) => void) => void>)[method]!.bind(client);
    fn(request, metadataOf(token), { deadline: Date.now() + timeoutMs }, (error, response) => {
      if (error) reject(problemOf(error, address, 'the gateway'));
      else resolve(response as R);
    });
  });
}

export function certificateCaller(address: string, token: string | undefined, timeoutMs = 20_000): CertificateCaller {
  const client = new (loadServices().certificates.CertificateService)(address, credentials.createInsecure());
  return {
    call: <M extends keyof CertificateMethods>(method: M, request: CertificateMethods[M][0]) => unary<CertificateMethods[M][1]>(client, method, request, address, token, timeoutMs),
    close: () => client.close(),
  };
}

/** CaseService's RPCs by kind, from the loaded service definition (so `xr case call` knows every unary RPC). */
export function caseRpcs(): { unary: string[]; streaming: string[] } {
  const definition = loadServices().cases.CaseService.service;
  const names = Object.keys(definition);
  return { unary: names.filter((n) => !definition[n]!.requestStream && !definition[n]!.responseStream), streaming: names.filter((n) => definition[n]!.responseStream) };
}

export interface CaseCaller {
  /** Any unary CaseService RPC; the request as its JSON mapping (camelCase fields). */
  call<R>(method: string, request: object): Promise<R>;
  /** WatchCase: each update until `signal` aborts (resolves) or the stream fails (rejects with the problem). */
  watch(caseId: string, onUpdate: (update: CaseUpdate__Output) => void, signal?: AbortSignal): Promise<void>;
  close(): void;
}

export function caseCaller(address: string, token: string | undefined, timeoutMs = 20_000): CaseCaller {
  const client = new (loadServices().cases.CaseService)(address, credentials.createInsecure());
  return {
    call: (method, request) => unary(client, method, request, address, token, timeoutMs),
    watch: (caseId, onUpdate, signal) =>
      new Promise((resolve, reject) => {
        const stream = client.WatchCase({ caseId }, metadataOf(token));
        let stopped = false;
        const stop = (): void => {
          stopped = true;
          stream.cancel();
          resolve();
        };
        if (signal?.aborted) return stop();
        signal?.addEventListener('abort', stop, { once: true });
        stream.on('data', onUpdate);
        stream.on('error', (error: ServiceError) => {
          signal?.removeEventListener('abort', stop);
          if (!stopped) reject(problemOf(error, address, 'the gateway'));
        });
        stream.on('end', () => {
          signal?.removeEventListener('abort', stop);
          resolve();
        });
      }),
    close: () => client.close(),
  };
}

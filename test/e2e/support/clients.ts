/** gRPC clients of a gateway, promisified, over a real socket. */
import { credentials, type ServiceError } from '@grpc/grpc-js';
import { bearerInterceptor } from '@xr/auth';
import { decodeStatusDetails, loadServices, type Case__Output, type CaseServiceClient, type OpsServiceClient, type Stats__Output, type StatusDetails, type SubmitCaseRequest } from '@xr/proto';

export interface Clients {
  readonly cases: CaseServiceClient;
  readonly ops: OpsServiceClient;
  submit(request: SubmitCaseRequest): Promise<Case__Output>;
  get(caseId: string): Promise<Case__Output>;
  stats(): Promise<Stats__Output>;
  close(): void;
}

export function clientsFor(port: number, token: string): Clients {
  const services = loadServices();
  const address = `127.0.0.1:${port}`;
  const options = { interceptors: [bearerInterceptor(token)] };
  const cases = new services.cases.CaseService(address, credentials.createInsecure(), options);
  const ops = new services.ops.OpsService(address, credentials.createInsecure(), options);
  return {
    cases,
    ops,
    submit: (request) => new Promise((resolve, reject) => cases.SubmitCase(request, (e: ServiceError | null, r) => (e || !r?.case ? reject(e ?? new Error('empty')) : resolve(r.case)))),
    get: (caseId) => new Promise((resolve, reject) => cases.GetCase({ caseId }, (e: ServiceError | null, r) => (e || !r ? reject(e ?? new Error('empty')) : resolve(r)))),
    stats: () => new Promise((resolve, reject) => ops.GetStats({}, (e: ServiceError | null, r) => (e || !r ? reject(e ?? new Error('empty')) : resolve(r)))),
    close: () => {
      cases.close();
      ops.close();
    },
  };
}

/** The rich error details a gateway sends with a failed call. */
export function detailsOf(error: ServiceError): StatusDetails {
  const [bin] = error.metadata.get('grpc-status-details-bin');
  if (!Buffer.isBuffer(bin)) throw new Error('no grpc-status-details-bin in the error');
  return decodeStatusDetails(bin);
}

export async function eventually<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() - start > ms) throw new Error(`condition not met in ${ms} ms${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

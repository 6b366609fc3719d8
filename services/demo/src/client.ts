/** A region's own system talking to its gateway over gRPC with its bearer token, as a partner platform would. */
import { credentials, status as grpcStatus, type ServiceError } from '@grpc/grpc-js';
import { bearerInterceptor } from '@xr/auth';
import { loadServices, type Case__Output, type CaseServiceClient } from '@xr/proto';

export interface RegionClient {
  /** Any unary CaseService RPC that answers with a case (SubmitCase, AcceptCase, …). */
  call(rpc: string, request: Record<string, unknown>): Promise<Case__Output>;
  /** Resolves when the case reaches `status`; a case still in flight is asked for again. */
  waitFor(caseId: string, status: string): Promise<Case__Output>;
  close(): void;
}

export function connect(port: number, token: string): RegionClient {
  const { cases } = loadServices();
  const client: CaseServiceClient = new cases.CaseService(`127.0.0.1:${port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(token)] });
  const unary = client as unknown as Record<string, (req: unknown, cb: (e: ServiceError | null, r?: { case?: Case__Output | null }) => void) => void>;
  return {
    call: (rpc, request) =>
      new Promise((resolve, reject) => {
        const method = unary[rpc];
        if (!method) return reject(new Error(`no RPC ${rpc}`));
        method.call(client, request, (error, response) => (error || !response?.case ? reject(error ?? new Error('empty response')) : resolve(response.case)));
      }),
    waitFor: (caseId, status) => watchUntil(client, caseId, status, Date.now() + 15_000),
    close: () => client.close(),
  };
}

function watchUntil(client: CaseServiceClient, caseId: string, status: string, deadline: number): Promise<Case__Output> {
  return new Promise<Case__Output>((resolve, reject) => {
    const stream = client.WatchCase({ caseId });
    let done = false;
    stream.on('data', (update: { case: Case__Output | null }) => {
      if (update.case?.status === status && !done) {
        done = true;
        stream.cancel();
        resolve(update.case);
      }
    });
    stream.on('error', (error: ServiceError) => {
      if (done) return;
      if (error.code === grpcStatus.NOT_FOUND && Date.now() < deadline) {
        setTimeout(() => void watchUntil(client, caseId, status, deadline).then(resolve, reject), 50);
      } else reject(error);
    });
  });
}

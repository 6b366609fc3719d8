/** A region's own system talking to its gateway over gRPC, as a partner platform would. */
import { credentials, status as grpcStatus, type ServiceError } from '@grpc/grpc-js';
import { loadServices, type Case__Output, type CaseServiceClient, type SubmitCaseRequest } from '@xr/proto';

export interface RegionClient {
  submit(request: SubmitCaseRequest): Promise<Case__Output>;
  get(caseId: string): Promise<Case__Output>;
  /** Resolves when the case reaches `status`; calls `onUpdate` for each change seen. */
  waitFor(caseId: string, status: string, onUpdate?: (c: Case__Output) => void): Promise<Case__Output>;
  close(): void;
}

export function connect(port: number): RegionClient {
  const { cases } = loadServices();
  const client: CaseServiceClient = new cases.CaseService(`127.0.0.1:${port}`, credentials.createInsecure());
  return {
    submit: (request) =>
      new Promise((resolve, reject) =>
        client.SubmitCase(request, (error: ServiceError | null, response) => (error || !response?.case ? reject(error ?? new Error('empty response')) : resolve(response.case))),
      ),
    get: (caseId) => new Promise((resolve, reject) => client.GetCase({ caseId }, (error: ServiceError | null, c) => (error || !c ? reject(error ?? new Error('empty')) : resolve(c)))),
    waitFor: (caseId, status, onUpdate) => watchUntil(client, caseId, status, onUpdate, Date.now() + 15_000),
    close: () => client.close(),
  };
}

/** Watches a case until it reaches `status`; a case not there yet (still in flight) is asked for again. */
function watchUntil(client: CaseServiceClient, caseId: string, status: string, onUpdate: ((c: Case__Output) => void) | undefined, deadline: number): Promise<Case__Output> {
  return new Promise<Case__Output>((resolve, reject) => {
        const stream = client.WatchCase({ caseId });
        let done = false;
        stream.on('data', (update: { case: Case__Output | null }) => {
          if (!update.case) return;
          onUpdate?.(update.case);
          if (update.case.status === status && !done) {
            done = true;
            stream.cancel();
            resolve(update.case);
          }
        });
        stream.on('error', (error: ServiceError) => {
          if (done) return;
          if (error.code === grpcStatus.NOT_FOUND && Date.now() < deadline) {
            setTimeout(() => void watchUntil(client, caseId, status, onUpdate, deadline).then(resolve, reject), 50);
          } else reject(error);
        });
  });
}

/** The gateway's gRPC listener: CaseService and OpsService on one port. */
import { Server, ServerCredentials } from '@grpc/grpc-js';
import type { ExchangeGateway } from '@xr/exchange';
import type { Logger } from '@xr/observability';
import { loadServices } from '@xr/proto';
import { caseServiceHandlers } from './case-service.js';
import { opsServiceHandlers } from './ops-service.js';

export interface GrpcEdge {
  readonly port: number;
  close(): Promise<void>;
}

export interface GrpcEdgeOptions {
  readonly gateway: ExchangeGateway;
  readonly logger: Logger;
  /** host:port; port 0 picks a free one. */
  readonly address: string;
}

export async function startGrpcEdge(o: GrpcEdgeOptions): Promise<GrpcEdge> {
  const services = loadServices();
  const server = new Server();
  server.addService(services.cases.CaseService.service, caseServiceHandlers(o.gateway, o.logger));
  server.addService(services.ops.OpsService.service, opsServiceHandlers(o.gateway));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(o.address, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 5_000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

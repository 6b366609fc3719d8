/** The gateway's gRPC listener: CaseService and OpsService on one port, every call authenticated and authorized. */
import { Server } from '@grpc/grpc-js';
import { GATEWAY_POLICY, serverCredentials, withAuth, type Authenticator, type Policy, type ServerTlsConfig } from '@xr/auth';
import { XrError } from '@xr/domain';
import type { ExchangeGateway } from '@xr/exchange';
import type { Logger } from '@xr/observability';
import { loadServices } from '@xr/proto';
import { drain, listen, toServiceError } from '@xr/grpc-kit';
import type { CertificateDesk } from '@xr/certificates';
import { caseServiceHandlers } from './case-service.js';
import { certificateServiceHandlers } from './certificate-service.js';
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
  readonly authenticator: Authenticator;
  /** `{ mode: 'insecure' }` only when configured so; a warning is logged. */
  readonly tls: ServerTlsConfig;
  /** Default GATEWAY_POLICY. */
  readonly policy?: Policy;
  /** The certificate desk: serves CertificateService when given. */
  readonly certificates?: CertificateDesk;
}

export async function startGrpcEdge(o: GrpcEdgeOptions): Promise<GrpcEdge> {
  const tls = serverCredentials(o.tls);
  if (!tls.ok) throw new XrError(tls.code, tls.message, tls.field);
  if (tls.value.insecure) o.logger.warn({ address: o.address }, 'gRPC listener without TLS (grpc.tls.mode = insecure): for development only; bearer tokens cross the network in clear');
  const guard = { authenticator: o.authenticator, policy: o.policy ?? GATEWAY_POLICY, region: o.gateway.region, logger: o.logger, toServiceError: (p: Parameters<typeof toServiceError>[0]) => toServiceError(p) };
  const services = loadServices();
  const server = new Server();
  server.addService(services.cases.CaseService.service, withAuth(caseServiceHandlers(o.gateway, o.logger), { ...guard, serviceName: 'xr.gateway.v1.CaseService' }));
  server.addService(services.ops.OpsService.service, withAuth(opsServiceHandlers(o.gateway), { ...guard, serviceName: 'xr.gateway.v1.OpsService' }));
  if (o.certificates) server.addService(services.certificates.CertificateService.service, withAuth(certificateServiceHandlers(o.gateway, o.certificates, o.logger), { ...guard, serviceName: 'xr.gateway.v1.CertificateService' }));
  const port = await listen(server, o.address, tls.value.credentials);
  return { port, close: () => drain(server) };
}

/** The gateway's gRPC listener: CaseService and OpsService on one port, every call authenticated and authorized. */
import { Server, type Metadata } from '@grpc/grpc-js';
import { GATEWAY_POLICY, serverCredentials, withAuth, type Authenticator, type Policy, type ServerTlsConfig } from '@xr/auth';
import { XrError } from '@xr/domain';
import type { ExchangeGateway } from '@xr/exchange';
import type { Logger, Tracer } from '@xr/observability';
import { PROTO_FILES, loadServices, reflectionDefinitionOf } from '@xr/proto';
import { StandardServices, callLogger, drain, listen, metricsInterceptor, toServiceError, tracingInterceptor } from '@xr/grpc-kit';
import type { CertificateDesk } from '@xr/certificates';
import { caseServiceHandlers } from './case-service.js';
import { certificateServiceHandlers } from './certificate-service.js';
import { opsServiceHandlers } from './ops-service.js';

export interface GrpcEdge {
  readonly port: number;
  /** grpc.health.v1.Health and reflection: SERVING once the pipeline runs, NOT_SERVING from the drain on. */
  readonly standard: StandardServices;
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
  /** Besides the pipeline running, what else must hold for SERVING (the registry follower caught up); default nothing. */
  readonly ready?: () => boolean;
  /** OpenTelemetry tracer of the calls' SERVER spans; default the API's (records nothing without an SDK). */
  readonly tracer?: Tracer;
}

export async function startGrpcEdge(o: GrpcEdgeOptions): Promise<GrpcEdge> {
  const tls = serverCredentials(o.tls);
  if (!tls.ok) throw new XrError(tls.code, tls.message, tls.field);
  if (tls.value.insecure) o.logger.warn({ address: o.address }, 'gRPC listener without TLS (grpc.tls.mode = insecure): for development only; bearer tokens cross the network in clear');
  const guard = { authenticator: o.authenticator, policy: o.policy ?? GATEWAY_POLICY, region: o.gateway.region, logger: o.logger, callLogger: (call: { readonly metadata: Metadata }) => callLogger(o.logger, call.metadata), toServiceError: (p: Parameters<typeof toServiceError>[0]) => toServiceError(p) };
  const services = loadServices();
  // Every call is timed (xr_grpc_server_handling_seconds) into the gateway's counters, and is a
  // SERVER span of the caller's trace (or a new one) whose traceparent the handlers read and the caller gets back.
  const server = new Server({ interceptors: [metricsInterceptor(o.gateway.counters), tracingInterceptor(o.tracer, { 'xr.region': o.gateway.region })] });
  server.addService(services.cases.CaseService.service, withAuth(caseServiceHandlers(o.gateway, o.logger), { ...guard, serviceName: 'xr.gateway.v1.CaseService' }));
  server.addService(services.ops.OpsService.service, withAuth(opsServiceHandlers(o.gateway), { ...guard, serviceName: 'xr.gateway.v1.OpsService' }));
  if (o.certificates) server.addService(services.certificates.CertificateService.service, withAuth(certificateServiceHandlers(o.gateway, o.certificates, o.logger), { ...guard, serviceName: 'xr.gateway.v1.CertificateService' }));
  // Health and reflection: not behind withAuth (a probe has no token), so outside the policy table.
  const names = ['xr.gateway.v1.CaseService', 'xr.gateway.v1.OpsService', ...(o.certificates ? ['xr.gateway.v1.CertificateService'] : [])];
  const standard = new StandardServices({ services: names, definition: reflectionDefinitionOf(PROTO_FILES.gateway), ready: () => o.gateway.pipelineRunning && (o.ready?.() ?? true) }).addTo(server);
  const port = await listen(server, o.address, tls.value.credentials);
  return { port, standard, close: () => drain(server, 5_000, standard) };
}

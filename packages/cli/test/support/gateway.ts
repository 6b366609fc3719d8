/** An in-process gateway for the CLI's tests over real sockets (one embedded log, insecure gRPC on a free port). */
import { join } from 'node:path';
import type { PrivateJwk, PublicJwk } from '@xr/crypto';
import type { FileEventLog } from '@xr/event-log-file';
import { parseConfig, startGateway, type RunningGateway } from '@xr/gateway';
import { createLogger } from '@xr/observability';

export interface TestRegion {
  readonly code: string;
  readonly key: { readonly privateJwk: PrivateJwk; readonly publicJwk: PublicJwk };
}

export function startTestGateway(o: { own: TestRegion; partner: TestRegion; dir: string; log: FileEventLog; prefix: string; issuer: { iss: string; publicJwk: PublicJwk }; catalog?: unknown }): Promise<RunningGateway> {
  const config = parseConfig({
    region: o.own.code,
    signingKey: o.own.key.privateJwk,
    partners: [{ region: o.partner.code, keys: [o.partner.key.publicJwk] }],
    eventLog: { kind: 'file', dir: join(o.dir, 'log') },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: o.issuer.iss, keys: [o.issuer.publicJwk] }] },
    topicPrefix: o.prefix,
    partitions: 1,
    logLevel: 'silent',
    ...(o.catalog === undefined ? {} : { catalog: o.catalog }),
  });
  return startGateway(config, createLogger({ level: 'silent' }), { log: o.log });
}

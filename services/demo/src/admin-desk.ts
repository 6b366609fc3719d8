/** The demo's admin desk: an admin service in the demo's process, and an admin's client of it. */
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { parseConfig as parseAdminConfig, startAdmin, type RunningAdmin } from '@xr/admin';
import { bearerInterceptor } from '@xr/auth';
import type { PrivateJwk, PublicJwk } from '@xr/crypto';
import type { Catalog } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import type { Logger } from '@xr/observability';
import { loadAdminService, type AdminServiceClient, type RegistryChange__Output } from '@xr/proto';

export interface AdminDesk {
  register(region: string, name: string, key: PublicJwk, catalog: Catalog): Promise<RegistryChange__Output>;
  /** recognition.set: `region` accepts these certificate types (证照类型代码) issued in `issuer` (互认). */
  recognise(region: string, issuer: string, certificateTypes: readonly string[]): Promise<RegistryChange__Output>;
  stop(): Promise<void>;
}

export async function openAdminDesk(o: { adminKey: PrivateJwk; log: EventLog; logger: Logger; prefix: string; issuer: { iss: string; publicJwk: object }; token: string }): Promise<AdminDesk> {
  const config = parseAdminConfig({
    adminKey: o.adminKey,
    eventLog: { kind: 'file', dir: 'unused' },
    grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: o.issuer.iss, keys: [o.issuer.publicJwk] }] },
    topicPrefix: o.prefix,
    logLevel: 'error',
  });
  const running: RunningAdmin = await startAdmin(config, o.logger, { log: o.log });
  const client: AdminServiceClient = new (loadAdminService().AdminService)(`127.0.0.1:${running.port}`, credentials.createInsecure(), { interceptors: [bearerInterceptor(o.token)] });
  return {
    register: (region, name, key, catalog) =>
      new Promise((resolve, reject) =>
        client.RegisterPartner(
          { requestId: `demo-register-${region}`, region, name, keys: [{ kty: key.kty, crv: key.crv, x: key.x, kid: key.kid }], catalogJson: JSON.stringify(catalog), contact: { name: '跨省通办专班' } },
          new Metadata(),
          (e: ServiceError | null, r) => (e || !r ? reject(e ?? new Error('empty')) : resolve(r)),
        ),
      ),
    recognise: (region, issuer, certificateTypes) =>
      new Promise((resolve, reject) =>
        client.SetRecognition({ requestId: `demo-recognise-${region}-${issuer}`, region, issuer, certificateTypes: [...certificateTypes] }, new Metadata(), (e: ServiceError | null, r) => (e || !r ? reject(e ?? new Error('empty')) : resolve(r))),
      ),
    stop: async () => {
      client.close();
      await running.stop();
    },
  };
}

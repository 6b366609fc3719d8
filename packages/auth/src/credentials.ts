/**
 * Transport security for the gRPC listener and its clients. Insecure only when configured so, and
 * then flagged for the caller to log a warning. With `clientCaFile` the server requires and
 * verifies client certificates (mTLS). Files are read once here; a missing file is a Problem
 * naming the setting.
 */
import { readFileSync } from 'node:fs';
import { ChannelCredentials, ServerCredentials, type ChannelOptions } from '@grpc/grpc-js';
import { fail, ok, type Result } from '@xr/domain';

export type ServerTlsConfig =
  | { readonly mode: 'insecure' }
  | { readonly mode: 'tls'; readonly certFile: string; readonly keyFile: string; readonly clientCaFile?: string };

export type ClientTlsConfig =
  | { readonly mode: 'insecure' }
  | {
      readonly mode: 'tls';
      /** CA bundle for the server's certificate; default the system roots. */
      readonly caFile?: string;
      /** Client certificate and key, for mTLS. */
      readonly certFile?: string;
      readonly keyFile?: string;
      /** Name to verify the server certificate against, when it differs from the dialled host. */
      readonly serverName?: string;
    };

export interface ServerTls {
  readonly credentials: ServerCredentials;
  /** True for plaintext: log a warning. */
  readonly insecure: boolean;
  /** True when client certificates are required. */
  readonly mutual: boolean;
}

export interface ClientTls {
  readonly credentials: ChannelCredentials;
  readonly insecure: boolean;
  /** Pass to the client constructor (carries the server-name override). */
  readonly channelOptions: ChannelOptions;
}

function read(path: string | undefined, field: string): Result<Buffer | null> {
  if (path === undefined) return ok(null);
  try {
    return ok(readFileSync(path));
  } catch (error) {
    return fail('XR_BAD_REQUEST', `${field}: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, field);
  }
}

export function serverCredentials(config: ServerTlsConfig): Result<ServerTls> {
  if (config.mode === 'insecure') return ok({ credentials: ServerCredentials.createInsecure(), insecure: true, mutual: false });
  const cert = read(config.certFile, 'certFile');
  if (!cert.ok) return cert;
  const key = read(config.keyFile, 'keyFile');
  if (!key.ok) return key;
  const ca = read(config.clientCaFile, 'clientCaFile');
  if (!ca.ok) return ca;
  const mutual = ca.value !== null;
  try {
    const credentials = ServerCredentials.createSsl(ca.value, [{ cert_chain: cert.value!, private_key: key.value! }], mutual);
    return ok({ credentials, insecure: false, mutual });
  } catch (error) {
    return fail('XR_BAD_REQUEST', `tls: ${(error as Error).message}`, 'certFile');
  }
}

export function channelCredentials(config: ClientTlsConfig): Result<ClientTls> {
  if (config.mode === 'insecure') return ok({ credentials: ChannelCredentials.createInsecure(), insecure: true, channelOptions: {} });
  if ((config.certFile === undefined) !== (config.keyFile === undefined)) return fail('XR_BAD_REQUEST', 'certFile and keyFile go together', config.certFile ? 'keyFile' : 'certFile');
  const ca = read(config.caFile, 'caFile');
  if (!ca.ok) return ca;
  const cert = read(config.certFile, 'certFile');
  if (!cert.ok) return cert;
  const key = read(config.keyFile, 'keyFile');
  if (!key.ok) return key;
  try {
    const credentials = ChannelCredentials.createSsl(ca.value, key.value, cert.value);
    const channelOptions: ChannelOptions = config.serverName ? { 'grpc.ssl_target_name_override': config.serverName, 'grpc.default_authority': config.serverName } : {};
    return ok({ credentials, insecure: false, channelOptions });
  } catch (error) {
    return fail('XR_BAD_REQUEST', `tls: ${(error as Error).message}`, 'certFile');
  }
}

/**
 * Where `xr audit` reads: an export (`--from DIR`), the embedded log (`--log-dir DIR`), or Kafka
 * (`--brokers host:port,…`, env KAFKA_BROKERS); the topic prefix (`--prefix`, env XR_TOPIC_PREFIX,
 * default `xr`); the admin trust anchors (`--anchors <jwks file>`).
 */
import { Writable } from 'node:stream';
import { resolve } from 'node:path';
import { exportSource, kafkaSource, type AuditSource } from '@xr/audit';
import type { PublicJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { createLogger } from '@xr/observability';
import { openEventLog } from '@xr/service-kit';
import { optional, type OptionSpec, type Values } from '../args.js';
import type { CliIo } from '../io.js';
import { CliFailure, usage } from '../problem.js';
import { readJson } from './files.js';

export const SOURCE_OPTIONS = {
  from: { type: 'string' },
  'log-dir': { type: 'string' },
  brokers: { type: 'string' },
  prefix: { type: 'string' },
  region: { type: 'string', multiple: true },
  anchors: { type: 'string' },
} as const satisfies OptionSpec;

export interface OpenedSource {
  readonly source: AuditSource;
  close(): Promise<void>;
}

/** An export problem (missing, extra or changed file) as the failure it is: exit 1, the file named. */
export class ExportRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

export async function openSource(values: Values, io: CliIo): Promise<OpenedSource> {
  const from = optional(values, 'from');
  if (from !== undefined) {
    const opened = await exportSource(resolve(io.cwd, from));
    if (!opened.ok) throw new ExportRefused(opened.code, opened.message, opened.field ?? from);
    return { source: opened.value, close: async () => undefined };
  }
  const prefix = optional(values, 'prefix') ?? io.env['XR_TOPIC_PREFIX'] ?? 'xr';
  const dir = optional(values, 'log-dir');
  const brokers = optional(values, 'brokers') ?? (io.env['KAFKA_BROKERS'] || undefined);
  if (dir === undefined && brokers === undefined) throw usage('say where to read: --from <export dir>, --log-dir <embedded log dir>, or --brokers host:port (env KAFKA_BROKERS)', '--brokers');
  const logger = createLogger({ level: 'warn', name: 'xr-audit', destination: new Writable({ write: (chunk: Buffer, _e, done) => (io.stderr(chunk.toString()), done()) }) });
  let log: EventLog;
  try {
    log = await openEventLog(dir !== undefined ? { kind: 'file', dir: resolve(io.cwd, dir) } : { kind: 'kafka', brokers: brokers!.split(',').map((b) => b.trim()) }, logger, 'xr-audit');
  } catch (error) {
    throw new CliFailure({ code: 'XR_UNAVAILABLE', message: `cannot open the event log: ${error instanceof Error ? error.message : String(error)}` });
  }
  const regions = values['region'];
  return { source: kafkaSource(log, prefix, Array.isArray(regions) && regions.length > 0 ? (regions) : undefined), close: () => log.close() };
}

export async function readAnchors(values: Values, io: CliIo, option = 'anchors'): Promise<PublicJwk[]> {
  const path = optional(values, option);
  if (path === undefined) throw usage(`--${option} <jwks file> is required: the admin public keys the registry is signed with`, `--${option}`);
  return readKeys(io, path, `--${option}`);
}

/** Public JWKs from a JWKS file ({"keys": […]}) or a JSON array of JWKs. */
export async function readKeys(io: CliIo, path: string, option: string): Promise<PublicJwk[]> {
  const raw = await readJson(io, path, option);
  const keys = Array.isArray(raw) ? raw : (raw as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw usage(`${path} must hold a JWKS ({"keys": [...]}) of Ed25519 public keys`, option);
  for (const [i, k] of keys.entries()) {
    const jwk = k as Partial<PublicJwk> & { d?: unknown };
    if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || typeof jwk.kid !== 'string') throw usage(`${path}: keys[${i}] is not an Ed25519 public JWK with a kid`, option);
    if (jwk.d !== undefined) throw usage(`${path}: keys[${i}] is a private key; give public keys only`, option);
  }
  return keys as PublicJwk[];
}

/**
 * Admin service configuration: a JSON file (`--config path` or XR_CONFIG) with environment
 * overrides, validated once at start against a schema. A bad value stops the process with a
 * message naming the key and what was expected.
 */
import type { PrivateJwk, PublicJwk } from '@xr/crypto';
import { AUTH_CONFIG_SCHEMA, type AuthOptions, type ServerTlsConfig } from '@xr/auth';
import { parseAdminKid } from '@xr/registry';
import { compileSchema } from '@xr/schemas';
import { ADMIN_PUBLIC_JWK_SCHEMA, ConfigError, EVENT_LOG_SCHEMA, GRPC_LISTENER_SCHEMA, LOG_LEVEL_SCHEMA, METRICS_SCHEMA, TOPIC_PREFIX_SCHEMA, TRACING_SCHEMA, commonEnv, tracingEnv, configErrorLines, keyFromFileEnv, readConfigFile, type EventLogConfig, type MetricsConfig, type TracingConfig } from '@xr/service-kit';

export { ConfigError };

export interface AdminConfig {
  /** The admin's Ed25519 private JWK; kid `admin-<name>.k<n>`. Signs every registry record. */
  readonly adminKey: PrivateJwk;
  /** Further admin public keys whose registry records this service accepts (its own is always trusted). */
  readonly trustAnchors: readonly PublicJwk[];
  readonly eventLog: EventLogConfig;
  readonly grpc: { readonly address: string; readonly tls: ServerTlsConfig };
  /** Who may call: bearer JWT issuers (admin role for changes; admin or auditor for listings). */
  readonly auth: AuthOptions;
  /** Partitions of the inbox topic created for each newly registered partner (match its gateway's `partitions`). */
  readonly inboxPartitions: number;
  readonly topicPrefix: string;
  /** How long a change waits for this service's registry follower to apply it. */
  readonly requestTimeoutMs: number;
  /** The Prometheus endpoint; absent: off. */
  readonly metrics?: MetricsConfig;
  /** OpenTelemetry traces of the gRPC calls over OTLP/HTTP; absent: no SDK. */
  readonly tracing?: TracingConfig;
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
}

const publicJwk = ADMIN_PUBLIC_JWK_SCHEMA;

export const ADMIN_CONFIG_SCHEMA = {
  $id: 'https://schemas.xr-gateway.cn/admin-config.json',
  type: 'object',
  additionalProperties: false,
  required: ['adminKey', 'eventLog', 'grpc', 'auth'],
  properties: {
    $schema: { type: 'string' },
    adminKey: { ...publicJwk, required: [...publicJwk.required, 'd'], properties: { ...publicJwk.properties, d: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } } },
    trustAnchors: { type: 'array', default: [], items: publicJwk },
    eventLog: EVENT_LOG_SCHEMA,
    grpc: GRPC_LISTENER_SCHEMA,
    auth: AUTH_CONFIG_SCHEMA,
    inboxPartitions: { type: 'integer', minimum: 1, maximum: 256, default: 3 },
    topicPrefix: TOPIC_PREFIX_SCHEMA,
    requestTimeoutMs: { type: 'integer', minimum: 100, maximum: 300_000, default: 15_000 },
    metrics: METRICS_SCHEMA,
    tracing: TRACING_SCHEMA,
    logLevel: LOG_LEVEL_SCHEMA,
  },
} as const;

const validate = compileSchema<AdminConfig>(ADMIN_CONFIG_SCHEMA);

export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = {}): AdminConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('configuration must be a JSON object');
  const merged = structuredClone(keyFromFileEnv(tracingEnv(commonEnv(raw as Record<string, unknown>, env), env), 'adminKey', 'XR_ADMIN_KEY_FILE', env['XR_ADMIN_KEY_FILE']));
  if (!validate(merged)) throw new ConfigError(`invalid admin configuration:\n${configErrorLines(validate.errors).join('\n')}`);
  if (!parseAdminKid(merged.adminKey.kid)) throw new ConfigError(`invalid admin configuration:\n  adminKey.kid: must look like admin-<name>.k<n>`);
  return merged;
}

export function loadConfig(path: string, env: NodeJS.ProcessEnv): AdminConfig {
  return parseConfig(readConfigFile(path), env);
}

/**
 * Auditor service configuration: a JSON file (`--config path` or XR_CONFIG) with environment
 * overrides, validated once at start. The auditor holds no key: it trusts the admin public keys
 * (the registry's trust anchors) and judges everything else from the registry it replays.
 */
import type { PublicJwk } from '@xr/crypto';
import { AUTH_CONFIG_SCHEMA, type AuthOptions, type ServerTlsConfig } from '@xr/auth';
import { compileSchema } from '@xr/schemas';
import { ADMIN_PUBLIC_JWK_SCHEMA, ConfigError, EVENT_LOG_SCHEMA, GRPC_LISTENER_SCHEMA, LOG_LEVEL_SCHEMA, METRICS_SCHEMA, TOPIC_PREFIX_SCHEMA, TRACING_SCHEMA, commonEnv, tracingEnv, configErrorLines, readConfigFile, type EventLogConfig, type MetricsConfig, type TracingConfig } from '@xr/service-kit';

export { ConfigError };

export interface AuditorConfig {
  /** Admin public keys trusted to sign the registry (as in every gateway's `registry.trustAnchors`). */
  readonly trustAnchors: readonly PublicJwk[];
  readonly eventLog: EventLogConfig;
  readonly grpc: { readonly address: string; readonly tls: ServerTlsConfig };
  /** Who may call: bearer JWT issuers; the auditor or admin role. */
  readonly auth: AuthOptions;
  readonly topicPrefix: string;
  /** How often the index catches up with the log (new journal records, checkpoints, cosignatures). */
  readonly refreshMs: number;
  /** The Prometheus endpoint; absent: off. */
  readonly metrics?: MetricsConfig;
  /** OpenTelemetry traces of the gRPC calls over OTLP/HTTP; absent: no SDK. */
  readonly tracing?: TracingConfig;
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
}

export const AUDITOR_CONFIG_SCHEMA = {
  $id: 'https://schemas.xr-gateway.cn/auditor-config.json',
  type: 'object',
  additionalProperties: false,
  required: ['trustAnchors', 'eventLog', 'grpc', 'auth'],
  properties: {
    $schema: { type: 'string' },
    trustAnchors: { type: 'array', minItems: 1, items: ADMIN_PUBLIC_JWK_SCHEMA },
    eventLog: EVENT_LOG_SCHEMA,
    grpc: GRPC_LISTENER_SCHEMA,
    auth: AUTH_CONFIG_SCHEMA,
    topicPrefix: TOPIC_PREFIX_SCHEMA,
    refreshMs: { type: 'integer', minimum: 100, maximum: 600_000, default: 1000 },
    metrics: METRICS_SCHEMA,
    tracing: TRACING_SCHEMA,
    logLevel: LOG_LEVEL_SCHEMA,
  },
} as const;

const validate = compileSchema<AuditorConfig>(AUDITOR_CONFIG_SCHEMA);

export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = {}): AuditorConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('configuration must be a JSON object');
  const merged = structuredClone(tracingEnv(commonEnv(raw as Record<string, unknown>, env), env));
  if (!validate(merged)) throw new ConfigError(`invalid auditor configuration:\n${configErrorLines(validate.errors).join('\n')}`);
  return merged;
}

export function loadConfig(path: string, env: NodeJS.ProcessEnv): AuditorConfig {
  return parseConfig(readConfigFile(path), env);
}

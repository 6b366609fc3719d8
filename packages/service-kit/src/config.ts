/**
 * Configuration files of xr processes: JSON read once, environment overrides for containers and
 * quick runs, validated against a schema; a bad value stops the process with a message naming the
 * key and what was expected.
 */
import { readFileSync } from 'node:fs';
import { TLS_CONFIG_SCHEMA } from '@xr/auth';

/** The one ajv-error formatter's configuration lines (@xr/schemas), re-exported for the processes. */
export { configErrorLines } from '@xr/schemas';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type EventLogConfig = { readonly kind: 'kafka'; readonly brokers: readonly string[] } | { readonly kind: 'file'; readonly dir: string };

/** The `eventLog` setting: Kafka brokers, or the embedded log's directory. */
export const EVENT_LOG_SCHEMA = {
  type: 'object',
  required: ['kind'],
  oneOf: [
    {
      additionalProperties: false,
      required: ['kind', 'brokers'],
      properties: { kind: { const: 'kafka' }, brokers: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[^:\\s]+:\\d{1,5}$' } } },
    },
    { additionalProperties: false, required: ['kind', 'dir'], properties: { kind: { const: 'file' }, dir: { type: 'string', minLength: 1 } } },
  ],
} as const;

/** The gRPC listener: address and transport security (TLS, mTLS, or insecure only when said so). */
export const GRPC_LISTENER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['address', 'tls'],
  properties: { address: { type: 'string', pattern: '^[^\\s]+:\\d{1,5}$' }, tls: TLS_CONFIG_SCHEMA },
} as const;

export const TOPIC_PREFIX_SCHEMA = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$', default: 'xr' } as const;

/** An admin's Ed25519 public JWK (kid `admin-<name>.k<n>`): the trust anchors of the registry in every process. */
export const ADMIN_PUBLIC_JWK_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['kty', 'crv', 'x', 'kid'],
  properties: {
    kty: { const: 'OKP' },
    crv: { const: 'Ed25519' },
    x: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
    kid: { type: 'string', pattern: '^admin-[a-z][a-z0-9-]{0,30}\\.k[1-9]\\d{0,5}$' },
    alg: { const: 'EdDSA' },
    use: { const: 'sig' },
  },
} as const;

/**
 * The Prometheus endpoint (`GET /metrics`): off unless `metrics.address` is set (host:port; port 0
 * picks a free one). Off by default so that no process opens a port nobody asked for; the
 * deployment files set `0.0.0.0:9464`.
 */
export const METRICS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['address'],
  properties: { address: { type: 'string', pattern: '^[^\\s]+:\\d{1,5}$' } },
} as const;

export interface MetricsConfig {
  readonly address: string;
}

/**
 * OpenTelemetry traces (OTLP over HTTP, JSON): off unless `tracing.endpoint` is set, in the file or
 * by the standard variables (`tracingEnv`). Off, no SDK is loaded and the trace context still
 * travels in the records' `traceparent` headers.
 */
export const TRACING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['endpoint'],
  properties: {
    endpoint: { type: 'string', pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'OTLP/HTTP traces endpoint, e.g. http://otel-collector:4318/v1/traces' },
    protocol: { const: 'http/json', default: 'http/json', description: 'the only OTLP protocol this build sends (OTEL_EXPORTER_OTLP_PROTOCOL)' },
    headers: { type: 'object', maxProperties: 32, additionalProperties: { type: 'string', maxLength: 4096 }, description: 'extra HTTP headers on each export (an ingest token)' },
    serviceName: { type: 'string', minLength: 1, maxLength: 200, description: 'resource service.name; default the process role (xr-gateway)' },
    sampleRatio: { type: 'number', minimum: 0, maximum: 1, default: 1, description: 'share of new traces sampled; a continued trace follows its caller' },
    exportDelayMs: { type: 'integer', minimum: 10, maximum: 60000, default: 5000, description: 'longest wait before ended spans are exported' },
  },
} as const;

export interface TracingConfig {
  readonly endpoint: string;
  readonly protocol: 'http/json';
  readonly headers?: Readonly<Record<string, string>>;
  readonly serviceName?: string;
  readonly sampleRatio: number;
  readonly exportDelayMs: number;
}

/** `k1=v1,k2=v2` (values URL-encoded), as the OpenTelemetry variables write headers. */
function otelHeaders(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    out[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return out;
}

/**
 * The standard OpenTelemetry variables over the `tracing` section: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
 * (as is) or OTEL_EXPORTER_OTLP_ENDPOINT (+ `/v1/traces`), OTEL_EXPORTER_OTLP_[TRACES_]HEADERS,
 * OTEL_EXPORTER_OTLP_[TRACES_]PROTOCOL, OTEL_SERVICE_NAME, OTEL_BSP_SCHEDULE_DELAY; OTEL_SDK_DISABLED=true
 * or OTEL_TRACES_EXPORTER=none turns tracing off. Without an endpoint from either, tracing stays off.
 */
export function tracingEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out = { ...raw };
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true' || env['OTEL_TRACES_EXPORTER']?.trim().toLowerCase() === 'none') {
    delete out['tracing'];
    return out;
  }
  const tracing: Record<string, unknown> = { ...(out['tracing'] as object | undefined) };
  const signal = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'];
  const base = env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (signal) tracing['endpoint'] = signal;
  else if (base) tracing['endpoint'] = `${base.replace(/\/+$/, '')}/v1/traces`;
  if (tracing['endpoint'] === undefined) return out;
  const headers = env['OTEL_EXPORTER_OTLP_TRACES_HEADERS'] ?? env['OTEL_EXPORTER_OTLP_HEADERS'];
  if (headers) tracing['headers'] = { ...(tracing['headers'] as object | undefined), ...otelHeaders(headers) };
  const protocol = env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'] ?? env['OTEL_EXPORTER_OTLP_PROTOCOL'];
  if (protocol) tracing['protocol'] = protocol;
  if (env['OTEL_SERVICE_NAME']) tracing['serviceName'] = env['OTEL_SERVICE_NAME'];
  const delay = env['OTEL_BSP_SCHEDULE_DELAY'];
  if (delay) tracing['exportDelayMs'] = /^\d+$/.test(delay) ? Number(delay) : delay;
  out['tracing'] = tracing;
  return out;
}

export const LOG_LEVEL_SCHEMA = { enum: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], default: 'info' } as const;

/** Overrides every xr process takes from the environment: KAFKA_BROKERS or XR_DATA_DIR, XR_GRPC_ADDRESS, XR_METRICS_ADDRESS, XR_LOG_LEVEL, XR_TOPIC_PREFIX. */
export function commonEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out = { ...raw };
  if (env['XR_GRPC_ADDRESS']) out['grpc'] = { ...(out['grpc'] as object | undefined), address: env['XR_GRPC_ADDRESS'] };
  if (env['XR_METRICS_ADDRESS']) out['metrics'] = { address: env['XR_METRICS_ADDRESS'] };
  if (env['XR_LOG_LEVEL']) out['logLevel'] = env['XR_LOG_LEVEL'];
  if (env['XR_TOPIC_PREFIX']) out['topicPrefix'] = env['XR_TOPIC_PREFIX'];
  if (env['KAFKA_BROKERS']) out['eventLog'] = { kind: 'kafka', brokers: env['KAFKA_BROKERS'].split(',').map((b) => b.trim()) };
  else if (env['XR_DATA_DIR']) out['eventLog'] = { kind: 'file', dir: env['XR_DATA_DIR'] };
  return out;
}

/**
 * A private key from a file named by an environment variable (a mounted container secret), put
 * at `field` of the configuration: keys stay out of config files and ConfigMaps.
 * `XR_SIGNING_KEY_FILE` (gateway `signingKey`), `XR_ADMIN_KEY_FILE` (admin `adminKey`).
 */
export function keyFromFileEnv(raw: Record<string, unknown>, field: string, variable: string, path: string | undefined): Record<string, unknown> {
  if (!path) return raw;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${variable}: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return { ...raw, [field]: JSON.parse(text) as unknown };
  } catch {
    // The message names the file, never its content (a private key).
    throw new ConfigError(`${variable}: ${path} is not JSON (a JWK is expected)`);
  }
}

/** Reads a JSON configuration file; a missing file or bad JSON is a ConfigError naming it. */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read configuration ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`configuration ${path} is not JSON: ${(error as Error).message}`);
  }
}

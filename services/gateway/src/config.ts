/**
 * Gateway configuration: a JSON file (`--config path` or XR_CONFIG) with environment overrides,
 * validated once at start against a schema. A bad value stops the process with a message naming
 * the key and what was expected.
 */
import { readFileSync } from 'node:fs';
import type { PrivateJwk, PublicJwk } from '@xr/crypto';
import type { CalendarYear, Catalog } from '@xr/domain';
import { AUTH_CONFIG_SCHEMA, type AuthOptions, type ServerTlsConfig } from '@xr/auth';
import { compileSchema, validateCalendarYear, validateCatalog } from '@xr/schemas';
import { SIGNING_MODES, type SigningMode } from '@xr/exchange';
import { parseVerifierKey, SIGNATURE_TYPE_COSIGNATURE_V1 } from '@xr/tlog';
import { ADMIN_PUBLIC_JWK_SCHEMA, ConfigError, EVENT_LOG_SCHEMA, GRPC_LISTENER_SCHEMA, LOG_LEVEL_SCHEMA, METRICS_SCHEMA, TOPIC_PREFIX_SCHEMA, TRACING_SCHEMA, commonEnv, configErrorLines, keyFromFileEnv, readConfigFile, tracingEnv, type EventLogConfig, type MetricsConfig, type TracingConfig } from '@xr/service-kit';

export { ConfigError };
import { dirname, resolve } from 'node:path';

export interface GatewayConfig {
  readonly region: string;
  readonly signingKey: PrivateJwk;
  readonly partners: readonly { readonly region: string; readonly name?: string; readonly keys: readonly PublicJwk[] }[];
  readonly eventLog: EventLogConfig;
  readonly grpc: { readonly address: string; readonly tls: ServerTlsConfig };
  readonly auth: AuthOptions;
  readonly partitions: number;
  /**
   * How this region signs its events: `event` (a detached JWS each) or `sealed` (one signed note
   * per batch to a partner, each event with its inclusion proof; docs/WIRE.md "Sealed batches").
   * Partners accept either.
   */
  readonly signing: SigningMode;
  readonly topicPrefix: string;
  /** The Prometheus endpoint; absent: off. */
  readonly metrics?: MetricsConfig;
  /** OpenTelemetry traces exported over OTLP/HTTP; absent: no SDK, trace context in headers only. */
  readonly tracing?: TracingConfig;
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** This region's item catalog (事项目录) when it handles items: a file path or the catalog itself. */
  readonly catalog?: string | Catalog;
  /**
   * Partners from the admin-signed registry (`<prefix>.registry`): the admin public keys trusted to
   * sign it. When set, partner keys, suspensions and revocations come from the registry, live.
   */
  readonly registry?: { readonly trustAnchors: readonly PublicJwk[]; readonly maxBackdateMinutes?: number };
  /**
   * Holiday schedules of years beyond the built-in ones (2025–2026), for gateways without a
   * registry; with one, the admin publishes them there (`xr admin calendar set`) and those win.
   */
  readonly calendar?: { readonly years: readonly CalendarYear[] };
  /**
   * Inbox record sizes: larger records are quarantined XR_RECORD_TOO_LARGE by digest, size,
   * position and a prefix; quarantine entries larger than `quarantineEntryBytes` are written so too.
   * Both must stay under the broker's message size (Kafka: 1 MB by default).
   */
  readonly limits: { readonly recordBytes: number; readonly quarantineEntryBytes: number };
  /** 电子证照: the public https base of issuer and status-list URLs in the credentials this gateway issues. */
  readonly certificates: { readonly base: string };
  /**
   * Signed checkpoints of the journal partitions (`<prefix>.checkpoints`): how often, and the
   * outside C2SP tlog-witnesses each new checkpoint is submitted to (`POST <url>/add-checkpoint`).
   */
  readonly checkpoints: {
    readonly intervalMs: number;
    readonly witnessTimeoutMs: number;
    readonly witnesses: readonly { readonly name: string; readonly verifierKey: string; readonly url: string }[];
  };
  /**
   * This region as a witness of its partners' checkpoints (`<prefix>.checkpoints`, C2SP
   * tlog-witness): `follow` (default true) cosigns them from the topic; `http` (`host:port`, port 0
   * for any) also serves `POST /add-checkpoint`. Either way the witness first takes back what it
   * cosigned from the topic (`Witness.load`).
   */
  readonly witness: { readonly follow: boolean; readonly http?: string };
  /**
   * Snapshots of the gateway state (projection, ledgers, journal trees) with the journal position
   * they cover, in a local directory, so a start replays only the journal's tail. Absent: off
   * (every start replays the whole journal).
   */
  readonly snapshots?: { readonly dir: string; readonly intervalMs: number };
}

const jwk = {
  type: 'object',
  required: ['kty', 'crv', 'x', 'kid'],
  properties: {
    kty: { const: 'OKP' },
    crv: { const: 'Ed25519' },
    x: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
    kid: { type: 'string', pattern: '^\\d{6}\\.k[1-9]\\d{0,5}$' },
    alg: { const: 'EdDSA' },
    use: { const: 'sig' },
  },
};

export const CONFIG_SCHEMA = {
  $id: 'https://schemas.xr-gateway.cn/gateway-config.json',
  type: 'object',
  additionalProperties: false,
  required: ['region', 'signingKey', 'eventLog', 'grpc', 'auth'],
  properties: {
    $schema: { type: 'string' },
    region: { type: 'string', format: 'gbt2260' },
    signingKey: { ...jwk, additionalProperties: false, required: [...jwk.required, 'd'], properties: { ...jwk.properties, d: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } } },
    partners: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['region', 'keys'],
        properties: {
          region: { type: 'string', format: 'gbt2260' },
          name: { type: 'string' },
          keys: { type: 'array', minItems: 1, items: { ...jwk, additionalProperties: false } },
        },
      },
    },
    eventLog: EVENT_LOG_SCHEMA,
    grpc: GRPC_LISTENER_SCHEMA,
    auth: AUTH_CONFIG_SCHEMA,
    partitions: { type: 'integer', minimum: 1, maximum: 256, default: 3 },
    signing: { enum: [...SIGNING_MODES], default: 'event', description: 'event: a detached JWS per event; sealed: one signed note per batch to a partner, each event with its tlog-proof' },
    topicPrefix: TOPIC_PREFIX_SCHEMA,
    metrics: METRICS_SCHEMA,
    tracing: TRACING_SCHEMA,
    logLevel: LOG_LEVEL_SCHEMA,
    registry: {
      type: 'object',
      additionalProperties: false,
      required: ['trustAnchors'],
      properties: {
        trustAnchors: { type: 'array', minItems: 1, items: ADMIN_PUBLIC_JWK_SCHEMA },
        maxBackdateMinutes: { type: 'integer', minimum: 0, maximum: 1440, default: 10 },
      },
    },
    catalog: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'object' }], description: 'path to a catalog file, or the catalog (schemas/catalog.v1.json)' },
    certificates: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        base: { type: 'string', pattern: '^https://[a-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]+)*$', default: 'https://xr.example.gov.cn', description: 'public https base of issuer ids and status-list URLs (no trailing /)' },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        recordBytes: { type: 'integer', minimum: 4096, maximum: 8388608, default: 262144, description: 'largest inbox record (key, value, headers) opened; larger ones are quarantined XR_RECORD_TOO_LARGE' },
        quarantineEntryBytes: { type: 'integer', minimum: 16384, maximum: 8388608, default: 524288, description: 'largest quarantine entry written in full, under the broker message size' },
      },
    },
    witness: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        follow: { type: 'boolean', default: true, description: "cosign partners' checkpoints from <prefix>.checkpoints" },
        http: { type: 'string', pattern: '^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]*):\\d{1,5}$', description: 'host:port of the C2SP tlog-witness POST /add-checkpoint server (port 0: any free port)' },
      },
    },
    checkpoints: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        intervalMs: { type: 'integer', minimum: 100, maximum: 3600000, default: 2000, description: 'how often each partition that grew gets a new signed checkpoint' },
        witnessTimeoutMs: { type: 'integer', minimum: 100, maximum: 120000, default: 5000, description: 'bound on one add-checkpoint request to an outside witness' },
        witnesses: {
          type: 'array',
          default: [],
          maxItems: 64,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'verifierKey', 'url'],
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 200, description: 'a label for logs and metrics' },
              verifierKey: { type: 'string', minLength: 1, maxLength: 1000, description: 'C2SP verifier key of the witness, signature type 0x04 (cosignature/v1)' },
              url: { type: 'string', pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'URL prefix of the witness; add-checkpoint is POSTed to <url>/add-checkpoint' },
            },
          },
        },
      },
    },
    snapshots: {
      type: 'object',
      additionalProperties: false,
      required: ['dir'],
      properties: {
        dir: { type: 'string', minLength: 1, maxLength: 4096, description: 'local directory of the state snapshot (created if missing; relative to the configuration file)' },
        intervalMs: { type: 'integer', minimum: 1000, maximum: 86400000, default: 300000, description: 'how often a snapshot is written when the journal grew (one more is written at shutdown)' },
      },
    },
    calendar: {
      type: 'object',
      additionalProperties: false,
      required: ['years'],
      properties: { years: { type: 'array', maxItems: 200, items: { $ref: 'https://schemas.xr-gateway.cn/calendar-year.v1.json' } } },
    },
  },
} as const;

const validate = compileSchema<GatewayConfig>(CONFIG_SCHEMA);

/** Environment variables that override the file, for containers and quick runs. */
function applyEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out = keyFromFileEnv(tracingEnv(commonEnv(raw, env), env), 'signingKey', 'XR_SIGNING_KEY_FILE', env['XR_SIGNING_KEY_FILE']);
  if (env['XR_REGION']) out['region'] = env['XR_REGION'];
  return out;
}

function readCatalogFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new ConfigError(`invalid gateway configuration:\n  catalog: cannot read ${path}: ${(error as Error).message}`);
  }
}

/** `base` is where relative paths in the configuration (the catalog file) are taken from. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = {}, base = process.cwd()): GatewayConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('configuration must be a JSON object');
  const merged = structuredClone(applyEnv(raw as Record<string, unknown>, env));
  if (!validate(merged)) throw new ConfigError(`invalid gateway configuration:\n${configErrorLines(validate.errors).join('\n')}`);
  if (merged.catalog !== undefined) {
    const catalog = typeof merged.catalog === 'string' ? readCatalogFile(resolve(base, merged.catalog)) : merged.catalog;
    const checked = validateCatalog(catalog);
    if (!checked.ok) {
      const lines = (checked.violations ?? [{ field: checked.field ?? '', message: checked.message }]).map((v) => `  catalog${v.field.replace(/\//g, '.')}: ${v.message}`);
      throw new ConfigError(`invalid gateway configuration:\n${lines.join('\n')}`);
    }
    if (checked.value.region !== merged.region) throw new ConfigError(`invalid gateway configuration:\n  catalog.region: is ${checked.value.region}, this gateway is ${merged.region}`);
    (merged as { catalog?: Catalog }).catalog = checked.value;
  }
  if (merged.calendar !== undefined) {
    const years: CalendarYear[] = [];
    for (const [i, spec] of merged.calendar.years.entries()) {
      const checked = validateCalendarYear(spec, `/calendar/years/${i}`);
      if (!checked.ok) throw new ConfigError(`invalid gateway configuration:\n  ${(checked.field ?? '').slice(1).replace(/\//g, '.')}: ${checked.message}`);
      years.push(checked.value);
    }
    (merged as { calendar?: { years: CalendarYear[] } }).calendar = { years };
  }
  for (const [i, witness] of merged.checkpoints.witnesses.entries()) {
    const verifier = parseVerifierKey(witness.verifierKey);
    const where = `checkpoints.witnesses[${i}].verifierKey`;
    if (!verifier.ok) throw new ConfigError(`invalid gateway configuration:\n  ${where}: ${verifier.message}`);
    if (verifier.value.type !== SIGNATURE_TYPE_COSIGNATURE_V1) throw new ConfigError(`invalid gateway configuration:\n  ${where}: must be a cosignature key (type 0x04, c2sp.org/tlog-cosignature), not type 0x${verifier.value.type.toString(16).padStart(2, '0')}`);
    if (!URL.canParse(witness.url)) throw new ConfigError(`invalid gateway configuration:\n  checkpoints.witnesses[${i}].url: not a URL`);
  }
  if (merged.snapshots) (merged as { snapshots?: { dir: string; intervalMs: number } }).snapshots = { ...merged.snapshots, dir: resolve(base, merged.snapshots.dir) };
  if (merged.signingKey.kid.slice(0, 6) !== merged.region) {
    throw new ConfigError(`invalid gateway configuration:\n  signingKey.kid: must name this region (${merged.region}.kN), not ${merged.signingKey.kid}`);
  }
  return merged;
}

export function loadConfig(path: string, env: NodeJS.ProcessEnv): GatewayConfig {
  return parseConfig(readConfigFile(path), env, dirname(resolve(path)));
}

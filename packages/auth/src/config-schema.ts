/**
 * JSON Schema fragments for the gateway configuration (ajv, strict, with the `gbt2260` format
 * that @xr/schemas registers): `auth` → AuthOptions (minus `clock`), `grpc.tls` → ServerTlsConfig.
 */
const b64url43 = { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } as const;
const kid = { type: 'string', minLength: 1, maxLength: 200 } as const;

const ISSUER_JWK = {
  type: 'object',
  required: ['kty', 'crv', 'x'],
  oneOf: [
    {
      additionalProperties: false,
      properties: { kty: { const: 'OKP' }, crv: { const: 'Ed25519' }, x: b64url43, kid, alg: { enum: ['EdDSA', 'Ed25519'] }, use: { const: 'sig' } },
    },
    {
      additionalProperties: false,
      required: ['y'],
      properties: { kty: { const: 'EC' }, crv: { const: 'P-256' }, x: b64url43, y: b64url43, kid, alg: { const: 'ES256' }, use: { const: 'sig' } },
    },
  ],
} as const;

const JWK_LIST = { type: 'array', minItems: 1, maxItems: 20, items: ISSUER_JWK } as const;

export const AUTH_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['issuers'],
  properties: {
    audience: { type: 'string', minLength: 1, default: 'xr-gateway' },
    maxLifetimeSeconds: { type: 'integer', minimum: 60, maximum: 2_678_400, default: 86_400 },
    clockToleranceSeconds: { type: 'integer', minimum: 0, maximum: 300, default: 30 },
    peerCertificates: { type: 'boolean', default: false },
    issuers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['iss', 'keys'],
        properties: {
          iss: { type: 'string', minLength: 1, maxLength: 200 },
          keys: {
            oneOf: [JWK_LIST, { type: 'object', additionalProperties: false, required: ['keys'], properties: { keys: JWK_LIST } }],
          },
          region: { type: 'string', format: 'gbt2260' },
          roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['system', 'admin', 'auditor'] } },
        },
      },
    },
  },
} as const;

export const TLS_CONFIG_SCHEMA = {
  type: 'object',
  required: ['mode'],
  oneOf: [
    { additionalProperties: false, properties: { mode: { const: 'insecure' } } },
    {
      additionalProperties: false,
      required: ['certFile', 'keyFile'],
      properties: {
        mode: { const: 'tls' },
        certFile: { type: 'string', minLength: 1 },
        keyFile: { type: 'string', minLength: 1 },
        clientCaFile: { type: 'string', minLength: 1 },
      },
    },
  ],
} as const;

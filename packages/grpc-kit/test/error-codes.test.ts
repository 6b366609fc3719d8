import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { status } from '@grpc/grpc-js';
import { ERROR_CLASSES, XR_ERROR_CLASS, XR_ERROR_CODES, fail, isXrErrorCode, type XrErrorCode } from '@xr/domain';
import { describe, expect, it } from 'vitest';
import { isRetryable, toServiceError } from '../src/status.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCANNED = ['packages', 'services', 'schemas/src', 'proto/src'];

/** `XR_` names that are environment variables, not error codes; each must be read from an environment. */
const ENVIRONMENT_VARIABLES = ['XR_ADMIN_URL', 'XR_CONFIG', 'XR_DATA_DIR', 'XR_DEMO_OUT', 'XR_GATEWAY_URL', 'XR_GRPC_ADDRESS', 'XR_LOG_LEVEL', 'XR_METRICS_ADDRESS', 'XR_SIGNING_KEY_FILE', 'XR_ADMIN_KEY_FILE', 'XR_REGION', 'XR_TOKEN', 'XR_TOPIC_PREFIX'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'gen') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const files = SCANNED.flatMap((d) => sources(join(ROOT, d)));
const text = new Map(files.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8')]));

/** Every `'XR_…'` string literal in the scanned sources, with the first file that uses it. */
function namesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const [file, body] of text) for (const m of body.matchAll(/(?<=['"`])XR_[A-Z][A-Z0-9_]*(?=['"`])/g)) if (!found.has(m[0])) found.set(m[0], file);
  return found;
}

describe('the one list of error codes', () => {
  it('scans the sources it claims to (the domain, the registry, the edge, the services)', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const f of ['packages/domain/src/errors.ts', 'packages/registry/src/apply.ts', 'services/admin/src/registrar.ts', 'schemas/src/registry.ts']) expect(text.has(f), f).toBe(true);
  });

  it('holds every XR_ code literal used in source under packages/, services/, schemas/ and proto/', () => {
    const unlisted = [...namesInSource()].filter(([name]) => !isXrErrorCode(name) && !ENVIRONMENT_VARIABLES.includes(name)).map(([name, file]) => `${name} (${file})`);
    expect(unlisted).toEqual([]);
  });

  it('excuses only names that really are environment variables', () => {
    const all = [...text.values()].join('\n');
    for (const name of ENVIRONMENT_VARIABLES) {
      expect(all, name).toMatch(new RegExp(`env(\\['${name}'\\]|\\.${name}\\b|: \\{[^}]*\\b${name}\\b)`));
      expect(isXrErrorCode(name), name).toBe(false);
    }
  });

  it('lists no code twice and gives each a class that is a gRPC status', () => {
    expect(new Set(XR_ERROR_CODES).size).toBe(XR_ERROR_CODES.length);
    expect(XR_ERROR_CODES).toEqual(Object.keys(XR_ERROR_CLASS));
    for (const klass of ERROR_CLASSES) expect(typeof status[klass], klass).toBe('number');
    for (const code of XR_ERROR_CODES) expect(ERROR_CLASSES, code).toContain(XR_ERROR_CLASS[code]);
  });

  it('the edge sends each code with the status of its class, and the code itself as ErrorInfo reason', () => {
    for (const code of XR_ERROR_CODES) {
      const error = toServiceError(fail(code, 'm'));
      expect(error.code, code).toBe(status[XR_ERROR_CLASS[code]]);
      expect(error.metadata?.get('xr-code'), code).toEqual([code]);
    }
    const some: Record<string, status> = { XR_SCHEMA_INVALID: status.INVALID_ARGUMENT, XR_CASE_NOT_FOUND: status.NOT_FOUND, XR_REGISTRY_CONFLICT: status.ALREADY_EXISTS, XR_KEY_REVOKED: status.UNAUTHENTICATED, XR_PARTNER_SUSPENDED: status.FAILED_PRECONDITION, XR_UNAVAILABLE: status.UNAVAILABLE };
    for (const [code, expected] of Object.entries(some)) expect(toServiceError(fail(code as XrErrorCode, 'm')).code, code).toBe(expected);
  });

  it('only UNAVAILABLE-class codes are retryable', () => {
    expect(XR_ERROR_CODES.filter(isRetryable)).toEqual(['XR_UNAVAILABLE']);
  });
});

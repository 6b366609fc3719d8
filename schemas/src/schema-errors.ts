/**
 * The one formatter of ajv errors: every validator (event envelopes and payloads, catalogs,
 * holiday schedules, registry records, configuration files) turns ajv's errors into violations
 * through here, so a field is named the same way and a rule reads the same everywhere.
 */
import type { ErrorObject } from 'ajv';
import { fail, type Problem, type XrErrorCode } from '@xr/domain';

export interface Violation {
  /** JSON Pointer of the offending value (`/payload/applicant/idNumber`); `/` for the whole document. */
  readonly field: string;
  readonly message: string;
}

export interface ViolationStyle {
  /** JSON Pointer of the validated value inside the document being checked (`/payload`). */
  readonly prefix?: string;
  /** What to say about a member the schema does not allow; default `unknown field <name>`. */
  readonly unknownMember?: (name: string) => string | undefined;
  /**
   * Keep ajv's own words for everything but unknown members (configuration lines do:
   * `must match format "gbt2260"`); default ours (`is not a valid gbt2260`, `must be one of […]`).
   */
  readonly ajvWords?: boolean;
}

type Params = { missingProperty?: string; additionalProperty?: string; format?: string; allowedValue?: unknown; allowedValues?: unknown[] };

function describe(error: ErrorObject, style: ViolationStyle): string {
  const params = error.params as Params;
  if (error.keyword === 'additionalProperties') {
    const name = params.additionalProperty ?? '';
    return style.unknownMember?.(name) ?? `unknown field ${name}`.trim();
  }
  if (style.ajvWords) return error.message ?? error.keyword;
  if (error.keyword === 'format') return `is not a valid ${params.format ?? 'value'}`;
  if (error.keyword === 'const') return `must be ${JSON.stringify(params.allowedValue)}`;
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify(params.allowedValues)}`;
  return error.message ?? error.keyword;
}

/**
 * A value that fits no branch of a `oneOf` is reported against the branch it came closest to
 * (fewest errors): a scan missing its media type is told so, not also that it has no certificate.
 */
function closestBranches(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const one of errors) {
    if (one.keyword !== 'oneOf') continue;
    const prefix = `${one.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (e.instancePath !== one.instancePath && !e.instancePath.startsWith(`${one.instancePath}/`)) continue;
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (branches.size === 0) continue; // more than one branch matched: the oneOf error itself says so
    const closest = [...branches.values()].reduce((a, b) => (b.length < a.length ? b : a));
    dropped.add(one);
    for (const list of branches.values()) if (list !== closest) for (const e of list) dropped.add(e);
  }
  return dropped.size === 0 ? errors : errors.filter((e) => !dropped.has(e));
}

/** ajv's errors → distinct violations, each naming its field (a missing or unknown member by its own pointer). */
export function schemaViolations(errors: readonly ErrorObject[] | null | undefined, style: ViolationStyle = {}): Violation[] {
  const out = new Map<string, Violation>();
  for (const error of closestBranches(errors ?? [])) {
    // `if` only says that a `then` or `else` failed; that failure is reported on its own.
    if (error.keyword === 'if') continue;
    const params = error.params as Params;
    const member = params.missingProperty ?? params.additionalProperty;
    const field = `${style.prefix ?? ''}${error.instancePath}${member === undefined ? '' : `/${member}`}` || '/';
    const message = describe(error, style);
    out.set(`${field} ${message}`, { field, message });
  }
  return [...out.values()];
}

/** A failed validation as one problem: `<what>: <first field> <first message> (and n more)`, every violation attached. */
export function schemaProblem(code: XrErrorCode, what: string, errors: readonly ErrorObject[] | null | undefined, style: ViolationStyle = {}): { ok: false } & Problem {
  const violations = schemaViolations(errors, style);
  const first = violations[0];
  const message = first ? `${what}: ${first.field} ${first.message}${violations.length > 1 ? ` (and ${violations.length - 1} more)` : ''}` : what;
  return fail(code, message, first?.field, violations);
}

/** A configuration file's errors as lines `  key.path: what was expected`, one per distinct violation. */
export function configErrorLines(errors: readonly ErrorObject[] | null | undefined): string[] {
  const lines = schemaViolations(errors, { ajvWords: true, unknownMember: () => 'is not a known setting' }).map((v) => {
    const key = v.field.replace(/^\//, '').replace(/\//g, '.') || '(root)';
    return `  ${key}: ${v.message}`;
  });
  return [...new Set(lines)];
}

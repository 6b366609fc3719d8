/**
 * TypeScript types of case events, rendered from their JSON Schemas (schemas/events/*.json): the
 * schemas are the one source, `pnpm gen` writes packages/domain/src/generated/events.ts, and a
 * test fails when that file is stale. Pure: schemas in, source text out.
 *
 * It covers the subset of JSON Schema the event schemas use: objects (required, additionalProperties
 * false), strings, integers, numbers, booleans, enum, const, arrays, oneOf (a union) and a $ref to
 * the envelope.
 * Conditions (allOf of if/then/else) constrain values without changing their type and are skipped.
 * Anything else is refused, so a new keyword is noticed rather than typed as `unknown`.
 */
type Schema = Readonly<Record<string, unknown>> | boolean;

export interface EventSchemaFile {
  /** File name, `case.accepted.v1.json`. */
  readonly file: string;
  readonly schema: Readonly<Record<string, unknown>>;
}

/** `$ref`s the generator knows, and the TypeScript type each stands for. */
/** Referenced schemas and their TypeScript types (an id is a string: its pattern is the schema's business). */
const REFS: Readonly<Record<string, string>> = { '../envelope.v1.json': 'Envelope', '../id.v1.json': 'string' };

const IGNORED = new Set(['$schema', '$id', 'title', 'description', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'minItems', 'maxItems', 'allOf', 'required', 'additionalProperties']);

const pascal = (type: string): string =>
  type
    .split(/[.-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** The payload type's name: case.request-accepted v1 → CaseRequestAcceptedV1Payload. */
export function payloadTypeName(type: string, v: number): string {
  return `${pascal(type)}V${v}Payload`;
}

/** A JSON value as a TypeScript literal type, strings in single quotes as in our sources. */
function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
}

function doc(schema: Schema, indent: string): string {
  if (typeof schema === 'boolean' || typeof schema['description'] !== 'string') return '';
  return `${indent}/** ${schema['description']} */\n`;
}

function render(schema: Schema, where: string, indent: string): string {
  if (typeof schema === 'boolean') throw new TypeError(`${where}: a boolean schema has no type`);
  const known = new Set([...IGNORED, 'type', 'properties', 'items', 'enum', 'const', '$ref', 'oneOf']);
  const unknown = Object.keys(schema).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new TypeError(`${where}: keyword ${unknown.join(', ')} is not supported by the event type generator`);
  if (typeof schema['$ref'] === 'string') {
    const ref = REFS[schema['$ref']];
    if (!ref) throw new TypeError(`${where}: unknown $ref ${schema['$ref']}`);
    return ref;
  }
  if (Array.isArray(schema['oneOf'])) {
    const inner = `${indent}  `;
    const branches = (schema['oneOf'] as Schema[]).map((b, i) => `${doc(b, inner)}${inner}| ${render(b, `${where}/oneOf/${i}`, inner)}\n`);
    return `(\n${branches.join('')}${indent})`;
  }
  if ('const' in schema) return literal(schema['const']);
  if (Array.isArray(schema['enum'])) return schema['enum'].map(literal).join(' | ');
  switch (schema['type']) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = render(schema['items'] as Schema, `${where}/items`, indent);
      return item.includes(' | ') && !item.startsWith('{') && !item.startsWith('(') ? `readonly (${item})[]` : `readonly ${item}[]`;
    }
    case 'object':
      return renderObject(schema, where, indent);
    default:
      throw new TypeError(`${where}: type ${JSON.stringify(schema['type'])} is not supported by the event type generator`);
  }
}

function renderObject(schema: Readonly<Record<string, unknown>>, where: string, indent: string): string {
  const properties = (schema['properties'] ?? {}) as Readonly<Record<string, Schema>>;
  const required = new Set((schema['required'] ?? []) as readonly string[]);
  const closed = schema['additionalProperties'] === false;
  const names = Object.keys(properties);
  if (names.length === 0 && !closed) return 'Readonly<Record<string, unknown>>';
  const inner = `${indent}  `;
  const lines = names.map((name) => {
    const member = properties[name]!;
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    return `${doc(member, inner)}${inner}readonly ${key}${required.has(name) ? '' : '?'}: ${render(member, `${where}/${name}`, inner)};\n`;
  });
  if (!closed) lines.push(`${inner}readonly [member: string]: unknown;\n`);
  return `{\n${lines.join('')}${indent}}`;
}

/** The generated module: one payload type per schema file, and the discriminated union of case events. */
export function renderEventTypes(files: readonly EventSchemaFile[]): string {
  const events = files
    .map(({ file, schema }) => {
      const m = /^([a-z][a-z.-]*)\.v(\d+)\.json$/.exec(file);
      if (!m) throw new TypeError(`${file}: not <type>.v<version>.json`);
      return { file, type: m[1]!, v: Number(m[2]), schema };
    })
    .sort((a, b) => (a.type === b.type ? a.v - b.v : a.type < b.type ? -1 : 1));
  const out: string[] = [
    '// Generated by `pnpm gen` from schemas/events/*.json (schemas/src/event-types.ts). Do not edit:',
    '// change the schema and run `pnpm gen`; schemas/test/event-types.test.ts fails when this is stale.',
    "import type { Envelope } from '../envelope.js';",
    '',
  ];
  for (const e of events) {
    const title = typeof e.schema['title'] === 'string' ? e.schema['title'] : `${e.type} v${e.v}`;
    out.push(`/** ${title} */`, `export type ${payloadTypeName(e.type, e.v)} = ${render(e.schema, e.file, '')};`, '');
  }
  out.push(
    '/** An envelope whose type, version and payload belong together. */',
    "export type EventOf<T extends string, V extends number, P> = Omit<Envelope, 'type' | 'v' | 'payload'> & { readonly type: T; readonly v: V; readonly payload: P };",
    '',
    '/** Every case event the schemas define: switch on `type` (and `v`) and the payload is typed. */',
    `export type CaseEvent =\n${events.map((e) => `  | EventOf<'${e.type}', ${e.v}, ${payloadTypeName(e.type, e.v)}>`).join('\n')};`,
    '',
    '/** The type and version of every case event, in the order above. */',
    `export const CASE_EVENT_KINDS = [\n${events.map((e) => `  { type: '${e.type}', v: ${e.v} },`).join('\n')}\n] as const satisfies readonly Pick<CaseEvent, 'type' | 'v'>[];`,
    '',
  );
  return out.join('\n');
}

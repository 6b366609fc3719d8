import { describe, expect, it } from 'vitest';
import { compileSchema, configErrorLines, schemaProblem, schemaViolations } from '../src/index.js';

const validate = compileSchema<unknown>({
  type: 'object',
  additionalProperties: false,
  required: ['region', 'mode'],
  properties: {
    region: { type: 'string', format: 'gbt2260' },
    mode: { const: 'tls' },
    level: { enum: ['info', 'warn'] },
    nested: { type: 'object', additionalProperties: false, properties: { port: { type: 'integer' } } },
  },
});

function errorsOf(value: unknown): Parameters<typeof schemaViolations>[0] {
  expect(validate(value)).toBe(false);
  return validate.errors;
}

describe('the one ajv-error formatter', () => {
  it('names a missing or unknown member by its own pointer, under the prefix', () => {
    const violations = schemaViolations(errorsOf({ colour: 'red', nested: { port: 'x' } }), { prefix: '/payload' });
    expect(violations).toEqual([
      { field: '/payload/region', message: "must have required property 'region'" },
      { field: '/payload/mode', message: "must have required property 'mode'" },
      { field: '/payload/colour', message: 'unknown field colour' },
      { field: '/payload/nested/port', message: 'must be integer' },
    ]);
  });

  it('says format, const and enum in our words, or in ajv words for configuration', () => {
    const errors = errorsOf({ region: '999999', mode: 'plain', level: 'loud' });
    expect(schemaViolations(errors).map((v) => `${v.field} ${v.message}`)).toEqual(['/region is not a valid gbt2260', '/mode must be "tls"', '/level must be one of ["info","warn"]']);
    expect(configErrorLines(errors)).toEqual(['  region: must match format "gbt2260"', '  mode: must be equal to constant', '  level: must be equal to one of the allowed values']);
  });

  it('configuration lines call an unknown member an unknown setting and the root (root)', () => {
    expect(configErrorLines(errorsOf({ region: '370200', mode: 'tls', nested: { host: 'h' } }))).toEqual(['  nested.host: is not a known setting']);
    const root = compileSchema<unknown>({ type: 'object' });
    expect(root([])).toBe(false);
    expect(configErrorLines(root.errors)).toEqual(['  (root): must be object']);
  });

  it('one problem: the first violation in the message, the count of the rest, all attached', () => {
    const p = schemaProblem('XR_SCHEMA_INVALID', 'invalid thing', errorsOf({ region: '370200', mode: 'tls', extra: 1, more: 2 }), { unknownMember: (n) => (n === 'more' ? 'is not for you' : undefined) });
    expect(p).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/extra', message: 'invalid thing: /extra unknown field extra (and 1 more)' });
    expect(p.violations).toEqual([
      { field: '/extra', message: 'unknown field extra' },
      { field: '/more', message: 'is not for you' },
    ]);
  });
});

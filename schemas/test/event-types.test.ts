import { readFileSync } from 'node:fs';
import { CASE_EVENT_KINDS } from '@xr/domain';
import { describe, expect, it } from 'vitest';
import { payloadTypeName, renderEventTypes } from '../src/event-types.js';
import { GENERATED_EVENTS_FILE, eventSchemaFiles, generatedEvents } from '../src/gen-events.js';
import { eventTypes } from '../src/index.js';

describe('case-event types generated from the schemas', () => {
  it('the committed packages/domain/src/generated/events.ts is what the schemas give (run `pnpm gen` after changing one)', () => {
    expect(readFileSync(GENERATED_EVENTS_FILE, 'utf8')).toBe(generatedEvents());
  });

  it('have one kind per schema file, the kinds the validator compiles', () => {
    const key = (k: { type: string; v: number }): string => `${k.type}@${k.v}`;
    expect(CASE_EVENT_KINDS.map(key).sort()).toEqual(eventTypes().map(key).sort());
    expect(CASE_EVENT_KINDS).toHaveLength(eventSchemaFiles().length);
  });

  it('render required and optional members, enums, consts, arrays and the envelope reference', () => {
    const text = renderEventTypes([
      {
        file: 'case.example-made.v2.json',
        schema: {
          title: 'case.example-made v2',
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'items'],
          properties: {
            kind: { enum: ['a', "b'c"] },
            fixed: { const: 'passed', description: 'always passed' },
            items: { type: 'array', items: { type: 'integer' } },
            request: { $ref: '../envelope.v1.json' },
          },
          allOf: [{ if: { properties: { kind: { const: 'a' } } }, then: { required: ['fixed'] } }],
        },
      },
    ]);
    expect(payloadTypeName('case.example-made', 2)).toBe('CaseExampleMadeV2Payload');
    expect(text).toContain(
      [
        '/** case.example-made v2 */',
        'export type CaseExampleMadeV2Payload = {',
        "  readonly kind: 'a' | 'b\\'c';",
        '  /** always passed */',
        "  readonly fixed?: 'passed';",
        '  readonly items: readonly number[];',
        '  readonly request?: Envelope;',
        '};',
      ].join('\n'),
    );
    expect(text).toContain("| EventOf<'case.example-made', 2, CaseExampleMadeV2Payload>;");
  });

  it('render a oneOf as a union of its branches (a material: a scan or a presented certificate)', () => {
    const text = renderEventTypes([
      {
        file: 'case.example-made.v1.json',
        schema: {
          type: 'object',
          properties: {
            materials: {
              type: 'array',
              items: {
                oneOf: [
                  { type: 'object', additionalProperties: false, required: ['sha256'], properties: { sha256: { type: 'string' } } },
                  { type: 'object', additionalProperties: false, required: ['certificate'], description: 'presented', properties: { certificate: { type: 'string' } } },
                ],
              },
            },
          },
        },
      },
    ]);
    expect(text).toContain(
      ['  readonly materials?: readonly (', '    | {', '      readonly sha256: string;', '    }', '    /** presented */', '    | {', '      readonly certificate: string;', '    }', '  )[];'].join('\n'),
    );
  });

  it('refuse what they cannot type rather than widen it to unknown', () => {
    const one = (schema: Record<string, unknown>): string => renderEventTypes([{ file: 'case.x.v1.json', schema }]);
    expect(() => one({ type: 'object', properties: { a: { anyOf: [{ type: 'string' }] } } })).toThrow(/anyOf is not supported/);
    expect(() => one({ type: 'object', properties: { a: { oneOf: [{ type: 'null' }] } } })).toThrow(/oneOf\/0: type "null"/);
    expect(() => one({ type: 'object', properties: { a: { $ref: 'other.json' } } })).toThrow(/unknown \$ref other.json/);
    expect(() => one({ type: 'object', properties: { a: { type: 'null' } } })).toThrow(/type "null"/);
    expect(() => renderEventTypes([{ file: 'weird.json', schema: {} }])).toThrow(/not <type>.v<version>.json/);
  });
});

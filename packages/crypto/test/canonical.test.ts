/**
 * `canonicalJson` is the `canonicalize` package's RFC 8785 output, byte for byte, and refuses what
 * it refuses: checked on generated values of every shape (JSON from the wire, objects built in
 * code with members in any order, numbers at the edges, strings with lone surrogates, sparse
 * arrays, values JSON cannot hold), since every signature and hash depends on these bytes.
 */
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/index.js';

function outcome(run: () => string | undefined): { ok: true; text: string | undefined } | { ok: false; error: string } {
  try {
    return { ok: true, text: run() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) };
  }
}

const ours = (v: unknown): (() => string | undefined) => () => {
  try {
    return canonicalJson(v);
  } catch (error) {
    // canonicalJson refuses a value with no JSON form at all, where the package returns undefined.
    if (error instanceof TypeError && error.message === 'value cannot be represented as canonical JSON') return undefined;
    throw error;
  }
};

const unicode = fc.string({ unit: 'binary', maxLength: 12 });
const key = fc.oneof(fc.string({ maxLength: 4 }), unicode, fc.constantFrom('10', '9', '__proto__x', 'a', 'b', 'é', '😀', '\ud800'));
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY));
const leaf = fc.oneof(unicode, number, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom(Symbol('s'), () => 1, new Date(0)));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.oneof(fc.array(tie('node'), { maxLength: 5 }), fc.sparseArray(tie('node'), { maxLength: 5 })),
  object: fc.dictionary(key, tie('node'), { maxKeys: 6 }),
})).node;

describe('canonical JSON (RFC 8785), against the canonicalize package', () => {
  it('gives the same bytes or the same refusal on any value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(outcome(ours(v))).toEqual(outcome(() => canonicalize(v)));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same bytes on JSON as it comes off the wire, and on that JSON with its members reordered', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const wire = JSON.parse(canonicalize(v) ?? 'null') as unknown;
        expect(canonicalJson(wire)).toBe(canonicalize(wire));
        const reversed = JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x))) as unknown;
        expect(canonicalJson(reversed)).toBe(canonicalize(reversed));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses cycles, through toJSON too', () => {
    const a: Record<string, unknown> = { x: 1 };
    a['self'] = a;
    expect(() => canonicalJson(a)).toThrow('Circular reference detected');
    const b = { toJSON: () => b };
    expect(() => canonicalJson(b)).toThrow('Circular reference detected');
    const shared = { z: 1 };
    expect(canonicalJson({ b: shared, a: shared })).toBe('{"a":{"z":1},"b":{"z":1}}');
  });
});

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidV8FromName } from '../src/index.js';

/** RFC 9562 §6.6: the DNS namespace. */
const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const versionOf = (id: string): string => id[14]!;
const variantOf = (id: string): number => parseInt(id[19]!, 16) >> 2;

describe('name-based UUIDv8 (RFC 9562)', () => {
  it('reproduces the RFC 9562 appendix B.2 example (SHA-256, DNS namespace, www.example.com)', () => {
    expect(uuidV8FromName(DNS, 'www.example.com')).toBe('5c146b14-3c52-8afd-938a-375d0df1fbf6');
  });

  it('equals the first 16 bytes of SHA-256(namespace bytes ‖ UTF-8 name) with version 8 and variant 10 set', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ unit: 'grapheme', maxLength: 40 }), (namespace, name) => {
        const digest = createHash('sha256').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name).digest('hex');
        const id = uuidV8FromName(namespace, name);
        expect(versionOf(id)).toBe('8');
        expect(variantOf(id)).toBe(0b10);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        // Every bit but the six the RFC fixes comes from the digest.
        const bits = id.replace(/-/g, '');
        expect(bits.slice(0, 12) + bits.slice(13, 16) + bits.slice(17)).toBe(digest.slice(0, 12) + digest.slice(13, 16) + digest.slice(17, 32));
        expect(parseInt(bits[16]!, 16) & 0x3).toBe(parseInt(digest[16]!, 16) & 0x3);
        expect(uuidV8FromName(namespace.toUpperCase(), name)).toBe(id);
      }),
    );
  });

  it('gives distinct ids to distinct names, and to the same name under distinct namespaces', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 50 }), fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 5, selector: (u) => u.toLowerCase() }), (names, namespaces) => {
        const ids = namespaces.flatMap((ns) => names.map((name) => uuidV8FromName(ns, name)));
        expect(new Set(ids).size).toBe(names.length * namespaces.length);
      }),
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV8FromName('dns', 'www.example.com')).toThrow(TypeError);
  });
});

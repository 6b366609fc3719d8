/** Ids: fresh ones are UUIDv7 and carry their time; derived ones are UUIDv8, fixed by their cause and kind. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidV8FromName } from '@xr/crypto';
import { derivedId, ID_NAMESPACES, newId, requestId } from '../src/index.js';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A UUIDv7's unix_ts_ms: its first 48 bits. */
const timeOf = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
const region = fc.stringMatching(/^[1-8]\d{5}$/);

describe('fresh ids (UUIDv7)', () => {
  it('reads the time of RFC 9562 appendix A.6 back from its example', () => {
    expect('017f22e2-79b0-7cc3-98c4-dc0c0c07398f').toMatch(V7);
    expect(new Date(timeOf('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toISOString()).toBe('2022-02-22T19:22:22.000Z');
  });

  it('carries the time it was made, and sorts in the order it was made', async () => {
    const before = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 500; i += 1) {
      ids.push(newId());
      if (i % 100 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    const after = Date.now();
    for (const id of ids) {
      expect(id).toMatch(V7);
      expect(timeOf(id)).toBeGreaterThanOrEqual(before);
      expect(timeOf(id)).toBeLessThanOrEqual(after);
    }
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('derived ids (name-based UUIDv8)', () => {
  it('are version 8 with variant 10, so nobody reads a time from them', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat(1000), region, fc.string({ minLength: 1, maxLength: 128 }), (cause, index, r, request) => {
        expect(derivedId(cause, index)).toMatch(V8);
        expect(requestId(r, request)).toMatch(V8);
        expect(requestId(r, request, 'case')).toMatch(V8);
      }),
    );
  });

  it('are the same every time for the same cause, so a retry makes the same id', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat(1000), region, fc.string({ minLength: 1, maxLength: 128 }), (cause, index, r, request) => {
        expect(derivedId(cause, index)).toBe(derivedId(cause, index));
        expect(requestId(r, request)).toBe(requestId(r, request, 'event'));
        expect(requestId(r, request, 'case')).toBe(requestId(r, request, 'case'));
      }),
    );
  });

  it('differ between causes, indexes, regions and requests', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 20 }), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 16 }), { minLength: 2, maxLength: 20 }), (causes, requests) => {
        const reactions = causes.flatMap((c) => [0, 1, 2].map((i) => derivedId(c, i)));
        expect(new Set(reactions).size).toBe(reactions.length);
        const made = ['371500', '370200'].flatMap((r) => requests.map((q) => requestId(r, q)));
        expect(new Set(made).size).toBe(made.length);
      }),
    );
  });

  it('keep the kinds apart: the same name under reaction, event and case gives three ids', () => {
    // derivedId('371500', 7) and requestId('371500', '7') both hash the name "371500/7".
    const ids = [derivedId('371500', 7), requestId('371500', '7'), requestId('371500', '7', 'case')];
    expect(new Set(ids).size).toBe(3);
    fc.assert(
      fc.property(region, fc.string({ minLength: 1, maxLength: 64 }), (r, request) => {
        expect(requestId(r, request, 'case')).not.toBe(requestId(r, request, 'event'));
      }),
    );
  });

  it('can be recomputed from docs/WIRE.md with node:crypto alone', () => {
    for (const [kind, namespace] of Object.entries(ID_NAMESPACES)) expect(uuidV8FromName(DNS, `${kind}.ids.xr-gateway.cn`)).toBe(namespace);
    const recompute = (namespace: string, name: string): string => {
      const b = createHash('sha256').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16);
      b[6] = (b[6]! & 0x0f) | 0x80;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    };
    const cause = '017f22e2-79b0-7cc3-98c4-dc0c0c07398f';
    expect(derivedId(cause, 0)).toBe(recompute(ID_NAMESPACES.reaction, `${cause}/0`));
    expect(requestId('371500', 'req-1')).toBe(recompute(ID_NAMESPACES.event, '371500/req-1'));
    expect(requestId('371500', 'req-1', 'case')).toBe(recompute(ID_NAMESPACES.case, '371500/req-1'));
    // The worked examples in docs/WIRE.md.
    expect(derivedId(cause, 0)).toBe('fa5d2e86-1df8-8e2b-9a66-9497a218cd57');
    expect(requestId('371500', 'req-1', 'case')).toBe('bbe17780-e7bd-8e0d-9f9f-acd3e2c3eb85');
  });

  it('refuses an index that is not a whole number ≥ 0', () => {
    expect(() => derivedId(newId(), -1)).toThrow(RangeError);
    expect(() => derivedId(newId(), 0.5)).toThrow(RangeError);
  });
});

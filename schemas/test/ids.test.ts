/** Ids in envelopes and payloads (id.v1.json): UUIDv7 (fresh) or UUIDv8 (derived), nothing else. */
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../src/index.js';

const event = (over: Record<string, unknown>, payload: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: '017f22e2-79b0-7cc3-98c4-dc0c0c07398f',
  type: 'case.request-refused',
  v: 1,
  caseId: '017f22e2-79b0-7cc3-98c4-dc0c0c07398f',
  seq: 2,
  source: '370200',
  target: '371500',
  time: '2026-12-02T10:00:00.000Z',
  payload: { eventId: '017f22e2-79b0-7cc3-98c4-dc0c0c07398f', type: 'case.withdrawn', code: 'XR_CASE_ILLEGAL_TRANSITION', message: 'not now', ...payload },
  ...over,
});

/** Where an id can stand, and how a refusal names it. */
const PLACES: readonly [string, (id: string) => Record<string, unknown>][] = [
  ['/id', (id) => event({ id })],
  ['/caseId', (id) => event({ caseId: id })],
  ['/payload/eventId', (id) => event({}, { eventId: id })],
];

const ACCEPTED: readonly [string, string][] = [
  ['UUIDv7, RFC 9562 A.6 (lower case)', '017f22e2-79b0-7cc3-98c4-dc0c0c07398f'],
  ['UUIDv8 name-based, RFC 9562 B.2', '5c146b14-3c52-8afd-938a-375d0df1fbf6'],
  ['UUIDv8 time-based, RFC 9562 B.1', '2489e9ad-2ee2-8e00-8ec9-32d5f69181c0'],
  ['a derived id as journals before UUIDv8 hold it (v7-shaped, hash bits)', 'e60ebc82-7cb0-73fd-b7e1-74dc7d1c378e'],
];

const REFUSED: readonly [string, string][] = [
  ['UUIDv4, RFC 9562 A.3', '919108f7-52d1-4320-9bac-f847db4148a8'],
  ['UUIDv5, RFC 9562 A.4', '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
  ['UUIDv1, RFC 9562 A.1', 'c232ab00-9414-11ec-b3c8-9f6bdeced846'],
  ['UUIDv6, RFC 9562 A.5', '1ec9414c-232a-6b00-b3c8-9f6bdeced846'],
  ['upper case', '017F22E2-79B0-7CC3-98C4-DC0C0C07398F'],
  ['variant 110 (Microsoft)', '017f22e2-79b0-7cc3-c8c4-dc0c0c07398f'],
  ['no hyphens', '017f22e279b07cc398c4dc0c0c07398f'],
  ['one digit short', '017f22e2-79b0-7cc3-98c4-dc0c0c07398'],
  ['braces', '{017f22e2-79b0-7cc3-98c4-dc0c0c07398f}'],
];

describe('ids: version 7 or 8, variant 10, lower case', () => {
  it.each(PLACES)('%s accepts UUIDv7 and UUIDv8 (and the v7-shaped ids of older journals)', (_field, at) => {
    for (const [what, id] of ACCEPTED) expect(validateEvent(at(id)), what).toMatchObject({ ok: true });
  });

  it.each(PLACES)('%s refuses other versions and malformed UUIDs, naming the field', (field, at) => {
    for (const [what, id] of REFUSED) {
      const result = validateEvent(at(id));
      expect(result, what).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID' });
      expect(result.ok ? [] : result.violations?.map((v) => v.field), what).toContain(field);
    }
  });
});

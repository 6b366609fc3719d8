import { describe, expect, expectTypeOf, it } from 'vitest';
import { asCaseEvent, isCaseEventType, type TRANSITIONS, type CaseEvent, type Envelope, type PayloadOf } from '../src/index.js';

const base = { id: '0190a0f0-0000-7000-8000-000000000001', caseId: '0190a0f0-0000-7000-8000-000000000002', seq: 1, source: '371500', target: '370200', time: '2025-03-03T09:00:00+08:00' };

/** Reads a payload field by the union; every access below is checked by the compiler. */
function summary(event: CaseEvent): string {
  switch (event.type) {
    case 'case.accepted':
      return `${event.payload.receiptNo} ${event.payload.basis}`;
    case 'case.delivered':
      return `${event.payload.method} ${event.payload.trackingNo ?? '-'}`;
    case 'case.request-refused':
      return `${event.payload.eventId} ${event.payload.code}`;
    default:
      return event.type;
  }
}

describe('case events as a discriminated union', () => {
  it('an envelope of a known type and version is that event, its payload typed', () => {
    const wire: Envelope = { ...base, type: 'case.accepted', v: 1, payload: { receiptNo: 'R-1', basis: 'standard' } };
    const event = asCaseEvent(wire);
    expect(event).toBe(wire);
    expect(summary(event!)).toBe('R-1 standard');
    expect(summary(asCaseEvent({ ...base, type: 'case.delivered', v: 1, payload: { method: 'post', trackingNo: 'SF1', deliveredAt: base.time } })!)).toBe('post SF1');
  });

  it('an unknown type or version is no case event', () => {
    expect(asCaseEvent({ ...base, type: 'case.teleported', v: 1, payload: {} })).toBeUndefined();
    expect(asCaseEvent({ ...base, type: 'case.accepted', v: 2, payload: { receiptNo: 'R-1', basis: 'standard' } })).toBeUndefined();
    expect(isCaseEventType('case.accepted')).toBe(true);
    expect(isCaseEventType('case.teleported')).toBe(false);
  });

  it('every event type has a row in the transition table (the table is keyed by the union)', () => {
    expectTypeOf<keyof typeof TRANSITIONS>().toEqualTypeOf<CaseEvent['type']>();
  });

  it('a misspelt payload field does not compile', () => {
    const accepted: PayloadOf<'case.accepted'> = { receiptNo: 'R-2', basis: 'deferred-materials', outstanding: [{ name: '营业执照', dueDate: '2025-03-10' }] };
    // @ts-expect-error receiptNumber is not a field of case.accepted (it is receiptNo)
    const misspelt: PayloadOf<'case.accepted'> = { receiptNumber: 'R-2', basis: 'standard' };
    // @ts-expect-error basis is one of the schema's enum values
    const wrongEnum: PayloadOf<'case.accepted'> = { receiptNo: 'R-2', basis: 'lenient' };
    const read = (event: CaseEvent): unknown => {
      if (event.type !== 'case.rated') return undefined;
      // @ts-expect-error case.rated has `level`, not `levle`
      return event.payload.levle;
    };
    expect(accepted.outstanding?.[0]?.name).toBe('营业执照');
    expect([misspelt, wrongEnum].map((p) => p.basis)).toEqual(['standard', 'lenient']);
    expect(read(asCaseEvent({ ...base, type: 'case.rated', v: 1, payload: { level: 'satisfied' } })!)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { validateEvent } from '../src/index.js';

const submitted = {
  id: '01936f7c-1a2b-7c3d-8e4f-0123456789ab',
  type: 'case.submitted',
  v: 1,
  caseId: '01936f7c-1a2b-7c3d-9e4f-0123456789ab',
  seq: 1,
  source: '371500',
  target: '370200',
  time: '2025-09-26T09:00:00+08:00',
  payload: {
    item: { code: '370200-JY-0001', name: '食品经营许可' },
    applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
    materials: [{ name: '申请书', sha256: 'a'.repeat(64), size: 1024, mediaType: 'application/pdf' }],
    intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt: '2025-09-26T08:55:00+08:00' },
  },
};

function withPayload(patch: (p: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(submitted) as { payload: Record<string, unknown> };
  patch(copy.payload);
  return copy;
}

describe('event schemas', () => {
  it('accepts a well-formed 收件 event', () => {
    expect(validateEvent(submitted)).toMatchObject({ ok: true });
  });

  it('names the field when an ID number fails its GB 11643 check digit', () => {
    const result = validateEvent(withPayload((p) => ((p['applicant'] as Record<string, unknown>)['idNumber'] = '110105194912310021')));
    expect(result).toMatchObject({ ok: false, code: 'XR_SCHEMA_INVALID', field: '/payload/applicant/idNumber' });
  });

  it('names every missing or unknown field at once', () => {
    const result = validateEvent(withPayload((p) => {
      delete p['intake'];
      p['extra'] = 1;
    }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations?.map((v) => v.field).sort()).toEqual(['/payload/extra', '/payload/intake']);
  });

  it('refuses a region code that is not in GB/T 2260', () => {
    expect(validateEvent({ ...submitted, target: '999999' })).toMatchObject({ ok: false, field: '/target' });
  });

  it('refuses an organisation applying with a resident ID, and an unknown event type', () => {
    const org = withPayload((p) => ((p['applicant'] as Record<string, unknown>)['kind'] = 'organisation'));
    expect(validateEvent(org)).toMatchObject({ ok: false, field: '/payload/applicant/idType' });
    expect(validateEvent({ ...submitted, type: 'case.teleported' })).toMatchObject({ ok: false, code: 'XR_EVENT_TYPE_UNKNOWN' });
  });
});

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Counters, createLogger } from '../src/index.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('logs carry no personal data', () => {
  it('censors names, ID numbers and payloads at any of the first levels', () => {
    const { lines, stream } = capture();
    const log = createLogger({ destination: stream, base: { region: '371500' } });
    log.info({ caseId: 'c-1', applicant: { name: '张三', idNumber: '11010519491231002X' }, event: { payload: { x: 1 } }, idNumber: '440524188001010014' }, 'submitted');
    const text = lines.join('');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('440524188001010014');
    expect(text).toContain('c-1');
    expect(JSON.parse(text)).toMatchObject({ region: '371500', applicant: '[redacted]', msg: 'submitted' });
  });
});

describe('counters', () => {
  it('count by label set and sum over them', () => {
    const c = new Counters();
    c.inc('xr_quarantined_total', { reason: 'XR_SIGNATURE_INVALID' });
    c.inc('xr_quarantined_total', { reason: 'XR_SIGNATURE_INVALID' });
    c.inc('xr_quarantined_total', { reason: 'XR_SCHEMA_INVALID' });
    expect(c.get('xr_quarantined_total', { reason: 'XR_SIGNATURE_INVALID' })).toBe(2);
    expect(c.total('xr_quarantined_total')).toBe(3);
    expect(c.snapshot()).toHaveLength(2);
  });
});

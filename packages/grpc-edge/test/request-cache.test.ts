import { describe, expect, it } from 'vitest';
import { RequestCache } from '../src/request-cache.js';

type Outcome = { ok: true } | { ok: false; code: string };
const final = (o: Outcome): boolean => o.ok || o.code !== 'XR_UNAVAILABLE';

describe('the request cache keeps final outcomes only', () => {
  it('the same request while pending and after a final outcome gets the first result and runs once', async () => {
    const cache = new RequestCache<Outcome>(10, final);
    let runs = 0;
    const make = (): Promise<Outcome> => Promise.resolve({ ok: (runs += 1) > 0 } as Outcome);
    const [first, second] = await Promise.all([cache.get('k', make), cache.get('k', make)]);
    expect(second).toBe(first);
    await cache.get('k', make);
    expect(runs).toBe(1);
  });

  it('a retryable outcome (UNAVAILABLE) or a failure is dropped when it arrives: the retry runs again', async () => {
    const cache = new RequestCache<Outcome>(10, final);
    expect(await cache.get('k', () => Promise.resolve({ ok: false, code: 'XR_UNAVAILABLE' }))).toEqual({ ok: false, code: 'XR_UNAVAILABLE' });
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('k', () => Promise.resolve({ ok: true }))).toEqual({ ok: true });
    await expect(cache.get('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('x', () => Promise.resolve({ ok: true }))).toEqual({ ok: true });
    // A refusal is final: the same request gets it again.
    await cache.get('r', () => Promise.resolve({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' }));
    expect(await cache.get('r', () => Promise.resolve({ ok: true }))).toEqual({ ok: false, code: 'XR_CASE_ILLEGAL_TRANSITION' });
  });
});

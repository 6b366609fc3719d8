/**
 * W3C trace context through the exchange: the trace of a client's call is in every record the case
 * makes — 聊城's own inbox, its journal, 青岛's inbox, 青岛's journal (the case and its 签收), and
 * back in 聊城's inbox and journal — each hop a new span of the same trace. Without a traceparent
 * nothing is added; a malformed one starts no trace.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileEventLog } from '@xr/event-log-file';
import type { LogRecord } from '@xr/event-log';
import { TRACE_HEADER, childTraceparent, continueOrStartTrace, parseTraceparent, topics } from '../src/index.js';
import { gateway, region, submission } from './fixtures.js';

const liaocheng = region('371500');
const qingdao = region('370200');
const t = topics('t');
const opened: FileEventLog[] = [];
afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
});

async function all(log: FileEventLog, topic: string): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for (let p = 0; p < 3; p++) out.push(...(await log.read(topic, p, 0)));
  return out;
}

describe('trace context', () => {
  it('parses and continues only valid version-00 traceparents', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(parseTraceparent(parent)).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', flags: '01' });
    const child = childTraceparent(parent)!;
    expect(child).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(child).not.toBe(parent);
    for (const bad of ['', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', `${parent} `]) {
      expect(parseTraceparent(bad), bad).toBeUndefined();
    }
    expect(parseTraceparent(continueOrStartTrace('garbage'))).toBeDefined();
  });

  it('one trace id follows a case from 聊城’s call through both journals and inboxes and back', async () => {
    const log = await FileEventLog.open({ dir: await mkdtemp(join(tmpdir(), 'xr-trace-')) });
    opened.push(log);
    const a = gateway(liaocheng, [qingdao], log, t);
    const b = gateway(qingdao, [liaocheng], log, t);
    await a.start();
    await b.start();
    const traced = a.newCaseId();
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect((await a.request({ type: 'case.submitted', v: 1, caseId: traced, target: '370200', payload: submission('370200'), traceparent: parent })).ok).toBe(true);
    const untraced = a.newCaseId();
    expect((await a.request({ type: 'case.submitted', v: 1, caseId: untraced, target: '370200', payload: submission('370200') })).ok).toBe(true);
    await a.stop();
    await b.stop();
    const hops: string[] = [];
    for (const topic of [t.inbox('371500'), t.journal('371500'), t.inbox('370200'), t.journal('370200')]) {
      const records = (await all(log, topic)).filter((r) => r.key === traced);
      expect(records.length, topic).toBeGreaterThan(0);
      for (const r of records) {
        const ctx = parseTraceparent(r.headers[TRACE_HEADER]);
        expect(ctx?.traceId, `${topic}@${r.offset}`).toBe('0af7651916cd43dd8448eb211c80319c');
        hops.push(ctx!.spanId);
      }
      for (const r of (await all(log, topic)).filter((x) => x.key === untraced)) expect(r.headers[TRACE_HEADER], `${topic}@${r.offset}`).toBeUndefined();
    }
    // 聊城 inbox: the submission and the 签收 back; journals: both; 青岛 inbox: the submission.
    expect(hops.length).toBeGreaterThanOrEqual(7);
    expect(new Set(hops).size).toBe(hops.length);
  });
});

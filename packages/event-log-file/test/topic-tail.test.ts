import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TopicTail, type LogRecord } from '@xr/event-log';
import { FileEventLog } from '../src/index.js';

describe('TopicTail (the one poll loop of every follower), on the embedded log', () => {
  it('hands records over in order, retries a record whose handler failed, resolves reached(), and stops promptly during a back-off', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-tail-'));
    const log = await FileEventLog.open({ dir });
    await log.createTopic('t', { partitions: 1 });
    const seen: number[] = [];
    let failOnce = true;
    const errors: number[] = [];
    const tail = new TopicTail({
      log,
      topic: 't',
      maxWaitMs: 100,
      onRecord: (r: LogRecord) => {
        if (r.offset === 1 && failOnce) {
          failOnce = false;
          throw new Error('not yet');
        }
        seen.push(r.offset);
      },
      onError: (_e, position) => errors.push(position),
    });
    tail.start();
    await log.append('t', [0, 1, 2].map((i) => ({ id: `r${i}`, key: 'k', value: new Uint8Array([i]) })));
    expect(await tail.reached(2, 5_000)).toBe(true);
    expect(seen).toEqual([0, 1, 2]);
    expect(errors).toEqual([1]);
    expect(tail.position).toBe(3);
    expect(await tail.reached(3, 50)).toBe(false);
    // A handler that always fails: the tail backs off; stop() must not wait the back-off out.
    const stuck = new TopicTail({ log, topic: 't', maxWaitMs: 100, onRecord: () => Promise.reject(new Error('down')) });
    stuck.start();
    await new Promise((r) => setTimeout(r, 700));
    const stopping = Date.now();
    await stuck.stop();
    expect(Date.now() - stopping).toBeLessThan(300);
    expect(stuck.position).toBe(0);
    await tail.stop();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });
});

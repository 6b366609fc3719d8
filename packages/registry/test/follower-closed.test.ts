/**
 * A follower whose embedded log is closed under it (a shutdown in the wrong order, a test that
 * closes the log first) must not spin: every poll of a closed log used to answer `[]` at once, and
 * the follower polled again at once, in a loop of promises that never let a timer run. Now a closed
 * log refuses the poll and the follower backs off (and reports itself unhealthy) until it is stopped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { EventLog } from '@xr/event-log';
import { FileEventLog } from '@xr/event-log-file';
import { RegistryFollower } from '../src/index.js';
import { anchor } from './fixtures.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** The log, counting polls; past `limit` polls it refuses them, so that a spinning loop yields and the test can see it. */
function counting(log: FileEventLog, limit: number): { log: EventLog; polls: () => number } {
  let polls = 0;
  const proxy = new Proxy(log, {
    get(target, key) {
      if (key === 'poll') {
        return (...args: Parameters<EventLog['poll']>) => {
          polls += 1;
          return polls > limit ? Promise.reject(new Error('poll limit of the test reached')) : target.poll(...args);
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { log: proxy, polls: () => polls };
}

it('a follower on a closed log backs off instead of spinning, and is not healthy', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'xr-registry-closed-'));
  dirs.push(dir);
  const file = await FileEventLog.open({ dir });
  const { log, polls } = counting(file, 10_000);
  const follower = new RegistryFollower({ log, topic: 'xr.registry', anchor });
  await follower.start();
  await follower.ready();
  expect(follower.healthy).toBe(true);
  await file.close();
  const before = polls();
  await new Promise((r) => setTimeout(r, 1_000));
  // Backing off from 200 ms: a handful of polls in a second, not thousands.
  expect(polls() - before).toBeLessThan(20);
  expect(follower.healthy).toBe(false);
  await follower.stop();
});

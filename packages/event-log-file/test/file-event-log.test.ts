import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEventLogContract } from '@xr/event-log/contract';
import { FileEventLog } from '../src/index.js';

describeEventLogContract('file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'xr-filelog-'));
  let current = await FileEventLog.open({ dir });
  return {
    current: () => current,
    restart: async () => {
      await current.close();
      current = await FileEventLog.open({ dir });
      return current;
    },
    close: async () => {
      await current.close();
      await FileEventLog.destroy(dir);
    },
  };
});

describe('embedded log on disk', () => {
  it('cuts a torn last line left by a crash and keeps every whole record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-filelog-'));
    const log = await FileEventLog.open({ dir });
    await log.createTopic('t', { partitions: 1 });
    await log.append('t', [
      { id: 'a', key: 'k', value: new TextEncoder().encode('one') },
      { id: 'b', key: 'k', value: new TextEncoder().encode('two') },
    ]);
    await log.close();
    const file = join(dir, 't', '0.log');
    await writeFile(file, `${await readFile(file, 'utf8')}{"o":2,"t":1,"i":"c","k":"k","h":{},"v":"dGhy`);
    const reopened = await FileEventLog.open({ dir });
    expect((await reopened.read('t', 0, 0)).map((r) => r.id)).toEqual(['a', 'b']);
    const [next] = await reopened.append('t', [{ id: 'c', key: 'k', value: new TextEncoder().encode('three') }]);
    expect(next?.offset).toBe(2);
    await reopened.close();
    const again = await FileEventLog.open({ dir });
    expect((await again.read('t', 0, 0)).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    await again.close();
    await FileEventLog.destroy(dir);
  });

  it('appends and commits made all at once are on disk in order after a reopen, the last commit of each partition kept', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-filelog-'));
    const log = await FileEventLog.open({ dir });
    await log.createTopic('t', { partitions: 2 });
    const value = (i: number): Uint8Array => new TextEncoder().encode(`record ${i}`);
    // 200 appends in flight at once: they share writes, and each resolves with its own offset.
    const appended = await Promise.all(Array.from({ length: 200 }, (_, i) => log.append('t', [{ id: `r${i}`, key: `k${i % 7}`, value: value(i), partition: i % 2 }])));
    expect(appended.map(([r]) => r?.offset)).toEqual(Array.from({ length: 200 }, (_, i) => Math.floor(i / 2)));
    // A burst of commits: each resolves once written; the group's position is the last one at once.
    const commits = Array.from({ length: 50 }, (_, i) => log.commit('g', 't', i % 2, i + 1));
    expect(await log.committed('g', 't', 0)).toBe(49);
    await Promise.all(commits);
    await log.close();
    const again = await FileEventLog.open({ dir });
    for (const p of [0, 1]) {
      const records = await again.read('t', p, 0);
      expect(records.map((r) => r.id)).toEqual(Array.from({ length: 100 }, (_, i) => `r${2 * i + p}`));
      expect(records.map((r) => new TextDecoder().decode(r.value))).toEqual(Array.from({ length: 100 }, (_, i) => `record ${2 * i + p}`));
    }
    expect([await again.committed('g', 't', 0), await again.committed('g', 't', 1)]).toEqual([49, 50]);
    await again.close();
    await FileEventLog.destroy(dir);
  });

  it('a record read back is a copy: the appender reusing its buffer changes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-filelog-'));
    const log = await FileEventLog.open({ dir });
    await log.createTopic('t', { partitions: 1 });
    const buffer = new TextEncoder().encode('first');
    await log.append('t', [{ id: 'a', key: 'k', value: buffer }]);
    buffer.fill(0x21);
    const [record] = await log.read('t', 0, 0);
    expect(new TextDecoder().decode(record?.value)).toBe('first');
    await log.close();
    await FileEventLog.destroy(dir);
  });

  it('refuses a directory another live process owns', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-filelog-'));
    await writeFile(join(dir, '.lock'), String(process.ppid));
    await expect(FileEventLog.open({ dir })).rejects.toThrow(/in use by process/);
    await FileEventLog.destroy(dir);
  });
});

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

  it('refuses a directory another live process owns', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-filelog-'));
    await writeFile(join(dir, '.lock'), String(process.ppid));
    await expect(FileEventLog.open({ dir })).rejects.toThrow(/in use by process/);
    await FileEventLog.destroy(dir);
  });
});

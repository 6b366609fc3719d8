/** One process owns an embedded log directory: a lock file with the owner's pid, stale ones taken over. */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface DirLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireDirLock(dir: string): Promise<DirLock> {
  const path = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.write(String(process.pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new Error(`embedded log ${dir} is in use by process ${owner}; stop it or choose another directory`);
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not lock embedded log ${dir}`);
}

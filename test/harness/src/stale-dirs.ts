import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const BROKER_DIR_PREFIX = 'xr-kafka-';
const OWNER_FILE = 'owner.pid';

/** Records which process owns a broker temp dir. */
export async function claimDir(dir: string): Promise<void> {
  await writeFile(join(dir, OWNER_FILE), `${process.pid}\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes broker temp dirs left by test processes that were killed before stop() ran.
 * Only dirs with an owner.pid naming a dead process are touched; best effort, never throws.
 */
export async function sweepStaleDirs(parent: string): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(parent)).filter((name) => name.startsWith(BROKER_DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(parent, name);
    try {
      const pid = Number((await readFile(join(dir, OWNER_FILE), 'utf8')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) {
        await rm(dir, { recursive: true, force: true });
      }
    } catch {
      // no owner file (being created, or not ours): leave it
    }
  }
}

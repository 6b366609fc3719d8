/**
 * CPU time a process has used (user + system), from /proc/<pid>/stat on Linux; undefined
 * elsewhere. On a shared machine the rate a process reaches follows the CPU share it gets, but
 * the CPU time it spends per case does not: that is the figure to compare between runs.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc (USER_HZ: 100 on every Linux Node runs on). */
const TICKS = 100;

export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, in parentheses): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return undefined;
  }
}

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * A tiny watchdog process: it holds the read end of a pipe from us, and when that pipe closes
 * (our process ended, however it ended, even SIGKILL) it SIGKILLs the guarded pid.
 */
const WATCHDOG_SOURCE = `
const pid = Number(process.argv[1]);
const reap = () => { try { process.kill(pid, 'SIGKILL'); } catch {} process.exit(0); };
process.on('SIGINT', () => {});
process.stdin.on('end', reap);
process.stdin.on('close', reap);
process.stdin.on('error', reap);
process.stdin.resume();
`;

/**
 * Makes sure `child` does not outlive this process: a synchronous SIGKILL on 'exit' (normal
 * exit, process.exit) plus a watchdog for deaths that skip 'exit' handlers (signals, crashes).
 * Returns a release function to call once the child has exited on its own terms.
 */
export function guardChildProcess(child: ChildProcess): () => void {
  const pid = child.pid;
  if (pid === undefined) return () => {};

  const onExit = (): void => {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', onExit);

  let watchdog: ChildProcess | undefined;
  try {
    watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, String(pid)], {
      stdio: ['pipe', 'ignore', 'ignore'],
      // own process group: a Ctrl-C aimed at us must not kill the watchdog first
      detached: true,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    watchdog.on('error', () => {});
    watchdog.unref();
    (watchdog.stdin as Socket | null)?.unref();
  } catch {
    watchdog = undefined; // the 'exit' handler still covers the common case
  }

  let released = false;
  return () => {
    if (released) return;
    released = true;
    process.off('exit', onExit);
    // kill the watchdog rather than closing its pipe, so it never signals a recycled pid
    watchdog?.kill('SIGKILL');
  };
}

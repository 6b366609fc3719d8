import { open, stat } from 'node:fs/promises';
import { connect } from 'node:net';

/** Size of a file, 0 if it does not exist yet. */
export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** Text of `path` from byte `offset` on ('' if the file does not exist). */
export async function readFrom(path: string, offset: number, maxBytes = 4 * 1024 * 1024): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return '';
  }
  try {
    const size = (await handle.stat()).size;
    const start = Math.max(offset, size - maxBytes);
    const length = Math.max(0, size - start);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, start);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

const PROBLEM = /^\[[^\]]+\] (ERROR|FATAL) /;

/**
 * For error messages: each file's ERROR/FATAL lines (the cause is usually there, long before
 * the shutdown noise at the end), then its last `lines` lines.
 */
export async function logTail(paths: readonly string[], lines = 30): Promise<string> {
  const parts: string[] = [];
  for (const path of paths) {
    const size = await fileSize(path);
    if (size === 0) continue;
    const all = (await readFrom(path, 0, 1024 * 1024)).trimEnd().split('\n');
    // an ERROR line plus the exception line under it, if any
    const problems = all
      .flatMap((line, i) => {
        if (!PROBLEM.test(line)) return [];
        const next = all[i + 1];
        return next !== undefined && !next.startsWith('[') ? [line, `    ${next.trim()}`] : [line];
      })
      .slice(0, 20);
    if (problems.length > 0) parts.push(`--- ${path} (errors) ---\n${problems.join('\n')}`);
    parts.push(`--- ${path} (last ${lines} lines) ---\n${all.slice(-lines).join('\n')}`);
  }
  return parts.length > 0 ? parts.join('\n') : '(broker wrote no log output)';
}

/** True when a TCP connection to host:port succeeds within `timeoutMs`. */
export function canConnect(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Absolute path of `command` on PATH, or undefined (no process is spawned). */
export function which(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  const exts = process.platform === 'win32' ? (env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = join(dir, command + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The java launcher: $JAVA_HOME/bin/java when set and present, else `java` on PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const home = env['JAVA_HOME'];
  if (home !== undefined && home !== '') {
    const candidate = join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (isExecutable(candidate)) return candidate;
  }
  return which('java', env);
}

/** `xr` entry point (bin/xr.js runs it through tsx; `pnpm xr …` from the workspace root). */
import { callerCwd } from '@xr/service-kit';
import { run } from './run.js';

const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort());

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  // Relative paths (--out, --file, …) are the caller's, also under `pnpm xr` (which runs in the workspace root).
  cwd: callerCwd(),
  stderrIsTTY: process.stderr.isTTY === true,
  signal: interrupted.signal,
});

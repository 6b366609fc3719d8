/** A gateway as its own OS process (`node --import tsx services/gateway/src/main.ts`), as operators run it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly grpcPort: number;
  /** Every line the process wrote to stdout and stderr so far. */
  readonly output: string[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startGatewayProcess(config: Record<string, unknown>, dir: string, name: string, timeoutMs = 60_000): Promise<GatewayProcess> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(config, null, 2));
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/gateway/src/main.ts', '--config', file], {
    cwd: REPO_ROOT,
    env: { ...process.env, KAFKA_BROKERS: '', XR_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  // A test that dies (or times out) never leaves a gateway running behind it.
  const reap = (): void => void child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} not ready in ${timeoutMs} ms:\n${output.join('')}`));
    }, timeoutMs);
    const onLine = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (line === '') continue;
        output.push(`${line}\n`);
        if (line.includes('"gateway ready"')) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      }
    };
    child.stdout?.on('data', onLine);
    child.stderr?.on('data', onLine);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output.join('')}`));
    });
  });
  return {
    child,
    grpcPort: port,
    output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

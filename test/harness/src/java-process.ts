import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { canConnect, logTail, readFrom } from './broker-log.js';
import { HarnessError } from './errors.js';
import { log4jPropertiesPath } from './paths.js';

const STARTED_MARKER = 'Kafka Server started';

export interface BrokerFiles {
  /** The broker's private temp dir: config, logs and the KRaft data under it. */
  readonly rootDir: string;
  readonly configPath: string;
  /** log4j output (-Dkafka.logs.dir=rootDir, see deploy/kafka/log4j.properties). */
  readonly serverLog: string;
  /** The JVM's own stdout/stderr. */
  readonly stdoutLog: string;
}

export function brokerFiles(rootDir: string): BrokerFiles {
  return {
    rootDir,
    configPath: join(rootDir, 'server.properties'),
    serverLog: join(rootDir, 'server.log'),
    stdoutLog: join(rootDir, 'broker.out'),
  };
}

function jvmArgs(libsDir: string, files: BrokerFiles): string[] {
  return [
    '-cp', join(libsDir, '*'),
    `-Dlog4j.configuration=${pathToFileURL(log4jPropertiesPath).href}`,
    `-Dkafka.logs.dir=${files.rootDir}`,
    '-Djava.awt.headless=true',
  ];
}

const spawnErrors = new WeakMap<ChildProcess, Error>();

/** Spawns java with stdout/stderr appended to files.stdoutLog; a spawn failure is recorded, not thrown. */
function spawnJava(java: string, args: string[], files: BrokerFiles): ChildProcess {
  const out = openSync(files.stdoutLog, 'a');
  try {
    const child = spawn(java, args, { stdio: ['ignore', out, out], detached: false });
    child.on('error', (error) => spawnErrors.set(child, error));
    return child;
  } finally {
    closeSync(out); // the child holds its own copy of the descriptor
  }
}

function hasEnded(child: ChildProcess): boolean {
  return spawnErrors.has(child) || child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (hasEnded(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
}

/** `kafka.tools.StorageTool format`: writes meta.properties and the bootstrap checkpoint. */
export async function formatStorage(java: string, libsDir: string, files: BrokerFiles, clusterId: string): Promise<void> {
  const args = [
    ...jvmArgs(libsDir, files),
    'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', files.configPath, '--ignore-formatted',
  ];
  const child = spawnJava(java, args, files);
  await waitForExit(child);
  if (child.exitCode !== 0) {
    const error = spawnErrors.get(child);
    throw new HarnessError(
      'XR_HARNESS_FORMAT_FAILED',
      `kafka.tools.StorageTool format failed (${error?.message ?? child.signalCode ?? `exit ${String(child.exitCode)}`})\n${await logTail([files.stdoutLog, files.serverLog])}`,
      { cause: error },
    );
  }
}

/** Starts `kafka.Kafka <config>`; readiness is checked separately by waitUntilReady. */
export function spawnBroker(java: string, libsDir: string, files: BrokerFiles): ChildProcess {
  const args = [
    '-Xms256m', '-Xmx1g', '-XX:+ExitOnOutOfMemoryError',
    ...jvmArgs(libsDir, files),
    'kafka.Kafka', files.configPath,
  ];
  return spawnJava(java, args, files);
}

export interface ReadyCheck {
  readonly child: ChildProcess;
  readonly files: BrokerFiles;
  readonly host: string;
  readonly port: number;
  /** Byte offset of server.log when this start began (the log is appended across restarts). */
  readonly logOffset: number;
  readonly timeoutMs: number;
}

/** Resolves once the log says "Kafka Server started" and the port accepts; fails fast if java exits. */
export async function waitUntilReady(check: ReadyCheck): Promise<void> {
  const { child, files } = check;
  const deadline = Date.now() + check.timeoutMs;
  let logSaysStarted = false;
  for (;;) {
    if (hasEnded(child)) {
      const spawnError = spawnErrors.get(child);
      const how = spawnError?.message ?? (child.signalCode ?? `exit code ${String(child.exitCode)}`);
      throw new HarnessError(
        'XR_HARNESS_BROKER_EXITED',
        `Kafka broker process ended during startup (${how})\n${await logTail([files.serverLog, files.stdoutLog])}`,
        { cause: spawnError },
      );
    }
    if (!logSaysStarted) {
      logSaysStarted = (await readFrom(files.serverLog, check.logOffset)).includes(STARTED_MARKER);
    }
    if (logSaysStarted && (await canConnect(check.host, check.port, 1_000))) return;
    if (Date.now() > deadline) {
      throw new HarnessError(
        'XR_HARNESS_START_TIMEOUT',
        `Kafka broker not ready on ${check.host}:${check.port} after ${check.timeoutMs} ms\n${await logTail([files.serverLog, files.stdoutLog])}`,
      );
    }
    await sleep(100);
  }
}

/** SIGTERM, wait up to graceMs for a clean shutdown, then SIGKILL. */
export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (hasEnded(child)) return;
  const exited = waitForExit(child);
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  try {
    if ((await Promise.race([exited, timedOut])) === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** SIGKILL and wait (used when startup failed and there is nothing to shut down cleanly). */
export async function killProcess(child: ChildProcess): Promise<void> {
  if (hasEnded(child)) return;
  const exited = waitForExit(child);
  child.kill('SIGKILL');
  await exited;
}

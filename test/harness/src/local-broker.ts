import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSize } from './broker-log.js';
import { randomClusterId } from './cluster-id.js';
import { HarnessError } from './errors.js';
import { ensureKafkaJars } from './fetch-jars.js';
import { freePorts } from './free-port.js';
import { brokerFiles, formatStorage, killProcess, spawnBroker, stopProcess, waitUntilReady } from './java-process.js';
import type { BrokerFiles } from './java-process.js';
import { serverPropertiesTemplatePath } from './paths.js';
import { guardChildProcess } from './process-guard.js';
import { renderProperties } from './properties.js';
import { BROKER_DIR_PREFIX, claimDir, sweepStaleDirs } from './stale-dirs.js';
import { findJava } from './which.js';

const HOST = '127.0.0.1';

export interface LocalBrokerOptions {
  /** Client (PLAINTEXT) port; a free one is picked when omitted. */
  readonly port?: number;
  /** KRaft controller port; a free one is picked when omitted. */
  readonly controllerPort?: number;
  /** Jar cache root; default env XR_CACHE_DIR or <repo>/.cache. */
  readonly cacheDir?: string;
  /** How long to wait for "Kafka Server started" and an open port; default 60 s. */
  readonly startTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface StopOptions {
  /** Keep the data dir (topics, offsets) so start() brings the same broker back. */
  readonly keepData?: boolean;
}

export interface LocalBrokerHandle {
  readonly source: 'local-jars';
  /** Bootstrap addresses, e.g. ['127.0.0.1:40123']. */
  readonly brokers: string[];
  readonly port: number;
  readonly controllerPort: number;
  /** Temp dir with server.properties, server.log, broker.out and the KRaft data (kraft/). */
  readonly dataDir: string;
  readonly kafkaVersion: string;
  /** pid of the running java process, undefined when stopped. */
  readonly pid: number | undefined;
  /** (Re)starts the broker on the same ports and data dir; no-op when running. */
  start(): Promise<void>;
  /** Stops the broker (SIGTERM, SIGKILL after 15 s); removes the data dir unless keepData. */
  stop(options?: StopOptions): Promise<void>;
  /** stop({ keepData: true }) then start(): a broker restart as seen by clients. */
  restart(): Promise<void>;
}

class LocalBroker implements LocalBrokerHandle {
  readonly source = 'local-jars' as const;
  readonly brokers: string[];
  private child: ChildProcess | undefined;
  private releaseGuard: (() => void) | undefined;
  private removed = false;

  constructor(
    private readonly java: string,
    private readonly libsDir: string,
    private readonly files: BrokerFiles,
    readonly port: number,
    readonly controllerPort: number,
    readonly kafkaVersion: string,
    private readonly startTimeoutMs: number,
  ) {
    this.brokers = [`${HOST}:${port}`];
  }

  get dataDir(): string {
    return this.files.rootDir;
  }

  get pid(): number | undefined {
    return this.isRunning() ? this.child?.pid : undefined;
  }

  private isRunning(): boolean {
    const child = this.child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  // arrow properties: the handle's functions stay bound when passed around or destructured
  readonly start = async (): Promise<void> => {
    if (this.isRunning()) return;
    this.forgetChild(); // it may have died on its own (crash, kill -9 in a fault test)
    if (this.removed) throw new Error(`broker data dir ${this.dataDir} was removed by stop(); start a new broker instead`);
    const logOffset = await fileSize(this.files.serverLog);
    const child = spawnBroker(this.java, this.libsDir, this.files);
    this.child = child;
    const release = guardChildProcess(child);
    this.releaseGuard = release;
    child.once('exit', release);
    try {
      await waitUntilReady({ child, files: this.files, host: HOST, port: this.port, logOffset, timeoutMs: this.startTimeoutMs });
    } catch (error) {
      await killProcess(child);
      this.forgetChild();
      throw error;
    }
  };

  readonly stop = async (options: StopOptions = {}): Promise<void> => {
    const child = this.child;
    if (child !== undefined) {
      await stopProcess(child);
      this.forgetChild();
    }
    if (options.keepData !== true && !this.removed) {
      this.removed = true;
      await rm(this.files.rootDir, { recursive: true, force: true });
    }
  };

  readonly restart = async (): Promise<void> => {
    await this.stop({ keepData: true });
    await this.start();
  };

  private forgetChild(): void {
    this.releaseGuard?.();
    this.releaseGuard = undefined;
    this.child = undefined;
  }
}

/** Renders deploy/kafka/server.properties for one broker. */
export async function renderBrokerConfig(values: { port: number; controllerPort: number; logDirs: string }): Promise<string> {
  const template = await readFile(serverPropertiesTemplatePath, 'utf8');
  return renderProperties(template, {
    PORT: String(values.port),
    CONTROLLER_PORT: String(values.controllerPort),
    LOG_DIRS: values.logDirs,
  });
}

/**
 * Starts a single-node KRaft broker from the Apache Kafka jars (fetched with Maven on first use).
 * Needs `java` (17+) on PATH or in JAVA_HOME, and `mvn` the first time.
 */
export async function startLocalBroker(options: LocalBrokerOptions = {}): Promise<LocalBrokerHandle> {
  const java = findJava();
  if (java === undefined) {
    throw new HarnessError('XR_HARNESS_NO_BROKER', 'java is not on PATH (nor in JAVA_HOME): install Java 17+ to run the local Kafka broker');
  }
  const jars = await ensureKafkaJars({ cacheDir: options.cacheDir, log: options.log });
  const [port, controllerPort] = await pickPorts(options);
  await sweepStaleDirs(tmpdir());
  const rootDir = await mkdtemp(join(tmpdir(), BROKER_DIR_PREFIX));
  const files = brokerFiles(rootDir);
  try {
    await claimDir(rootDir);
    await writeFile(files.configPath, await renderBrokerConfig({ port, controllerPort, logDirs: join(rootDir, 'kraft') }));
    await formatStorage(java, jars.libsDir, files, randomClusterId());
    const broker = new LocalBroker(java, jars.libsDir, files, port, controllerPort, jars.version, options.startTimeoutMs ?? 60_000);
    await broker.start();
    return broker;
  } catch (error) {
    await rm(rootDir, { recursive: true, force: true });
    throw error;
  }
}

async function pickPorts(options: LocalBrokerOptions): Promise<[number, number]> {
  const free = await freePorts(2, HOST);
  const port = options.port ?? free.find((p) => p !== options.controllerPort);
  const controllerPort = options.controllerPort ?? free.find((p) => p !== port);
  if (port === undefined || controllerPort === undefined || port === controllerPort) {
    throw new Error('port and controllerPort must differ');
  }
  return [port, controllerPort];
}

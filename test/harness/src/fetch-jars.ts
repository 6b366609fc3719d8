import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from './errors.js';
import { cacheDir, kafkaVersion, pomPath } from './paths.js';
import { which } from './which.js';

const MARKER = '.complete';

export interface KafkaJars {
  readonly version: string;
  /** Directory with every runtime jar; the classpath is `<libsDir>/*`. */
  readonly libsDir: string;
  /** True when this call ran Maven, false when the cache already had the jars. */
  readonly fetched: boolean;
}

/** `<cache>/kafka-<version>`; holds `libs/` and a marker once complete. */
export function kafkaDistDir(cache: string = cacheDir(), version: string = kafkaVersion()): string {
  return join(cache, `kafka-${version}`);
}

export function hasCachedJars(cache: string = cacheDir(), version: string = kafkaVersion()): boolean {
  return existsSync(join(kafkaDistDir(cache, version), MARKER));
}

/**
 * Makes sure the Kafka broker jars are in the cache, running Maven on first use.
 *
 * Cross-process safe without a lock: Maven copies into a private temp dir next to the target,
 * the marker is written there, and the dir is renamed into place atomically. A process that
 * loses the race throws its copy away and uses the winner's.
 */
export async function ensureKafkaJars(opts: { cacheDir?: string; log?: (line: string) => void } = {}): Promise<KafkaJars> {
  const version = kafkaVersion();
  const cache = opts.cacheDir ?? cacheDir();
  const target = kafkaDistDir(cache, version);
  const libsDir = join(target, 'libs');
  if (existsSync(join(target, MARKER))) return { version, libsDir, fetched: false };

  const mvn = which('mvn');
  if (mvn === undefined) {
    throw new HarnessError('XR_HARNESS_NO_BROKER', `Maven (mvn) is not on PATH; it is needed once to fetch the Kafka ${version} jars into ${target}`);
  }
  await mkdir(cache, { recursive: true });
  const staging = join(cache, `.kafka-${version}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    opts.log?.(`fetching Kafka ${version} jars with Maven into ${target} (first run only)`);
    await runMaven(mvn, join(staging, 'libs'));
    const jars = (await readdir(join(staging, 'libs'))).filter((name) => name.endsWith('.jar'));
    if (!jars.some((name) => name.startsWith(`kafka_2.13-${version}`))) {
      throw new HarnessError('XR_HARNESS_FETCH_FAILED', `Maven finished but no kafka_2.13-${version}.jar was copied`);
    }
    await writeFile(join(staging, MARKER), `${new Date().toISOString()} ${jars.length} jars\n`);
    await publish(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { version, libsDir, fetched: true };
}

async function publish(staging: string, target: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(staging, target);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
      if (existsSync(join(target, MARKER))) return; // another process won the race
      if (attempt > 0) throw error;
      // a leftover without marker (interrupted by hand?): clear it and try once more
      await rm(target, { recursive: true, force: true });
    }
  }
}

function runMaven(mvn: string, outputDir: string): Promise<void> {
  const args = [
    '-q', '-B', '-f', pomPath,
    'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${outputDir}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => {
      reject(new HarnessError('XR_HARNESS_FETCH_FAILED', `could not run ${mvn}: ${error.message}`, { cause: error }));
    });
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      reject(new HarnessError(
        'XR_HARNESS_FETCH_FAILED',
        `mvn ${args.join(' ')} failed (${signal ?? `exit ${String(code)}`}):\n${output.trim()}`,
      ));
    });
  });
}

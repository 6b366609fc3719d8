import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in test/harness/src). */
export const repoRoot: string = fileURLToPath(new URL('../../../', import.meta.url));

/** deploy/kafka: pom.xml, server.properties template, log4j.properties. */
export const kafkaDeployDir: string = join(repoRoot, 'deploy', 'kafka');

export const pomPath: string = join(kafkaDeployDir, 'pom.xml');
export const serverPropertiesTemplatePath: string = join(kafkaDeployDir, 'server.properties');
export const log4jPropertiesPath: string = join(kafkaDeployDir, 'log4j.properties');

/** Cache root: env XR_CACHE_DIR, else <repo>/.cache (gitignored). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['XR_CACHE_DIR'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(repoRoot, '.cache');
}

let cachedVersion: string | undefined;

/** The Kafka version pinned by `<kafka.version>` in deploy/kafka/pom.xml (the one source of truth). */
export function kafkaVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  const pom = readFileSync(pomPath, 'utf8');
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pom);
  if (match?.[1] === undefined) {
    throw new Error(`no <kafka.version> property in ${pomPath}`);
  }
  cachedVersion = match[1];
  return cachedVersion;
}

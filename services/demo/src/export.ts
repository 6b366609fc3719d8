/**
 * What a third party needs to check a demo run without our code (docs/WIRE.md): the admin trust
 * anchor, the regions' verifier keys as registered, and every record of every topic of the run,
 * byte-exact (values base64), one JSON object per line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublicJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { topics } from '@xr/exchange';

export interface ExportInput {
  readonly log: EventLog;
  readonly prefix: string;
  readonly regions: readonly string[];
  readonly trustAnchors: readonly PublicJwk[];
  readonly verifierKeys: readonly PublicJwk[];
}

const jwkSet = (keys: readonly PublicJwk[]): string => `${JSON.stringify({ keys: keys.map((k) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid })) }, null, 2)}\n`;

/** Writes `dir/trust-anchors.jwks.json`, `dir/verifier-keys.jwks.json` and `dir/records/<topic>.jsonl`; returns the record count. */
export async function exportRun(dir: string, input: ExportInput): Promise<number> {
  const t = topics(input.prefix);
  await mkdir(join(dir, 'records'), { recursive: true });
  await writeFile(join(dir, 'trust-anchors.jwks.json'), jwkSet(input.trustAnchors));
  await writeFile(join(dir, 'verifier-keys.jwks.json'), jwkSet(input.verifierKeys));
  const names = [t.registry, t.checkpoints, t.status, ...input.regions.flatMap((r) => [t.inbox(r), t.journal(r), t.quarantine(r)])];
  let count = 0;
  for (const topic of names) {
    const lines: string[] = [];
    const partitions = await input.log.partitions(topic).catch(() => 0);
    for (let p = 0; p < partitions; p++) {
      for (const r of await input.log.read(topic, p, 0)) {
        lines.push(JSON.stringify({ topic: r.topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: r.key, headers: r.headers, value: Buffer.from(r.value).toString('base64') }));
      }
    }
    count += lines.length;
    await writeFile(join(dir, 'records', `${topic}.jsonl`), lines.length > 0 ? `${lines.join('\n')}\n` : '');
  }
  return count;
}

/**
 * Scene 7: an auditor's view of the run. The log is exported as a portable archive, then
 * `xr audit verify --from <archive>` (the CLI, as a child process) checks it with no cluster: every
 * signature, chain, Merkle root against signed checkpoints, cosignatures against the witness
 * policy, and cross-region delivery. Then one byte of one journal record in a copy of the archive
 * is flipped, and the same command names it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaSource, verifyAudit, writeExport } from '@xr/audit';
import { canonicalBytes, type PublicJwk } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { trace } from './trace.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function xrAudit(args: readonly string[]): { code: number; stdout: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'packages/cli/src/main.ts'), 'audit', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KAFKA_BROKERS: '' } });
  return { code: run.status ?? 1, stdout: `${run.stdout}${run.stderr}` };
}

/** Waits until the live log verifies clean with every journal record under a cosigned checkpoint, at most `ms`. */
export async function settled(log: EventLog, prefix: string, trustAnchors: PublicJwk[], ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    const report = await verifyAudit(kafkaSource(log, prefix), { trustAnchors });
    const done = report.ok && report.stats.uncheckpointed === 0;
    if (done) return true;
    if (Date.now() > until) {
      for (const a of report.anomalies.slice(0, 5)) trace('auditor', `still: ${a.code} ${a.topic}/${a.partition}@${a.offset} ${a.message}`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The report's headline and its anomalies (not the per-origin lines). */
function anomaliesOf(report: string): string {
  const lines = report.split('\n');
  return [lines[0], ...lines.filter((l, i) => l.startsWith('  XR_') || lines[i - 1]?.startsWith('  XR_'))].join('\n');
}

export async function auditScene(o: { log: EventLog; prefix: string; trustAnchors: PublicJwk[]; out: string; anchorsFile: string }): Promise<boolean> {
  if (await settled(o.log, o.prefix, o.trustAnchors, 15_000)) trace('auditor', 'every journal record is under a signed checkpoint that a partner region cosigned');
  else trace('auditor', 'the live log did not settle within 15 s: some checkpoints not yet signed or cosigned');
  const archive = join(o.out, 'audit-export');
  await rm(archive, { recursive: true, force: true });
  const written = await writeExport(kafkaSource(o.log, o.prefix), archive);
  if (!written.ok) throw new Error(`audit export: ${written.message}`);
  trace('auditor', `xr audit export → ${archive} (${written.value.files.length} files, manifest with SHA-256 of each)`);
  const clean = xrAudit(['verify', '--from', archive, '--anchors', o.anchorsFile]);
  trace('auditor', `xr audit verify --from ${archive} → exit ${clean.code}`);
  // Indented line by line; the report's final newline is not a line (else the next trace line starts indented).
  process.stdout.write(`${clean.stdout.trimEnd().replace(/^/gm, '           ')}\n`);
  // A copy of the archive with one byte of one journal record changed (and the manifest updated to match, so only the records can tell).
  const tampered = join(o.out, 'audit-export-tampered');
  await rm(tampered, { recursive: true, force: true });
  await cp(archive, tampered, { recursive: true });
  const manifestPath = join(tampered, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: { path: string; topic: string; records: number; bytes: number; sha256: string }[] };
  const victim = manifest.files.find((f) => f.topic.includes('.journal.') && f.records > 2)!;
  const lines = (await readFile(join(tampered, victim.path), 'utf8')).split('\n');
  const record = JSON.parse(lines[1]!) as { value: string };
  const bytes = Buffer.from(record.value, 'base64');
  const at = bytes.indexOf('"payload"') + 20;
  bytes[at] = bytes[at]! ^ 0x01;
  lines[1] = JSON.stringify({ ...JSON.parse(lines[1]!), value: bytes.toString('base64') });
  const changed = Buffer.from(lines.join('\n'));
  await writeFile(join(tampered, victim.path), changed);
  Object.assign(victim, { bytes: changed.length, sha256: createHash('sha256').update(changed).digest('hex') });
  await writeFile(manifestPath, canonicalBytes(manifest));
  trace('tamperer', `flipped one bit of ${victim.topic} offset 1 in a copy of the archive`);
  const caught = xrAudit(['verify', '--from', tampered, '--anchors', o.anchorsFile]);
  trace('auditor', `xr audit verify --from ${tampered} → exit ${caught.code}`);
  process.stdout.write(`${anomaliesOf(caught.stdout).replace(/^/gm, '           ')}\n`);
  return clean.code === 0 && caught.code === 1;
}

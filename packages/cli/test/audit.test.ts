/** `xr audit …` as an auditor runs it: a child process (`node --import tsx packages/cli/src/main.ts`) over an export or the embedded log. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaSource, writeExport, type AuditReport } from '@xr/audit';
import { addCheckpoints, copyTopics, LC, makeWorld, QD, type World } from '@xr/audit/testing';
import { FileEventLog } from '@xr/event-log-file';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
let world: World;

function xr(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, KAFKA_BROKERS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-cli-audit-'));
  const log = await FileEventLog.open({ dir: join(dir, 'log') });
  world = await makeWorld(log, 'base');
  await copyTopics(log, 'base', 'xr', (copy) => addCheckpoints(copy, world, 'xr'));
  // A journal with its second record dropped, after the region signed the honest one.
  await copyTopics(log, 'base', 'bad', (copy) => {
    addCheckpoints(copy, world, 'bad');
    copy.topics.get(`journal.${LC}`)!.find((p) => p.length >= 3)!.splice(1, 1);
  });
  const written = await writeExport(kafkaSource(log, 'xr'), join(dir, 'export'));
  expect(written.ok).toBe(true);
  await log.close();
  await writeFile(join(dir, 'anchors.json'), JSON.stringify({ keys: world.anchors }));
  await writeFile(join(dir, 'regions.json'), JSON.stringify({ keys: Object.values(world.regions).map((r) => r.publicJwk) }));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each test spawns the CLI (node --import tsx) up to seven times: seconds each on a busy 2-core machine.
describe('xr audit', { timeout: 90_000 }, () => {
  it('verify --json on a clean export exits 0 with a clean report', async () => {
    const { code, stdout, stderr } = await xr('audit', 'verify', '--json', '--from', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AuditReport;
    expect(report).toMatchObject({ ok: true, anomalies: [], regions: [QD, LC] });
    expect(report.stats.journalRecords).toBeGreaterThan(6);
  });

  it('verify on a tampered journal exits 1 and names the code and position, for people and machines', async () => {
    const json = await xr('audit', 'verify', '--json', '--log-dir', join(dir, 'log'), '--prefix', 'bad', '--anchors', join(dir, 'anchors.json'));
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as AuditReport;
    expect(report.anomalies).toContainEqual(expect.objectContaining({ code: 'XR_JOURNAL_CHAIN_BROKEN', topic: `bad.journal.${LC}`, offset: 1 }));
    const human = await xr('audit', 'verify', '--log-dir', join(dir, 'log'), '--prefix', 'bad', '--anchors', join(dir, 'anchors.json'), '--region', LC);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/ANOMAL/);
    expect(human.stdout).toMatch(new RegExp(`XR_JOURNAL_CHAIN_BROKEN  bad\\.journal\\.${LC}/\\d@1`));
    // The partitions scanned on worker threads (the CLI's own process, as a user runs it): the same report.
    const threaded = await xr('audit', 'verify', '--json', '--threads', '2', '--log-dir', join(dir, 'log'), '--prefix', 'bad', '--anchors', join(dir, 'anchors.json'));
    expect(threaded.stderr).toBe('');
    expect(threaded.code).toBe(1);
    expect((JSON.parse(threaded.stdout) as AuditReport).anomalies).toEqual(report.anomalies);
  });

  it('prove writes a tlog-proof that check verifies offline; consistency likewise', async () => {
    const listed = await xr('audit', 'case', world.caseIds[0]!, '--json', '--from', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'));
    expect(listed.code).toBe(0);
    const kase = JSON.parse(listed.stdout) as { sides: { region: string; state: { status: string }; events: { event: { id: string; type: string }; partition: number }[] }[] };
    expect(kase.sides.map((s) => s.region).sort()).toEqual([QD, LC].sort());
    const submitted = kase.sides.find((s) => s.region === QD)!.events[0]!;
    const proofFile = join(dir, 'event.proof');
    expect((await xr('audit', 'prove', submitted.event.id, '--region', QD, '--out', proofFile, '--from', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'))).code).toBe(0);
    expect(await readFile(proofFile, 'utf8')).toMatch(/^c2sp\.org\/tlog-proof@v1\nextra /);
    const checked = await xr('audit', 'check', proofFile, '--keys', join(dir, 'regions.json'), '--quorum', '1');
    expect(checked).toMatchObject({ code: 0, stdout: expect.stringContaining(`OK inclusion proof: xr.journal.${QD}/${submitted.partition}`) as unknown });
    expect((await xr('audit', 'check', proofFile, '--keys', join(dir, 'anchors.json'))).code).toBe(1);

    const manifest = JSON.parse(await readFile(join(dir, 'export', 'manifest.json'), 'utf8')) as { files: { topic: string; partition: number; records: number }[] };
    const journal = manifest.files.find((f) => f.topic === `xr.journal.${QD}` && f.records >= 2)!;
    const origin = `xr.journal.${QD}/${journal.partition}`;
    const half = String(Math.floor(journal.records / 2));
    const consistencyFile = join(dir, 'grew.proof');
    expect((await xr('audit', 'consistency', origin, half, String(journal.records), '--out', consistencyFile, '--from', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'))).code).toBe(0);
    expect(await readFile(consistencyFile, 'utf8')).toMatch(new RegExp(`^old ${half}\n`));
    const grew = await xr('audit', 'check', consistencyFile, '--keys', join(dir, 'regions.json'), '--json');
    expect(grew.code).toBe(0);
    expect(JSON.parse(grew.stdout)).toMatchObject({ kind: 'consistency', origin, oldSize: Number(half), size: journal.records });
    const refused = await xr('audit', 'consistency', origin, '1', String(journal.records + 3), '--from', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'));
    expect(refused.code).toBe(1);
  });

  it('policy prints the C2SP tlog-policy of a region', async () => {
    const { code, stdout } = await xr('audit', 'policy', LC, '--from', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'));
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^log xr\\.journal\\.${LC}\\+[0-9a-f]{8}\\+`, 'm'));
    expect(stdout).toMatch(new RegExp(`^witness ${QD} xr\\.witness\\.${QD}\\+[0-9a-f]{8}\\+`, 'm'));
    // One witness region and quorum 1: the quorum is that witness (C2SP tlog-policy).
    expect(stdout).toMatch(new RegExp(`^quorum ${QD}$`, 'm'));
  });

  it('an export with one file removed exits 1, naming the file', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'export', 'manifest.json'), 'utf8')) as { files: { path: string; topic: string; partition: number; records: number }[] };
    const victim = manifest.files.find((f) => f.topic.includes('.journal.') && f.records > 0)!;
    await rm(join(dir, 'export', victim.path));
    const { code, stdout } = await xr('audit', 'verify', '--json', '--from', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'));
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as AuditReport).anomalies).toEqual([expect.objectContaining({ code: 'XR_AUDIT_EXPORT_INCOMPLETE', topic: victim.topic, partition: victim.partition })]);
  });

  it('refuses a command line it cannot run (exit 2)', async () => {
    expect((await xr('audit', 'verify', '--anchors', join(dir, 'anchors.json'))).code).toBe(2);
    expect((await xr('audit', 'prove', '--from', join(dir, 'export'))).code).toBe(2);
    expect((await xr('audit', 'frobnicate')).code).toBe(2);
    const threads = await xr('audit', 'verify', '--threads', 'many', '--from', join(dir, 'export'), '--anchors', join(dir, 'anchors.json'));
    expect([threads.code, threads.stderr]).toEqual([2, expect.stringContaining('--threads')]);
  });
});

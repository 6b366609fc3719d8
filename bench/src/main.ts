/**
 * `pnpm bench [--quick] [--only <name>[,<name>…]]`: runs the benchmarks and prints one JSON
 * document on stdout; progress goes to stderr. See bench/README.md for what each figure means.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { FileEventLog } from '@xr/event-log-file';
import { SIGNING_MODES, topics, type SigningMode } from '@xr/exchange';
import { auditBench } from './audit-bench.js';
import { certBench } from './cert-bench.js';
import { cryptoBench } from './crypto-bench.js';
import { embeddedBench } from './embedded-bench.js';
import { e2eRun } from './e2e-run.js';
import { regionPair } from './fixtures.js';
import { kafkaPipelineBench, type KafkaInfo } from './kafka-bench.js';
import type { BenchResult, Budget, Progress } from './measure.js';
import { pipelineBench } from './pipeline-bench.js';
import { schemaBench } from './schema-bench.js';
import { startupBench } from './startup-bench.js';
import { stateBench } from './state-bench.js';

const BENCHMARKS = ['crypto', 'schema', 'audit', 'cert', 'pipeline.file', 'startup', 'state', 'embedded', 'pipeline.kafka', 'e2e'] as const;
type BenchName = (typeof BENCHMARKS)[number];

interface Settings {
  readonly budget: Budget;
  readonly fileCases: number;
  readonly kafkaCases: number;
  readonly concurrency: number;
  readonly warmupCases: number;
  readonly timeoutMs: number;
  /** Events in the audited journal (each journaled by both regions: twice as many records). */
  readonly auditEvents: number;
  /** Distinct credentials verified in turn by `cert_verify_per_s`. */
  readonly certificates: number;
  /** Synthetic cases folded by `state` (figures at 1M cases are projected from it unless it is 1M). */
  readonly stateCases: number;
  /** `embedded_cases_per_s`: cases measured and in flight (enough to keep the process busy). */
  readonly embeddedCases: number;
  readonly embeddedInFlight: number;
}

const FULL: Settings = { budget: { warmupMs: 300, measureMs: 1_500 }, fileCases: 2_000, kafkaCases: 1_000, concurrency: 32, warmupCases: 100, timeoutMs: 60_000, auditEvents: 50_000, certificates: 3_000, stateCases: 100_000, embeddedCases: 5_000, embeddedInFlight: 256 };
const QUICK: Settings = { budget: { warmupMs: 100, measureMs: 300 }, fileCases: 200, kafkaCases: 100, concurrency: 32, warmupCases: 32, timeoutMs: 30_000, auditEvents: 1_000, certificates: 200, stateCases: 5_000, embeddedCases: 500, embeddedInFlight: 256 };

const USAGE = `usage: pnpm bench [--quick] [--only <name>[,<name>...]]
  --quick   smaller n and shorter time budgets (a smoke run)
  --only    run only these benchmarks: ${BENCHMARKS.join(', ')} (a prefix selects several: pipeline)
  --profile <dir>  e2e: run both gateways with node --cpu-prof, the profiles written to <dir>
  --signing event|sealed  e2e and embedded: how both gateways sign their events (default sealed)
One JSON document goes to stdout, progress to stderr.
`;

const runStart = performance.now();
const progress: Progress = (line) => {
  process.stderr.write(`[bench +${((performance.now() - runStart) / 1000).toFixed(1)}s] ${line}\n`);
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function select(only: readonly string[] | undefined): Set<BenchName> | undefined {
  if (!only || only.length === 0) return new Set(BENCHMARKS);
  const wanted = only.flatMap((o) => o.split(',')).map((o) => o.trim()).filter((o) => o !== '');
  const chosen = new Set<BenchName>();
  for (const name of wanted) {
    const matches = BENCHMARKS.filter((b) => b === name || b.startsWith(`${name}.`));
    if (matches.length === 0) return undefined;
    for (const m of matches) chosen.add(m);
  }
  return chosen;
}

/** The 1, 5 and 15 minute load averages, to two decimals. */
function loadAverage(): number[] {
  return loadavg().map((l) => Number(l.toFixed(2)));
}


function describe(r: BenchResult): string {
  if (r.skipped) return `${r.name}: skipped (${r.skipped})`;
  if (r.error) return `${r.name}: FAILED (${r.error})`;
  const pct = r.p50Ms !== undefined ? ` p50 ${r.p50Ms} ms p99 ${r.p99Ms} ms` : '';
  return `${r.name}: ${r.value} ${r.unit} (n=${r.n})${pct}`;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string', multiple: true }, profile: { type: 'string' }, signing: { type: 'string' }, 'state-cases': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${message(error)}\n${USAGE}`);
    return 2;
  }
  if (args.values.help === true) {
    process.stderr.write(USAGE);
    return 0;
  }
  const chosen = select(args.values.only);
  if (!chosen) {
    process.stderr.write(`unknown benchmark in --only ${args.values.only?.join(',') ?? ''}\n${USAGE}`);
    return 2;
  }
  const signing = args.values.signing;
  if (signing !== undefined && !(SIGNING_MODES as readonly string[]).includes(signing)) {
    process.stderr.write(`--signing is one of ${SIGNING_MODES.join(', ')}, not ${signing}\n${USAGE}`);
    return 2;
  }
  const quick = args.values.quick === true;
  const s = quick ? QUICK : FULL;
  const startedAt = new Date().toISOString();
  // Other work on the machine moves every figure: the report says how busy it was.
  const loadAtStart = loadAverage();
  const results: BenchResult[] = [];
  let kafka: KafkaInfo | null = null;
  progress(`${quick ? 'quick' : 'full'} run: ${BENCHMARKS.filter((b) => chosen.has(b)).join(', ')}`);

  // Which benchmark each result came from, to order the report (result names are flat: e2e_*, sha256_*, …).
  const groupOf = new Map<BenchResult, BenchName>();
  const record = (list: readonly BenchResult[], group: BenchName): void => {
    for (const r of list) {
      results.push(r);
      groupOf.set(r, group);
      progress(describe(r));
    }
  };
  const guarded = async (name: BenchName, run: () => Promise<readonly BenchResult[]> | readonly BenchResult[]): Promise<boolean> => {
    try {
      record(await run(), name);
      return true;
    } catch (error) {
      record([{ name, unit: '', value: null, n: 0, error: message(error) }], name);
      return false;
    }
  };

  if (chosen.has('crypto')) await guarded('crypto', () => cryptoBench(s.budget));
  if (chosen.has('schema')) await guarded('schema', () => schemaBench(s.budget));
  if (chosen.has('audit')) await guarded('audit', () => auditBench({ events: s.auditEvents, budget: s.budget, progress }));
  if (chosen.has('cert')) await guarded('cert', () => certBench({ credentials: s.certificates, budget: s.budget, progress }));
  if (chosen.has('state')) {
    const asked = args.values['state-cases'];
    const cases = asked === undefined ? s.stateCases : Number(asked);
    if (!Number.isSafeInteger(cases) || cases < 100) {
      process.stderr.write(`--state-cases must be an integer of at least 100, not ${asked}\n${USAGE}`);
      return 2;
    }
    await guarded('state', () => stateBench({ cases, progress }));
  }

  // Kafka runs before the embedded log: that one keeps every record in memory, and the RSS it
  // leaves behind shrinks only slowly after it is closed, which would blur Kafka's RSS delta.
  if (chosen.has('pipeline.kafka')) {
    const outcome = await kafkaPipelineBench({ regions: regionPair(), cases: s.kafkaCases, concurrency: s.concurrency, warmupCases: s.warmupCases, timeoutMs: s.timeoutMs, progress });
    kafka = outcome.kafka;
    record(outcome.results, 'pipeline.kafka');
  }

  if (chosen.has('e2e')) await guarded('e2e', () => e2eRun({ quick, progress, ...(args.values.profile ? { profileDir: args.values.profile } : {}), ...(signing ? { signing: signing as SigningMode } : {}) }));

  if (chosen.has('pipeline.file') || chosen.has('startup')) {
    const dir = await mkdtemp(join(tmpdir(), 'xr-bench-'));
    const regions = regionPair();
    const t = topics('bench');
    try {
      const log = await FileEventLog.open({ dir });
      let pipelineOk: boolean;
      try {
        const run = (): Promise<BenchResult[]> =>
          pipelineBench({ label: 'file', regions, senderLog: log, handlerLog: log, topics: t, cases: s.fileCases, concurrency: s.concurrency, warmupCases: s.warmupCases, timeoutMs: s.timeoutMs, progress });
        if (chosen.has('pipeline.file')) {
          pipelineOk = await guarded('pipeline.file', run);
        } else {
          progress('startup: running the embedded-log pipeline first to write a journal (its figures are not reported)');
          pipelineOk = await guarded('startup', async () => {
            await run();
            return [];
          });
        }
      } finally {
        await log.close();
      }
      if (chosen.has('startup')) {
        if (pipelineOk) await guarded('startup', () => startupBench({ dir, regions, topics: t, progress }));
        else record([{ name: 'startup', unit: 'records/s', value: null, n: 0, skipped: 'the embedded-log pipeline, which writes the journal to replay, failed' }], 'startup');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  // After pipeline.file and startup (their log is closed and removed), in its own temp dir.
  if (chosen.has('embedded')) await guarded('embedded', () => embeddedBench({ cases: s.embeddedCases, inFlight: s.embeddedInFlight, warmupCases: s.embeddedInFlight, timeoutMs: s.timeoutMs, signing: (signing as SigningMode | undefined) ?? 'sealed', progress }));

  // In the order of BENCHMARKS (the run order differs: Kafka runs before the embedded log).
  const groupIndex = (r: BenchResult): number => BENCHMARKS.indexOf(groupOf.get(r) ?? 'e2e');
  const ordered = [...results].sort((x, y) => groupIndex(x) - groupIndex(y));
  const cpuList = cpus();
  const report = {
    startedAt,
    mode: quick ? 'quick' : 'full',
    benchmarks: BENCHMARKS.filter((b) => chosen.has(b)),
    machine: {
      node: process.version,
      platform: `${platform()} ${arch()}`,
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
    },
    kafkaVersion: kafka?.version ?? null,
    kafka,
    durationS: Number(((performance.now() - runStart) / 1000).toFixed(1)),
    // Every figure by its name, flat (`jq .figures.e2e_cases_per_s`); null when skipped or failed.
    figures: Object.fromEntries(ordered.map((r) => [r.name, r.value])),
    results: ordered,
  };
  await new Promise<void>((resolve, reject) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, (error) => (error ? reject(error) : resolve())));
  const failed = results.filter((r) => r.error !== undefined);
  progress(failed.length > 0 ? `done with ${failed.length} failed benchmark(s): ${failed.map((r) => r.name).join(', ')}` : 'done');
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

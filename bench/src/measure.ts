/** Timing helpers: rates over a time budget, latency percentiles, memory. */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One figure of the report. `value` is null when the benchmark was skipped or failed. */
export interface BenchResult {
  readonly name: string;
  readonly unit: string;
  readonly value: number | null;
  /** Operations (or cases, records) the figure is computed from. */
  readonly n: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  readonly notes?: string;
  /**
   * `value` divided by ceilings measured in the same run, by name (e.g. `vs_ed25519_verify_1core`):
   * how far the figure is from what the machine's own primitives allow.
   */
  readonly ratios?: Readonly<Record<string, number>>;
  /** Why the benchmark did not run (e.g. no Kafka broker). */
  readonly skipped?: string;
  /** What went wrong when it failed; the run goes on with the other benchmarks. */
  readonly error?: string;
}

export type Progress = (line: string) => void;

/** Nearest-rank percentile of ascending samples (q in 0..1). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export interface LatencySummary {
  readonly n: number;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, x) => acc + x, 0);
  return { n: sorted.length, mean: sorted.length ? sum / sorted.length : Number.NaN, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Milliseconds, rounded to what is meaningful at their scale. */
export function roundMs(ms: number): number {
  if (!Number.isFinite(ms)) return ms;
  if (ms < 1) return Number(ms.toFixed(4));
  if (ms < 100) return Number(ms.toFixed(2));
  return Number(ms.toFixed(1));
}

/** Rates: whole numbers from 100 up, three significant digits below. */
export function roundRate(rate: number): number {
  if (!Number.isFinite(rate)) return rate;
  return rate >= 100 ? Math.round(rate) : Number(rate.toPrecision(3));
}

export function mib(bytes: number): number {
  return Number((bytes / 2 ** 20).toFixed(1));
}

export interface Budget {
  /** Time spent before measuring, so the JIT has settled. */
  readonly warmupMs: number;
  /** Time measured. */
  readonly measureMs: number;
}

export interface Rate {
  readonly ops: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Per-operation latencies (async rates only). */
  readonly latency?: LatencySummary;
}

/** Results are folded in here so the optimiser cannot drop the work measured. */
let sink = 0;
function consume(value: unknown): void {
  if (typeof value === 'string') sink += value.length;
  else if (value instanceof Uint8Array) sink += value.byteLength;
  else if (value) sink += 1;
}

export function sinkValue(): number {
  return sink;
}

/** Calls a synchronous `fn` in batches for the budget; the rate is ops per measured second. */
export function rateSync(fn: () => unknown, budget: Budget, batch = 64): Rate {
  const loop = (ms: number): { ops: number; elapsed: number } => {
    const start = performance.now();
    let ops = 0;
    let elapsed = 0;
    do {
      for (let i = 0; i < batch; i += 1) consume(fn());
      ops += batch;
      elapsed = performance.now() - start;
    } while (elapsed < ms);
    return { ops, elapsed };
  };
  loop(budget.warmupMs);
  const { ops, elapsed } = loop(budget.measureMs);
  return { ops, seconds: elapsed / 1000, perSecond: ops / (elapsed / 1000) };
}

/** Awaits an asynchronous `fn` one call at a time for the budget, timing each call. */
export async function rateAsync(fn: () => Promise<unknown>, budget: Budget): Promise<Rate> {
  const warmEnd = performance.now() + budget.warmupMs;
  while (performance.now() < warmEnd) consume(await fn());
  const samples: number[] = [];
  const start = performance.now();
  let now = start;
  while (now - start < budget.measureMs) {
    const t0 = now;
    consume(await fn());
    now = performance.now();
    samples.push(now - t0);
  }
  const seconds = (now - start) / 1000;
  return { ops: samples.length, seconds, perSecond: samples.length / seconds, latency: summarize(samples) };
}

/** A ratio of two rates, to three significant digits. */
export function ratio(value: number, ceiling: number): number {
  return Number((value / ceiling).toPrecision(3));
}

/** A result line for an ops/s figure. */
export function rateResult(name: string, unit: string, rate: Rate, notes?: string): BenchResult {
  const perOpUs = (1e6 / rate.perSecond).toFixed(2);
  return {
    name,
    unit,
    value: roundRate(rate.perSecond),
    n: rate.ops,
    ...(rate.latency ? { p50Ms: roundMs(rate.latency.p50), p99Ms: roundMs(rate.latency.p99) } : {}),
    notes: `${perOpUs} µs/op${notes ? `; ${notes}` : ''}`,
  };
}

let gcFn: (() => void) | undefined | null = null;

/** Full garbage collection when the runtime allows it (enabled at run time, no node flag needed). */
export function collectGarbage(): void {
  if (gcFn === null) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('gc');
      gcFn = typeof found === 'function' ? (found as () => void) : undefined;
    } catch {
      gcFn = undefined;
    }
  }
  gcFn?.();
}

export function rssBytes(): number {
  return process.memoryUsage().rss;
}

/** Live JS heap plus memory outside it (Buffers, Uint8Arrays): what the process holds on to. */
export function retainedBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Two full collections with a pause between, so memory freed by earlier work is settled before a baseline. */
export async function settleMemory(): Promise<void> {
  collectGarbage();
  await sleep(200);
  collectGarbage();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

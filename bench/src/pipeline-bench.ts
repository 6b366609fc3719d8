/**
 * The whole exchange between two in-process gateways: 聊城 (371500) submits cases for a 青岛
 * (370200) item through `ExchangeGateway.request`, N cases with a fixed number in flight. Each case
 * goes 聊城 inbox → 聊城 journal → 青岛 inbox → 青岛 journal (+ 签收) → 聊城 inbox → 聊城 journal.
 *
 * Times are taken on 聊城's side: the call to request(); the case's first appearance in 聊城's
 * projection (its case.submitted journaled: the commit point); its status turning `received` there
 * (青岛's 签收 journaled back at 聊城: the full round trip); request() resolving.
 */
import { performance } from 'node:perf_hooks';
import type { CaseState } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import type { ExchangeGateway, SigningMode, Topics } from '@xr/exchange';
import { gateway, submission, countingLogger, type RegionPair } from './fixtures.js';
import { collectGarbage, mib, retainedBytes, roundMs, roundRate, rssBytes, settleMemory, summarize, type BenchResult, type Progress } from './measure.js';

export interface PipelineOptions {
  /** `file` or `kafka`: names the results `pipeline.<label>.*`. */
  readonly label: string;
  readonly regions: RegionPair;
  /** The log 聊城's gateway uses, and 青岛's (the same object for the embedded log). */
  readonly senderLog: EventLog;
  readonly handlerLog: EventLog;
  readonly topics: Topics;
  readonly cases: number;
  readonly concurrency: number;
  /** Cases run first and not counted: JIT warm-up, and on Kafka the consumer groups' first assignment. */
  readonly warmupCases: number;
  /** How long to wait for every case to be `received` before giving up. */
  readonly timeoutMs: number;
  /** How both gateways sign (default per event). */
  readonly signing?: SigningMode;
  readonly progress: Progress;
}

interface Timing {
  start: number;
  journaled?: number;
  received?: number;
  resolved?: number;
}

interface Round {
  readonly timings: Map<string, Timing>;
  readonly failures: Map<string, number>;
  readonly firstStart: number;
  readonly lastReceived: number;
}

/**
 * Submits `count` cases with `concurrency` in flight and waits until all are `received` at the
 * sender (or the timeout passes, which throws).
 */
async function round(sender: ExchangeGateway, handler: string, count: number, concurrency: number, timeoutMs: number): Promise<Round> {
  const timings = new Map<string, Timing>();
  const failures = new Map<string, number>();
  let receivedCount = 0;
  let lastReceived = 0;
  let allReceived!: () => void;
  const done = new Promise<void>((resolve) => {
    allReceived = resolve;
  });
  const unwatch = sender.projection.watchAll((state: CaseState) => {
    const timing = timings.get(state.caseId);
    if (!timing) return;
    const now = performance.now();
    timing.journaled ??= now;
    if (state.status === 'received' && timing.received === undefined) {
      timing.received = now;
      lastReceived = now;
      receivedCount += 1;
      if (receivedCount === count) allReceived();
    }
  });
  let next = 0;
  const firstStart = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      const caseId = sender.newCaseId();
      const timing: Timing = { start: performance.now() };
      timings.set(caseId, timing);
      const outcome = await sender.request({ type: 'case.submitted', v: 1, caseId, target: handler, payload: submission(new Date().toISOString()) });
      timing.resolved = performance.now();
      if (!outcome.ok) failures.set(outcome.code, (failures.get(outcome.code) ?? 0) + 1);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${count - receivedCount} of ${count} cases not received at the sender within ${timeoutMs} ms${failures.size ? `; request failures: ${[...failures].map(([c, k]) => `${c}×${k}`).join(', ')}` : ''}`)), timeoutMs);
  });
  try {
    const workers = Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker()));
    await Promise.race([Promise.all([workers, done]), timeout]);
  } finally {
    clearTimeout(timer);
    unwatch();
  }
  return { timings, failures, firstStart, lastReceived };
}

function latencyResult(name: string, samples: number[], notes: string): BenchResult {
  const s = summarize(samples);
  return { name, unit: 'ms', value: roundMs(s.mean), n: s.n, p50Ms: roundMs(s.p50), p99Ms: roundMs(s.p99), notes: `mean; max ${roundMs(s.max)} ms; ${notes}` };
}

export async function pipelineBench(o: PipelineOptions): Promise<BenchResult[]> {
  const { sender, handler } = o.regions;
  const logs = countingLogger();
  const a = gateway(sender, handler, o.senderLog, o.topics, logs.logger, o.signing);
  const b = gateway(handler, sender, o.handlerLog, o.topics, logs.logger, o.signing);
  const prefix = `pipeline.${o.label}`;
  try {
    const startedAt = performance.now();
    await b.start();
    await a.start();
    o.progress(`${prefix}: gateways started in ${Math.round(performance.now() - startedAt)} ms; ${o.warmupCases} warm-up cases`);
    const warm = await round(a, handler.code, o.warmupCases, o.concurrency, o.timeoutMs);
    const warmSpan = warm.lastReceived - warm.firstStart;
    o.progress(`${prefix}: warm-up done in ${Math.round(warmSpan)} ms; measuring ${o.cases} cases, ${o.concurrency} in flight`);

    await settleMemory();
    const rssBefore = rssBytes();
    const retainedBefore = retainedBytes();
    const cpuBefore = process.cpuUsage();
    const measured = await round(a, handler.code, o.cases, o.concurrency, o.timeoutMs);
    const cpu = process.cpuUsage(cpuBefore);
    const rssAfter = rssBytes();
    collectGarbage();
    const retainedAfter = retainedBytes();

    const timings = [...measured.timings.values()];
    const seconds = (measured.lastReceived - measured.firstStart) / 1000;
    const rate = o.cases / seconds;
    const failed = [...measured.failures].map(([code, k]) => `${code}×${k}`).join(', ');
    const quarantined = a.counters.total('xr_quarantined_total') + b.counters.total('xr_quarantined_total');
    const retries = a.counters.total('xr_pipeline_retries_total') + b.counters.total('xr_pipeline_retries_total');
    const health = `request failures: ${failed || 'none'}; quarantined ${quarantined}; batch retries ${retries}; logged warnings ${logs.lines()}`;
    if (logs.lines() > 0) o.progress(`${prefix}: last warning: ${logs.last() ?? ''}`);
    o.progress(`${prefix}: ${o.cases} cases received in ${seconds.toFixed(2)} s = ${roundRate(rate)} cases/s (${health})`);

    return [
      {
        name: `${prefix}.throughput`,
        unit: 'cases/s',
        value: roundRate(rate),
        n: o.cases,
        notes: `${o.cases} case.submitted, ${o.concurrency} in flight, from the first request() to the last case 'received' at 聊城: ${seconds.toFixed(2)} s; ${health}`,
      },
      {
        name: `${prefix}.cpu-per-case`,
        unit: 'ms',
        value: roundMs((cpu.user + cpu.system) / 1000 / o.cases),
        n: o.cases,
        notes: `CPU time of this process (user + system, process.cpuUsage: both gateways${o.label === 'kafka' ? ' and their kafkajs clients' : ' and the embedded log'}, every thread) from the first request() to the last 'received', ÷ cases; ${((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)} cores busy on average. Comparable across runs on a shared box, unlike the rate`,
      },
      latencyResult(`${prefix}.submit-to-journal`, timings.map((t) => (t.journaled ?? Number.NaN) - t.start), "request() called → case.submitted journaled at 聊城 (the case appears in 聊城's projection)"),
      latencyResult(`${prefix}.round-trip`, timings.map((t) => (t.received ?? Number.NaN) - t.start), "request() called → 'received' visible at 聊城 (青岛 journaled the case and its 签收, 聊城 journaled the 签收)"),
      latencyResult(`${prefix}.request`, timings.map((t) => (t.resolved ?? Number.NaN) - t.start), "request() call → resolved; for case.submitted it waits for 青岛's 签收, so it is the round trip plus the resolve"),
      {
        name: `${prefix}.rss-delta`,
        unit: 'MiB',
        value: mib(rssAfter - rssBefore),
        n: o.cases,
        notes: `process RSS when the last case is received minus RSS before the first (both gateways in this process${o.label === 'file' ? ', and the embedded log' : ''}): ${mib(rssBefore)} → ${mib(rssAfter)} MiB; sensitive to memory freed by what ran before, see retained`,
      },
      {
        name: `${prefix}.retained`,
        unit: 'MiB',
        value: mib(retainedAfter - retainedBefore),
        n: o.cases,
        notes: `JS heap used + external memory after a full GC, minus the same before the first case: what ${o.cases} cases leave held (both projections, journal state, ${o.label === 'file' ? 'the embedded log, which keeps every record of every topic in memory' : "kafkajs's per-topic id index"})`,
      },
    ];
  } finally {
    await a.stop();
    await b.stop();
  }
}

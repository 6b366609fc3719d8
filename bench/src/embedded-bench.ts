/**
 * `embedded_cases_per_s`: the whole exchange on the embedded `FileEventLog` at saturation — the
 * pipeline of `pipeline-bench.ts` (two gateways in this process, one log in a fresh temp dir, no
 * gRPC: the embedded log is one process's, so both regions share it) with enough cases in flight
 * that the rate is bound by CPU, not by the latency of one case (32 in flight, as
 * `pipeline.file`, leaves the process partly idle).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileEventLog } from '@xr/event-log-file';
import { topics, type SigningMode } from '@xr/exchange';
import { regionPair } from './fixtures.js';
import type { BenchResult, Progress } from './measure.js';
import { pipelineBench } from './pipeline-bench.js';

export interface EmbeddedBenchOptions {
  readonly cases: number;
  readonly inFlight: number;
  readonly warmupCases: number;
  readonly timeoutMs: number;
  /** How both gateways sign their events (`pnpm bench --signing`, default sealed as in e2e). */
  readonly signing: SigningMode;
  readonly progress: Progress;
}

export async function embeddedBench(o: EmbeddedBenchOptions): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'xr-bench-embedded-'));
  try {
    const log = await FileEventLog.open({ dir });
    let results: BenchResult[];
    try {
      results = await pipelineBench({ label: 'embedded', regions: regionPair(), senderLog: log, handlerLog: log, topics: topics('bench'), cases: o.cases, concurrency: o.inFlight, warmupCases: o.warmupCases, timeoutMs: o.timeoutMs, signing: o.signing, progress: o.progress });
    } finally {
      await log.close();
    }
    const find = (suffix: string): BenchResult => {
      const found = results.find((r) => r.name === `pipeline.embedded.${suffix}`);
      if (!found) throw new Error(`pipeline.embedded.${suffix} missing`);
      return found;
    };
    const rate = find('throughput');
    const roundTrip = find('round-trip');
    const cpu = find('cpu-per-case');
    return [
      {
        name: 'embedded_cases_per_s',
        unit: 'cases/s',
        value: rate.value,
        n: rate.n,
        ...(roundTrip.p50Ms !== undefined ? { p50Ms: roundTrip.p50Ms, p99Ms: roundTrip.p99Ms } : {}),
        notes: `${o.signing === 'sealed' ? 'sealed batches (one signed note per batch to a partner, an inclusion proof per event)' : 'per-event signatures'}; two ExchangeGateways in this process on one FileEventLog (fresh temp dir, no fsync, 3 partitions), no gRPC; ${rate.notes ?? ''}; p50/p99: request() → 'received' at 聊城 (target ≥ 10,000 cases/s)`,
      },
      { ...cpu, name: 'embedded_cpu_ms_per_case' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

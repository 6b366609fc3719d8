/** The `e2e` benchmark's broker and settings: full (≥ 30 s sustained) or --quick (a few seconds). */
import { findOrStartBroker } from '@xr/kafka-harness';
import type { SigningMode } from '@xr/exchange';
import { e2eBench } from './e2e-bench.js';
import type { BenchResult, Progress } from './measure.js';

export interface E2eRunOptions {
  readonly quick: boolean;
  readonly progress: Progress;
  readonly profileDir?: string;
  readonly signing?: SigningMode;
}

export async function e2eRun(o: E2eRunOptions): Promise<BenchResult[]> {
  let broker;
  try {
    broker = await findOrStartBroker({ log: (line) => o.progress(`kafka: ${line}`) });
  } catch (error) {
    return [{ name: 'e2e', unit: 'cases/s', value: null, n: 0, skipped: error instanceof Error ? error.message : String(error) }];
  }
  try {
    const settings = o.quick
      ? { closedS: 3, warmupS: 2, inFlight: 64, offered: 1_000, openS: 2, budget: { warmupMs: 100, measureMs: 300 }, kafkaCeilingS: 1, registrySamples: 2 }
      : { closedS: 30, warmupS: 5, inFlight: 256, offered: 1_000, openS: 15, budget: { warmupMs: 300, measureMs: 1_500 }, kafkaCeilingS: 3, registrySamples: 7 };
    return await e2eBench({ brokers: broker.brokers, progress: o.progress, ...settings, ...(o.profileDir ? { profileDir: o.profileDir } : {}), ...(o.signing ? { signing: o.signing } : {}) });
  } finally {
    await broker.stop().catch(() => undefined);
  }
}

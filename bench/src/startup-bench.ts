/**
 * Start-up of a gateway on an existing journal: reopen the embedded log the pipeline benchmark
 * wrote, then start a fresh 聊城 gateway on it, which replays its journal (decoding each record,
 * checking the hash chain, rebuilding the projection) before it consumes its inbox again.
 */
import { performance } from 'node:perf_hooks';
import { FileEventLog } from '@xr/event-log-file';
import type { Topics } from '@xr/exchange';
import { countingLogger, gateway, type RegionPair } from './fixtures.js';
import { roundMs, roundRate, type BenchResult, type Progress } from './measure.js';

export interface StartupOptions {
  /** The embedded log's directory, closed, as the pipeline benchmark left it. */
  readonly dir: string;
  readonly regions: RegionPair;
  readonly topics: Topics;
  readonly progress: Progress;
}

async function recordsIn(log: FileEventLog, topic: string): Promise<number> {
  let sum = 0;
  for (let p = 0; p < (await log.partitions(topic)); p += 1) sum += await log.endOffset(topic, p);
  return sum;
}

export async function startupBench(o: StartupOptions): Promise<BenchResult[]> {
  const { sender, handler } = o.regions;
  const t = o.topics;
  const t0 = performance.now();
  const log = await FileEventLog.open({ dir: o.dir });
  const openMs = performance.now() - t0;
  try {
    const journal = await recordsIn(log, t.journal(sender.code));
    let total = 0;
    for (const region of [sender.code, handler.code]) total += (await recordsIn(log, t.inbox(region))) + (await recordsIn(log, t.journal(region)));
    const logs = countingLogger();
    const gw = gateway(sender, handler, log, t, logs.logger);
    const t1 = performance.now();
    await gw.start();
    const startMs = performance.now() - t1;
    const breaks = gw.counters.total('xr_journal_chain_breaks_total');
    const cases = gw.projection.size;
    await gw.stop();
    o.progress(`startup: log opened in ${Math.round(openMs)} ms (${total} records), 聊城 replayed ${journal} journal records (${cases} cases) in ${Math.round(startMs)} ms`);
    if (breaks > 0) throw new Error(`replay found ${breaks} chain breaks`);
    return [
      {
        name: 'startup.open-log',
        unit: 'ms',
        value: roundMs(openMs),
        n: total,
        notes: `FileEventLog.open of the pipeline benchmark's directory: reads every partition file (inboxes and journals of both regions, ${total} records) and indexes ids`,
      },
      {
        name: 'startup.replay',
        unit: 'records/s',
        value: roundRate(journal / (startMs / 1000)),
        n: journal,
        notes: `ExchangeGateway.start() of a fresh 聊城 gateway: ${roundMs(startMs)} ms to replay ${journal} journal records (${cases} cases; chain checked, 0 breaks) and subscribe to its inbox; in an already warm process`,
      },
    ];
  } finally {
    await log.close();
  }
}

/**
 * The end-to-end benchmark: two gateway processes (聊城 371500 takes the papers in, 青岛 370200
 * handles the item) on a real Kafka broker; cases go in through gRPC with a bearer token at 聊城,
 * and a SubmitCase answers once 青岛's 签收 is journaled at 青岛 and has come back, been verified
 * and journaled at 聊城 (status `received`). Closed loop for the rate, open loop for latency, and
 * the machine's ceilings measured in the same run.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ed25519Ceilings, kafkaCeilings } from './ceilings.js';
import { cpuSeconds } from './process-cpu.js';
import { generateKeyPair } from '@xr/crypto';
import { adminClient, adminConfig, caseClient, devIssuer, e2eRegion, freePort, gatewayConfig, startAdminProcess, startGateway, submission, type AdminClient, type CaseClient, type E2eRegion, type GatewayProcess } from './e2e-gateways.js';
import { roundMs, roundRate, sleep, summarize, type BenchResult, type Budget, type Progress } from './measure.js';
import type { SigningMode } from '@xr/exchange';
import { registryPropagation } from './registry-propagation.js';

export interface E2eOptions {
  readonly brokers: readonly string[];
  /** Closed-loop measurement, after `warmupS`. */
  readonly closedS: number;
  readonly warmupS: number;
  readonly inFlight: number;
  /** Open-loop offered load (cases/s), capped at what the closed loop sustained (see notes). */
  readonly offered: number;
  readonly openS: number;
  readonly budget: Budget;
  readonly kafkaCeilingS: number;
  /** `registry_propagation_ms`: suspensions (each followed by a reinstatement) timed after the rest. */
  readonly registrySamples: number;
  /** Directory for CPU profiles of both gateways (`node --cpu-prof`), or none. */
  readonly profileDir?: string;
  /** How both gateways sign (default `sealed`). */
  readonly signing?: SigningMode;
  readonly progress: Progress;
}

interface Counts {
  ok: number;
  failed: number;
  notReceived: number;
  lastError?: string;
}

async function submitOne(client: CaseClient, handler: string, counts: Counts): Promise<boolean> {
  try {
    const c = await client.submit(submission(handler));
    if (c.status !== 'received') {
      counts.notReceived += 1;
      return false;
    }
    counts.ok += 1;
    return true;
  } catch (error) {
    counts.failed += 1;
    counts.lastError = error instanceof Error ? error.message : String(error);
    return false;
  }
}

/** `inFlight` workers submit back to back for `seconds`; returns cases/s and the latencies. */
async function closedLoop(client: CaseClient, handler: string, inFlight: number, seconds: number): Promise<{ rate: number; n: number; latencies: number[]; counts: Counts }> {
  const counts: Counts = { ok: 0, failed: 0, notReceived: 0 };
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        if (await submitOne(client, handler, counts)) latencies.push(performance.now() - t0);
      }
    }),
  );
  // Cases still in flight at `end` finish after it; they count, and so does the time they took.
  const elapsed = (performance.now() - start) / 1000;
  return { rate: counts.ok / elapsed, n: counts.ok, latencies, counts };
}

/**
 * Open loop: a case is due every 1/rate s whatever the answers do; its latency runs from when it
 * was due (not when it was sent), so a stalled sender cannot hide queueing (coordinated omission).
 */
async function openLoop(client: CaseClient, handler: string, rate: number, seconds: number): Promise<{ latencies: number[]; counts: Counts; sent: number }> {
  const counts: Counts = { ok: 0, failed: 0, notReceived: 0 };
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = Math.round(rate * seconds);
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
    for (; sent < due; sent += 1) {
      const dueAt = start + (sent * 1000) / rate;
      pending.push(
        submitOne(client, handler, counts).then((ok) => {
          if (ok) latencies.push(performance.now() - dueAt);
        }),
      );
    }
    await sleep(2);
  }
  await Promise.all(pending);
  return { latencies, counts, sent };
}

function countsNote(c: Counts): string {
  return `failed ${c.failed}, answered but not received ${c.notReceived}${c.lastError ? ` (last error: ${c.lastError})` : ''}`;
}

export async function e2eBench(o: E2eOptions): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
  o.progress(`e2e: load average ${load()}; ceilings first`);
  results.push(...(await ed25519Ceilings(o.budget)));
  results.push(...(await kafkaCeilings({ brokers: o.brokers, seconds: o.kafkaCeilingS, progress: o.progress })));

  const A = e2eRegion('371500');
  const B = e2eRegion('370200');
  // 成都: registered in the registry, no gateway; suspended and resumed for registry_propagation_ms.
  const C = e2eRegion('510100');
  const issuer = devIssuer();
  const adminKey = generateKeyPair('admin-bench.k1');
  const prefix = `bench-e2e-${randomUUID().slice(0, 8)}`;
  const dir = await mkdtemp(join(tmpdir(), 'xr-bench-e2e-'));
  const gateways: GatewayProcess[] = [];
  let adminProcess: GatewayProcess | undefined;
  let admin: AdminClient | undefined;
  let client: CaseClient | undefined;
  let checker: CaseClient | undefined;
  try {
    const [portA, portB] = [await freePort(), await freePort()];
    const t0 = performance.now();
    // As operators run it: partners, keys and suspensions from the admin-signed registry.
    adminProcess = await startAdminProcess(adminConfig(adminKey.privateJwk, o.brokers, prefix, issuer), dir);
    admin = adminClient(adminProcess.grpcPort, await issuer.token('*', 'admin'));
    const register = (r: E2eRegion, name: string): Promise<unknown> =>
      admin!.call('RegisterPartner', { requestId: randomUUID(), region: r.code, name, keys: [{ kty: 'OKP', crv: 'Ed25519', x: r.keys.publicJwk.x, kid: r.keys.publicJwk.kid }], catalogJson: '', contact: {} });
    for (const [r, name] of [[A, '聊城市'], [B, '青岛市'], [C, '成都市']] as const) await register(r, name);
    o.progress(`e2e: admin service ready and 3 partners registered in ${Math.round(performance.now() - t0)} ms`);
    const profile = o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [];
    // Both at once (as operators may): each reads the registry to its end before it is ready.
    const started = await Promise.allSettled([
      startGateway('b-370200', gatewayConfig(B, A, o.brokers, prefix, portB, issuer, o.signing, adminKey.publicJwk), dir, profile),
      startGateway('a-371500', gatewayConfig(A, B, o.brokers, prefix, portA, issuer, o.signing, adminKey.publicJwk), dir, profile),
    ]);
    for (const s of started) if (s.status === 'fulfilled') gateways.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    o.progress(`e2e: admin and two gateway processes ready in ${Math.round(performance.now() - t0)} ms (topics ${prefix}.*)`);
    client = caseClient(gateways[1]!.grpcPort, await issuer.token(A.code));
    checker = caseClient(gateways[0]!.grpcPort, await issuer.token(B.code));

    const warm = await closedLoop(client, B.code, Math.min(32, o.inFlight), o.warmupS);
    o.progress(`e2e: warm-up ${warm.n} cases (${roundRate(warm.rate)} cases/s); closed loop, ${o.inFlight} in flight, ${o.closedS} s; load ${load()}`);
    const cpu = (): number[] => gateways.map((g) => cpuSeconds(g.child.pid) ?? Number.NaN);
    const cpuBefore = cpu();
    const closed = await closedLoop(client, B.code, o.inFlight, o.closedS);
    const cpuUsed = cpu().map((c, i) => c - cpuBefore[i]!);
    const closedLat = summarize(closed.latencies);
    const loadClosed = load();
    results.push({
      name: 'e2e_cases_per_s',
      unit: 'cases/s',
      value: roundRate(closed.rate),
      n: closed.n,
      p50Ms: roundMs(closedLat.p50),
      p99Ms: roundMs(closedLat.p99),
      notes: `closed loop, ${o.inFlight} SubmitCase calls in flight on one gRPC channel for ${o.closedS} s, each answered with status received (签收 journaled at 青岛 and back at 聊城); ${countsNote(closed.counts)}; load average after: ${loadClosed}`,
    });
    const [cpuB, cpuA] = cpuUsed as [number, number];
    if (Number.isFinite(cpuA + cpuB) && closed.n > 0) {
      results.push({
        name: 'e2e_gateway_cpu_ms_per_case',
        unit: 'ms',
        value: roundMs(((cpuA + cpuB) * 1000) / closed.n),
        n: closed.n,
        notes: `CPU time (user + system, /proc) of both gateway processes during the closed loop ÷ cases: 聊城 ${roundMs((cpuA * 1000) / closed.n)} ms, 青岛 ${roundMs((cpuB * 1000) / closed.n)} ms per case; ${(cpuA / o.closedS).toFixed(2)} and ${(cpuB / o.closedS).toFixed(2)} cores busy on average. Comparable across runs on a shared box, unlike the rate`,
      });
    }
    o.progress(`e2e: closed loop ${roundRate(closed.rate)} cases/s (p50 ${roundMs(closedLat.p50)} ms, p99 ${roundMs(closedLat.p99)} ms); load ${loadClosed}`);

    // 1,000 cases/s offered, or 80 % of what the closed loop sustained when that is less: an open
    // loop above the sustainable rate only measures a queue that grows for as long as it runs.
    const offered = Math.max(10, Math.min(o.offered, Math.floor(closed.rate * 0.8)));
    await sleep(1_000);
    const open = await openLoop(client, B.code, offered, o.openS);
    const openLat = summarize(open.latencies);
    const why = offered < o.offered ? `${o.offered} cases/s is more than this box sustains (closed loop: ${roundRate(closed.rate)}), so 80 % of that` : `the target's ${o.offered} cases/s`;
    const openNote = `open loop at ${offered} cases/s offered (${why}) for ${o.openS} s, ${open.sent} cases; latency from when each case was due to its received answer; ${countsNote(open.counts)}; load average after: ${load()}`;
    results.push({ name: 'e2e_p50_ms', unit: 'ms', value: roundMs(openLat.p50), n: openLat.n, notes: `${openNote}; offered ${offered}` });
    results.push({ name: 'e2e_p99_ms', unit: 'ms', value: roundMs(openLat.p99), n: openLat.n, notes: `max ${roundMs(openLat.max)} ms; offered ${offered}` });
    o.progress(`e2e: open loop at ${offered}/s: p50 ${roundMs(openLat.p50)} ms p99 ${roundMs(openLat.p99)} ms`);

    // 签收 visible at both: 青岛's own projection has the sampled cases as received too.
    const sample = await client.submit(submission(B.code));
    const atB = await checker.get(sample.caseId);
    if (atB.status !== 'received') throw new Error(`case ${sample.caseId} is ${atB.status} at 青岛, expected received`);

    const value = (name: string): number | null => results.find((r) => r.name === name)?.value ?? null;
    const ratio = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? Number((a / b).toFixed(4)) : null);
    const e2e = value('e2e_cases_per_s');
    results.push({ name: 'e2e_vs_verify_ceiling', unit: 'ratio', value: ratio(e2e, value('ed25519_verify_per_s_1core')), n: 1, notes: 'e2e_cases_per_s ÷ ed25519_verify_per_s_1core (target ≥ 1.0)' });
    const kafkaMin = Math.min(value('kafka_produce_msgs_per_s') ?? Number.POSITIVE_INFINITY, value('kafka_consume_msgs_per_s') ?? Number.POSITIVE_INFINITY);
    results.push({ name: 'e2e_vs_kafka_ceiling', unit: 'ratio', value: ratio(e2e, Number.isFinite(kafkaMin) ? kafkaMin : null), n: 1, notes: 'e2e_cases_per_s ÷ min(kafka_produce_msgs_per_s, kafka_consume_msgs_per_s); a case appends 7 records (聊城 inbox, 聊城 journal, 青岛 inbox, 2 in the journal of 青岛, 聊城 inbox, 聊城 journal) and consumes 3, so ×7 is the share of the record rate' });
    const warnings = gateways.flatMap((g) => g.warnings.map((w) => `${g.name}: ${w}`));
    if (warnings.length > 0) o.progress(`e2e: ${warnings.length} warnings logged by the gateways, last: ${warnings[warnings.length - 1]!.slice(0, 300)}`);
    results.push({ name: 'e2e_gateway_warnings', unit: 'lines', value: warnings.length, n: warnings.length, notes: 'warn/error lines the two gateways logged (kafkajs excepted) during the throughput and latency runs; 0 in a good run' });

    // Last, so it cannot disturb the figures above.
    o.progress(`e2e: registry propagation, ${o.registrySamples} suspensions of 成都 ${C.code}; load ${load()}`);
    const gatewayClients = [
      { name: '聊城 gateway', client },
      { name: '青岛 gateway', client: checker },
    ];
    try {
      results.push(...(await registryPropagation({ admin, gateways: gatewayClients, partner: C.code, samples: o.registrySamples, timeoutMs: 15_000, progress: o.progress })));
    } catch (error) {
      results.push({ name: 'registry_propagation_ms', unit: 'ms', value: null, n: 0, error: error instanceof Error ? error.message : String(error) });
    }
    return results;
  } finally {
    client?.close();
    checker?.close();
    admin?.close();
    for (const g of gateways.reverse()) await g.stop();
    await adminProcess?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

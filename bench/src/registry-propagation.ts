/**
 * `registry_propagation_ms`: how long after an operator suspends a partner through the admin
 * service both gateway processes enforce it. The partner is a third city registered for the
 * purpose (no gateway of its own). Each sample starts when the SuspendPartner call is made and
 * ends when BOTH gateways, probed over gRPC as their systems call them, refuse a SubmitCase to
 * that city with FAILED_PRECONDITION (partner unknown or suspended); then ResumePartner and the
 * same until both accept it again.
 *
 * A probe leaves nothing behind: its applicant's resident ID has a wrong check digit, so a gateway
 * that still counts the city as a partner refuses it a step later as INVALID_ARGUMENT (schema),
 * before anything is signed or journaled. A suspension is seen by the registry follower's long
 * poll alone (a gateway asks the registry again only for a partner it does not know), so it is the
 * figure; a reinstatement is also found on demand by the refusal path's catch-up read, so it is
 * reported in the notes only.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { status, type ServiceError } from '@grpc/grpc-js';
import type { AdminClient, CaseClient } from './e2e-gateways.js';
import { submission } from './e2e-gateways.js';
import { roundMs, sleep, summarize, type BenchResult, type Progress } from './measure.js';

export interface PropagationOptions {
  readonly admin: AdminClient;
  /** Each gateway's case client (a system token of that gateway's region). */
  readonly gateways: readonly { readonly name: string; readonly client: CaseClient }[];
  /** The city suspended and resumed: registered, active, no gateway. */
  readonly partner: string;
  readonly samples: number;
  readonly timeoutMs: number;
  readonly progress: Progress;
}

type Verdict = 'refused' | 'accepted';

/** A SubmitCase to `partner` that a gateway refuses whatever it thinks of the partner; which refusal says what it thinks. */
async function probe(client: CaseClient, partner: string): Promise<Verdict | { readonly unexpected: string }> {
  const request = submission(partner);
  // A wrong check digit (the valid one is X): refused by the event schema, after the partner check.
  request.applicant = { ...request.applicant, idNumber: '110105194912310021' };
  try {
    await client.submit(request, 5_000);
    return { unexpected: 'answered with a case (a probe must never be taken)' };
  } catch (error) {
    const code = (error as ServiceError).code;
    if (code === status.FAILED_PRECONDITION) return 'refused';
    if (code === status.INVALID_ARGUMENT) return 'accepted';
    return { unexpected: `gRPC status ${code}: ${(error as Error).message}` };
  }
}

/** Probes one gateway back to back until it gives `want`; resolves with the time of that answer. */
async function until(client: CaseClient, partner: string, want: Verdict, deadline: number): Promise<number> {
  for (;;) {
    const verdict = await probe(client, partner);
    const now = performance.now();
    if (verdict === want) return now;
    if (typeof verdict !== 'string') throw new Error(`probe: ${verdict.unexpected}`);
    if (now > deadline) throw new Error(`still ${verdict} after the deadline`);
    await sleep(1);
  }
}

/** Starts the change, probes every gateway until all show it; ms from the call to the last gateway, and the call's own ms. */
async function sample(o: PropagationOptions, change: 'SuspendPartner' | 'ResumePartner', want: Verdict): Promise<{ ms: number; callMs: number; each: number[] }> {
  const t0 = performance.now();
  const deadline = t0 + o.timeoutMs;
  const request = change === 'SuspendPartner' ? { requestId: randomUUID(), region: o.partner, reason: '性能测试: 注册表传播' } : { requestId: randomUUID(), region: o.partner };
  const call = o.admin.call(change, request).then(() => performance.now());
  const seen = await Promise.all(o.gateways.map((g) => until(g.client, o.partner, want, deadline).catch((error: unknown) => Promise.reject(new Error(`${g.name} after ${change}: ${error instanceof Error ? error.message : String(error)}`)))));
  const calledAt = await call;
  return { ms: Math.max(...seen) - t0, callMs: calledAt - t0, each: seen.map((t) => t - t0) };
}

export async function registryPropagation(o: PropagationOptions): Promise<BenchResult[]> {
  // Both gateways take the city as a partner before the first sample.
  const start = performance.now();
  await Promise.all(o.gateways.map((g) => until(g.client, o.partner, 'accepted', start + o.timeoutMs)));
  const suspensions: number[] = [];
  const reinstatements: number[] = [];
  const calls: number[] = [];
  const perGateway: number[][] = o.gateways.map(() => []);
  for (let i = 0; i < o.samples; i += 1) {
    const down = await sample(o, 'SuspendPartner', 'refused');
    suspensions.push(down.ms);
    calls.push(down.callMs);
    down.each.forEach((ms, g) => perGateway[g]!.push(ms));
    const up = await sample(o, 'ResumePartner', 'accepted');
    reinstatements.push(up.ms);
    o.progress(`registry: suspension ${roundMs(down.ms)} ms (admin call ${roundMs(down.callMs)} ms), reinstatement ${roundMs(up.ms)} ms`);
    await sleep(200);
  }
  const s = summarize(suspensions);
  const r = summarize(reinstatements);
  const c = summarize(calls);
  const each = o.gateways.map((g, i) => `${g.name} p50 ${roundMs(summarize(perGateway[i]!).p50)} ms`).join(', ');
  return [
    {
      name: 'registry_propagation_ms',
      unit: 'ms',
      value: roundMs(s.p50),
      n: s.n,
      notes:
        `p50 of ${s.n} suspensions of partner ${o.partner} (SuspendPartner through the admin service process, signed onto the registry topic): from the call to the moment both gateway processes refuse a SubmitCase to it over gRPC (FAILED_PRECONDITION), probed back to back; max ${roundMs(s.max)} ms (registry_propagation_max_ms); ${each}; ` +
        `the admin call itself (sign, append, its own follower applying it) took p50 ${roundMs(c.p50)} ms; reinstatement (ResumePartner until both accept again, found at once by the refusal path's catch-up read) p50 ${roundMs(r.p50)} ms, max ${roundMs(r.max)} ms (target ≤ 1,000 ms)`,
    },
    { name: 'registry_propagation_max_ms', unit: 'ms', value: roundMs(s.max), n: s.n, notes: `the slowest of the ${s.n} suspensions above` },
  ];
}

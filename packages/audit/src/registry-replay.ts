/**
 * The registry replayed as the gateways read it (admin signatures against the trust anchors,
 * schemas, `RegistryState.apply`), keeping each state with the log time it took effect, so a key is
 * judged with the registry as it stood when a record was written.
 */
import type { PublicJwk } from '@xr/crypto';
import { topics } from '@xr/exchange';
import { RegistryState, TrustAnchor, verifyRegistryRecord } from '@xr/registry';
import type { Anomaly } from './report.js';
import type { AuditSource } from './source.js';

export interface RegistryTimeline {
  /** The registry after its last record. */
  readonly final: RegistryState;
  /** The registry as it stood at log time `t` (ms): every record stamped at or before `t` applied. */
  at(t: number): RegistryState;
  readonly records: number;
}

export async function replayRegistry(source: AuditSource, trustAnchors: readonly PublicJwk[], anomalies: Anomaly[]): Promise<RegistryTimeline> {
  const anchor = new TrustAnchor(trustAnchors);
  const topic = topics(source.prefix).registry;
  const times: number[] = [];
  const states: RegistryState[] = [];
  let state = RegistryState.empty();
  const seen = new Map<string, string>();
  let records = 0;
  for await (const r of source.records(topic, 0)) {
    records++;
    const where = { topic, partition: 0, offset: r.offset };
    const verified = await verifyRegistryRecord(r.value, r.headers['xr-jws'], anchor);
    if (!verified.ok) {
      anomalies.push({ code: verified.code, ...where, message: `registry record refused: ${verified.message}` });
      continue;
    }
    const { record, hash } = verified.value;
    const before = seen.get(record.id);
    if (before !== undefined) {
      if (before !== hash) anomalies.push({ code: 'XR_DUPLICATE', ...where, message: `registry record id ${record.id} used again for other content (replay)` });
      continue;
    }
    const applied = state.apply(record);
    if (!applied.ok) {
      anomalies.push({ code: applied.code, ...where, message: `registry record ${record.id} (${record.type}) refused: ${applied.message}` });
      continue;
    }
    seen.set(record.id, hash);
    state = applied.value.state;
    times.push(r.timestamp);
    states.push(state);
  }
  const final = state;
  return {
    final,
    records,
    at: (t) => {
      // The last state stamped at or before t (timestamps of one partition only grow with LogAppendTime).
      let lo = 0;
      let hi = times.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (times[mid]! <= t) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? RegistryState.empty() : states[lo - 1]!;
    },
  };
}

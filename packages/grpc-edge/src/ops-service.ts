/** OpsService: counters for dashboards and tests. */
import type { ServerUnaryCall, sendUnaryData } from '@grpc/grpc-js';
import type { ExchangeGateway } from '@xr/exchange';
import type { OpsServiceHandlers, Stats } from '@xr/proto';

export function opsServiceHandlers(gateway: ExchangeGateway): OpsServiceHandlers {
  return {
    GetStats(_call: ServerUnaryCall<unknown, Stats>, callback: sendUnaryData<Stats>) {
      callback(null, {
        region: gateway.region,
        cases: gateway.projection.size,
        counters: gateway.counters.snapshot().map((c) => ({ name: c.name, labels: { ...c.labels }, value: c.value })),
        outboxes: gateway.outboxStatus().map((o) => ({
          target: o.target,
          backlog: o.backlog,
          delivered: o.delivered,
          lastError: o.lastError?.message ?? '',
          lastErrorAt: o.lastError?.at ?? '',
          failedAttempts: o.lastError?.attempts ?? 0,
        })),
        pipelineRunning: gateway.pipelineRunning,
        checkpoints: gateway.checkpoints().flatMap((c) => (c ? [{ origin: c.origin, size: c.size, rootHash: Buffer.from(c.rootHash).toString('base64'), note: c.note }] : [])),
      });
    },
  };
}

/**
 * The gateway's gauges, read when Prometheus scrapes: inbox lag per partition, outbox backlog per
 * partner, quarantine size, projection size, registry follower lag, pipeline running.
 */
import type { EventLog } from '@xr/event-log';
import type { ExchangeGateway, Topics } from '@xr/exchange';
import type { GaugeSpec } from '@xr/metrics';
import type { RegistryFollower } from '@xr/registry';

async function perPartition(log: EventLog, topic: string): Promise<number[]> {
  const partitions = await log.partitions(topic);
  return Promise.all(Array.from({ length: partitions }, (_, p) => log.endOffset(topic, p)));
}

export function gatewayGauges(gateway: ExchangeGateway, log: EventLog, t: Topics, follower: RegistryFollower | undefined): GaugeSpec[] {
  const inbox = t.inbox(gateway.region);
  const gauges: GaugeSpec[] = [
    {
      name: 'xr_inbox_lag_records',
      help: "Records in the region's inbox not yet committed by the pipeline, by partition",
      labelNames: ['partition'],
      read: async () => {
        const ends = await perPartition(log, inbox);
        // The pipeline's consumer group (`<inbox>.gateway`).
        return Promise.all(ends.map(async (end, p) => ({ labels: { partition: String(p) }, value: Math.max(0, end - ((await log.committed(`${inbox}.gateway`, inbox, p)) ?? 0)) })));
      },
    },
    { name: 'xr_outbox_backlog_records', help: 'Journaled records not yet delivered to a partner, by target region', labelNames: ['target'], read: () => gateway.outboxStatus().map((o) => ({ labels: { target: o.target }, value: o.backlog })) },
    { name: 'xr_quarantine_records', help: "Entries in the region's quarantine topic (an entry written twice counts twice)", read: async () => [{ value: (await perPartition(log, t.quarantine(gateway.region))).reduce((a, b) => a + b, 0) }] },
    { name: 'xr_projection_cases', help: "Cases in the region's projection", read: () => [{ value: gateway.projection.size }] },
    { name: 'xr_pipeline_running', help: '1 when the inbox pipeline runs (joined its group), else 0', read: () => [{ value: gateway.pipelineRunning ? 1 : 0 }] },
  ];
  if (follower) gauges.push(registryLagGauge(log, t.registry, follower));
  return gauges;
}

export function registryLagGauge(log: EventLog, topic: string, follower: RegistryFollower): GaugeSpec {
  return { name: 'xr_registry_follower_lag_records', help: 'Registry records not yet applied by this process', read: async () => [{ value: Math.max(0, (await log.endOffset(topic, 0)) - follower.stats.position) }] };
}

/** The registry never breaks its host: a throwing gauge or odd labels only leave a sample out. */
import { describe, expect, it } from 'vitest';
import { Counters } from '@xr/observability';
import { MetricsRegistry } from '../src/index.js';

describe('MetricsRegistry', () => {
  it('exports counters as they move, observations as histograms, and survives a failing gauge', async () => {
    const counters = new Counters();
    const metrics = new MetricsRegistry({
      counters,
      processMetrics: false,
      gauges: [
        { name: 'xr_broken', help: 'throws', read: () => { throw new Error('boom'); } },
        { name: 'xr_backlog_records', help: 'by target', labelNames: ['target'], read: async () => [{ labels: { target: '370200' }, value: 3 }] },
      ],
    });
    counters.inc('xr_delivered_total', { target: '370200' }, 2);
    counters.observe('xr_delivery_seconds', { target: '370200' }, 0.02);
    counters.observe('xr_unknown_seconds', {}, 1);
    counters.observe('xr_delivery_seconds', { unexpected: 'label' }, 1);
    let text = await metrics.text();
    expect(text).toMatch(/^xr_delivered_total\{target="370200"\} 2$/m);
    expect(text).toMatch(/^xr_delivery_seconds_bucket\{le="0.025",target="370200"\} 1$/m);
    expect(text).toMatch(/^xr_backlog_records\{target="370200"\} 3$/m);
    expect(text).not.toContain('xr_unknown_seconds');
    // prom-client writes NaN as `Nan`, which Prometheus parses (ParseFloat is case-blind).
    expect(text).toMatch(/^xr_broken nan$/im);
    counters.inc('xr_delivered_total', { target: '370200' });
    counters.inc('xr_delivered_total', { other: 'x' });
    text = await metrics.text();
    expect(text).toMatch(/^xr_delivered_total\{target="370200"\} 3$/m);
    metrics.close();
    counters.observe('xr_delivery_seconds', { target: '370200' }, 0.02);
    expect(await metrics.text()).toMatch(/^xr_delivery_seconds_count\{target="370200"\} 1$/m);
  });
});

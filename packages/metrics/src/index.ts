export { HISTOGRAMS } from './definitions.js';
export type { HistogramDefinition } from './definitions.js';
export { MetricsRegistry } from './registry.js';
export type { GaugeSample, GaugeSpec, MetricsRegistryOptions } from './registry.js';
export { serveMetrics, startMetricsServer } from './server.js';
export type { RunningMetricsServer } from './server.js';

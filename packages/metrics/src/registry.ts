/**
 * A process's Prometheus registry (prom-client): the process's `Counters` as counters (read at
 * scrape time), its observations as histograms, gauges read at scrape time, and the default
 * process metrics. Telemetry never crashes its host: a gauge that cannot be read is left out of
 * that scrape (NaN when it has no labels).
 */
import type { Counters, Labels, Logger } from '@xr/observability';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { HISTOGRAMS, type HistogramDefinition } from './definitions.js';

export interface GaugeSample {
  readonly labels?: Labels;
  readonly value: number;
}

/** A gauge read when scraped (`xr_outbox_backlog_records{target}`…). */
export interface GaugeSpec {
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly string[];
  read(): Promise<readonly GaugeSample[]> | readonly GaugeSample[];
}

export interface MetricsRegistryOptions {
  readonly counters: Counters;
  readonly gauges?: readonly GaugeSpec[];
  readonly logger?: Logger;
  /** Default true: process_cpu_seconds_total, nodejs_eventloop_lag_seconds… */
  readonly processMetrics?: boolean;
  /** Extra histograms besides HISTOGRAMS. */
  readonly histograms?: Readonly<Record<string, HistogramDefinition>>;
}

export class MetricsRegistry {
  readonly registry = new Registry();
  private readonly bridged = new Set<string>();
  private readonly histograms = new Map<string, Histogram>();
  private readonly detach: () => void;

  constructor(private readonly o: MetricsRegistryOptions) {
    if (o.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    for (const [name, d] of Object.entries({ ...HISTOGRAMS, ...o.histograms })) {
      this.histograms.set(name, new Histogram({ name, help: d.help, labelNames: [...d.labelNames], buckets: [...d.buckets], registers: [this.registry] }));
    }
    for (const g of o.gauges ?? []) this.gauge(g);
    this.detach = o.counters.attach({ observe: (name, labels, value) => this.histograms.get(name)?.observe({ ...labels }, value) });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text; counters first seen since the last scrape are registered now. */
  async text(): Promise<string> {
    this.bridgeCounters();
    return this.registry.metrics();
  }

  close(): void {
    this.detach();
  }

  private bridgeCounters(): void {
    const counters = this.o.counters;
    const logger = this.o.logger;
    for (const sample of counters.snapshot()) {
      if (this.bridged.has(sample.name)) continue;
      this.bridged.add(sample.name);
      const name = sample.name;
      try {
        new Counter({
          name,
          help: `${name.replace(/^xr_|_total$/g, '').replaceAll('_', ' ')} (xr counter)`,
          labelNames: Object.keys(sample.labels).sort(),
          registers: [this.registry],
          collect() {
            this.reset();
            for (const s of counters.snapshot()) {
              if (s.name !== name) continue;
              try {
                this.inc({ ...s.labels }, s.value);
              } catch {
                // a label set unlike the first one seen: left out
              }
            }
          },
        });
      } catch (error) {
        logger?.warn({ metric: name, err: error instanceof Error ? error.message : String(error) }, 'counter not exported');
      }
    }
  }

  private gauge(spec: GaugeSpec): void {
    const logger = this.o.logger;
    new Gauge({
      name: spec.name,
      help: spec.help,
      labelNames: [...(spec.labelNames ?? [])],
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          for (const s of await spec.read()) this.set({ ...s.labels }, s.value);
        } catch (error) {
          logger?.debug({ metric: spec.name, err: error instanceof Error ? error.message : String(error) }, 'gauge not read');
          // Unknown, not zero: an unlabelled gauge would otherwise read 0.
          if ((spec.labelNames ?? []).length === 0) this.set(Number.NaN);
        }
      },
    });
  }
}

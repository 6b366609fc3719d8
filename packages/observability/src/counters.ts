/** Counters by name and labels, cheap to bump on hot paths, read as a snapshot. Never throws. */
export type Labels = Readonly<Record<string, string>>;

export interface CounterSample {
  readonly name: string;
  readonly labels: Labels;
  readonly value: number;
}

function keyOf(name: string, labels: Labels): string {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k] ?? ''}`);
  return `${name}{${parts.join(',')}}`;
}

/**
 * Where observations (durations, sizes) go: the process that exposes metrics attaches one (a
 * Prometheus histogram per name); without one, observing costs a call and nothing else.
 */
export interface ObservationSink {
  observe(name: string, labels: Labels, value: number): void;
}

export class Counters {
  private readonly values = new Map<string, { name: string; labels: Labels; value: number }>();
  private readonly sinks = new Set<ObservationSink>();

  /**
   * One observation of a distribution (`xr_pipeline_batch_seconds`, base units): forwarded to the
   * attached sinks, not kept. A failing sink is ignored: telemetry never crashes its host.
   */
  observe(name: string, labels: Labels, value: number): void {
    for (const sink of this.sinks) {
      try {
        sink.observe(name, labels, value);
      } catch {
        // ignored on purpose
      }
    }
  }

  /** Starts forwarding observations to `sink`; returns the detach function. */
  attach(sink: ObservationSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  inc(name: string, labels: Labels = {}, by = 1): void {
    const key = keyOf(name, labels);
    const found = this.values.get(key);
    if (found) found.value += by;
    else this.values.set(key, { name, labels: { ...labels }, value: by });
  }

  get(name: string, labels: Labels = {}): number {
    return this.values.get(keyOf(name, labels))?.value ?? 0;
  }

  /** Sum over every label set of a counter. */
  total(name: string): number {
    let sum = 0;
    for (const v of this.values.values()) if (v.name === name) sum += v.value;
    return sum;
  }

  snapshot(): CounterSample[] {
    return [...this.values.values()].map((v) => ({ name: v.name, labels: v.labels, value: v.value }));
  }
}

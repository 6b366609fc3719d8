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

export class Counters {
  private readonly values = new Map<string, { name: string; labels: Labels; value: number }>();

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

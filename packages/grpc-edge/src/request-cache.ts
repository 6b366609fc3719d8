/**
 * Client request ids: the same id returns the same (possibly still pending) result and makes no
 * second event. Bounded; the oldest ids are forgotten first.
 */
export class RequestCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  get(id: string, make: () => Promise<T>): Promise<T> {
    const found = this.entries.get(id);
    if (found) return found;
    const made = make();
    this.entries.set(id, made);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return made;
  }
}

/**
 * Client request ids: the same request again returns the same (possibly still pending) result and
 * makes no second event. Keyed by caller, RPC, request id and the request's fingerprint, so
 * another RPC or another body under the same id goes to the gateway, which refuses it from the
 * journal. Only final outcomes stay: a retryable one (UNAVAILABLE) is dropped when it arrives, so
 * the retry asks again. Bounded; the oldest entries are forgotten first (the journal still answers).
 */
export class RequestCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(
    private readonly capacity: number,
    /** Whether an outcome may be given again to a retry; a transient failure may not. */
    private readonly final: (outcome: T) => boolean,
  ) {}

  get(key: string, make: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found) return found;
    const made = make();
    this.entries.set(key, made);
    const forget = (): void => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    };
    made.then((outcome) => (this.final(outcome) ? undefined : forget()), forget);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return made;
  }
}

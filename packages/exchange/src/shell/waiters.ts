/**
 * The request broker: gRPC callers waiting for the outcome of an event, by event id (two clients
 * may send the same request id at once). It holds promises only; every answer comes from the
 * journal-derived state through `outcomes`.
 */
import { fail, type CaseState, type Result } from '@xr/domain';
import type { Settlement } from '../core/outcomes.js';
import { requestConflict, type ClientRequest } from '../requests.js';

interface Waiter {
  readonly request?: ClientRequest;
  readonly resolve: (outcome: Result<CaseState>) => void;
}

export class Waiters {
  private readonly waiting = new Map<string, Waiter[]>();

  /** `firstRequest`: the client request the journal names for an event id. */
  constructor(private readonly firstRequest: (eventId: string) => ClientRequest | undefined) {}

  /**
   * Waits for the event's outcome, at most `timeoutMs`. `send` writes the event; its failure
   * answers the caller at once. The returned promise never rejects.
   */
  wait(eventId: string, request: ClientRequest | undefined, timeoutMs: number, send: () => Promise<void>): Promise<Result<CaseState>> {
    let waiter!: Waiter;
    const outcome = new Promise<Result<CaseState>>((resolve) => {
      const timer = setTimeout(() => {
        this.remove(eventId, waiter);
        resolve(fail('XR_UNAVAILABLE', `no outcome for event ${eventId} within ${timeoutMs} ms; it may still be applied (retry with the same request_id)`));
      }, timeoutMs);
      waiter = {
        ...(request ? { request } : {}),
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      };
    });
    this.waiting.set(eventId, [...(this.waiting.get(eventId) ?? []), waiter]);
    send().catch((error: unknown) => {
      this.remove(eventId, waiter);
      waiter.resolve(fail('XR_UNAVAILABLE', `could not write to the inbox: ${error instanceof Error ? error.message : String(error)}`));
    });
    return outcome;
  }

  apply(settlements: readonly Settlement[]): void {
    for (const s of settlements) {
      if (s.kind === 'settle') this.settle(s.eventId, s.outcome);
      else this.refuseConflicts(s.eventId);
    }
  }

  /** Answers everyone still waiting (shutdown). */
  abandon(outcome: Result<CaseState>): void {
    for (const waiter of [...this.waiting.values()].flat()) waiter.resolve(outcome);
    this.waiting.clear();
  }

  get size(): number {
    return this.waiting.size;
  }

  private settle(eventId: string, outcome: Result<CaseState>): void {
    const waiting = this.waiting.get(eventId);
    if (!waiting) return;
    this.waiting.delete(eventId);
    const first = this.firstRequest(eventId);
    for (const waiter of waiting) waiter.resolve(requestConflict(first, waiter.request) ?? outcome);
  }

  private refuseConflicts(eventId: string): void {
    const first = this.firstRequest(eventId);
    const staying = (this.waiting.get(eventId) ?? []).filter((waiter) => {
      const conflict = requestConflict(first, waiter.request);
      if (conflict) waiter.resolve(conflict);
      return !conflict;
    });
    if (staying.length > 0) this.waiting.set(eventId, staying);
    else this.waiting.delete(eventId);
  }

  private remove(eventId: string, waiter: Waiter): void {
    const staying = (this.waiting.get(eventId) ?? []).filter((w) => w !== waiter);
    if (staying.length > 0) this.waiting.set(eventId, staying);
    else this.waiting.delete(eventId);
  }
}

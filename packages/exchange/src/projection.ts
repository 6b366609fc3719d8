/**
 * Cases as this region knows them, rebuilt from its journal. Watchers hear every change of a case.
 */
import { EventEmitter } from 'node:events';
import { evolve, type CaseState, type Envelope } from '@xr/domain';

const ANY = Symbol('any case');

export class CaseProjection {
  private cases = new Map<string, CaseState>();
  private readonly changes = new EventEmitter();

  constructor() {
    this.changes.setMaxListeners(0);
  }

  get(caseId: string): CaseState | undefined {
    return this.cases.get(caseId);
  }

  apply(event: Envelope): CaseState {
    const next = evolve(this.cases.get(event.caseId), event);
    this.cases.set(event.caseId, next);
    this.changes.emit(event.caseId, next);
    this.changes.emit(ANY, next);
    return next;
  }

  /** Calls `listener` on every change of the case until the returned function is called. */
  watch(caseId: string, listener: (state: CaseState) => void): () => void {
    this.changes.on(caseId, listener);
    return () => this.changes.off(caseId, listener);
  }

  /** Calls `listener` on every change of any case until the returned function is called. */
  watchAll(listener: (state: CaseState) => void): () => void {
    this.changes.on(ANY, listener);
    return () => this.changes.off(ANY, listener);
  }

  /** The cases by id, live (a snapshot reads it while nothing is applied). */
  entries(): ReadonlyMap<string, CaseState> {
    return this.cases;
  }

  /** Takes over the cases of a loaded snapshot (at start, before anything is applied or watched changes). */
  restore(cases: Map<string, CaseState>): void {
    this.cases = cases;
  }

  all(): IterableIterator<CaseState> {
    return this.cases.values();
  }

  get size(): number {
    return this.cases.size;
  }
}

/**
 * What a witness holds per origin: the latest checkpoint it cosigned (size, root, the cosigned
 * note) and a bounded window of earlier ones, so a checkpoint of an older size that contradicts one
 * it cosigned is recognised as a fork rather than merely stale.
 */

export interface Cosigned {
  readonly size: number;
  readonly root: Uint8Array;
  /** The cosigned note (the `cosignature` record's value). */
  readonly note: string;
}

export interface OriginState {
  readonly latest: Cosigned;
  /** Cosigned checkpoints by size, the latest included, at most `RECENT_KEPT`. */
  readonly recent: ReadonlyMap<number, Cosigned>;
}

/** How many earlier cosigned sizes an origin remembers (one checkpoint every 2 s: over 30 minutes). */
export const RECENT_KEPT = 1024;

/** The state once `cosigned` is added (a new value); an older or equal size never replaces the latest. */
export function remember(state: OriginState | undefined, cosigned: Cosigned): OriginState {
  return absorb(state ? { latest: state.latest, recent: new Map(state.recent) } : undefined, cosigned);
}

/**
 * `remember` in place, for a state nobody else holds (rebuilding from the topic: no copy per record).
 * The window forgets the earliest cosigned first (sizes are cosigned in increasing order).
 */
export function absorb(state: OriginState | undefined, cosigned: Cosigned): OriginState {
  const recent = (state?.recent as Map<number, Cosigned> | undefined) ?? new Map<number, Cosigned>();
  recent.delete(cosigned.size);
  recent.set(cosigned.size, cosigned);
  while (recent.size > RECENT_KEPT) {
    const first = recent.keys().next();
    if (first.done) break;
    recent.delete(first.value);
  }
  const latest = state && state.latest.size > cosigned.size ? state.latest : cosigned;
  return { latest, recent };
}

/** The cosigned checkpoint of that size, when still remembered. */
export function rootAt(state: OriginState, size: number): Cosigned | undefined {
  return state.recent.get(size);
}

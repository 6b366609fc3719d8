/**
 * How a gateway signs its events — a configured mode, both checked by every receiver:
 *   `event`:  one RFC 7797 detached JWS per event (`xr-jws`; journal `eventJws`);
 *   `sealed`: one signed note per batch of events to a partner, each event with its tlog-proof
 *             (`xr-seal`; journal `eventSeal`; see seal.ts).
 * A receiver accepts either from any partner, so regions may change mode independently.
 */
import { signDetached, type SigningKey } from '@xr/crypto';
import type { Envelope, JournalRecord } from '@xr/domain';
import { SEAL_HEADER, Sealer } from './seal.js';
import { JWS_HEADER } from './topics.js';

export const SIGNING_MODES = ['event', 'sealed'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

/** What proves an event came from its sender: its JWS, or its seal. */
export type EventProof = { readonly jws: string; readonly seal?: undefined } | { readonly seal: string; readonly jws?: undefined };

/** An envelope with its RFC 8785 bytes. */
export interface Unsigned {
  readonly event: Envelope;
  readonly bytes: Uint8Array;
}

export interface EventSigner {
  readonly mode: SigningMode;
  /** Proofs of a batch of events (a step's reactions), in order: in sealed mode one note per target. */
  signAll(items: readonly Unsigned[]): Promise<EventProof[]>;
  /**
   * The proof of one event (a request of our own systems). In sealed mode the calls made in the
   * same turn of the event loop share one note (concurrent requests), at the cost of that turn.
   */
  sign(item: Unsigned): Promise<EventProof>;
}

export function eventSigner(mode: SigningMode, key: SigningKey): EventSigner {
  if (mode === 'event') {
    const sign = async (item: Unsigned): Promise<EventProof> => ({ jws: await signDetached(item.bytes, key) });
    return { mode, sign, signAll: (items) => Promise.all(items.map(sign)) };
  }
  const sealer = new Sealer(key);
  let queue: { item: Unsigned; resolve: (p: EventProof) => void; reject: (e: unknown) => void }[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    try {
      const seals = sealer.seal(batch.map(({ item }) => ({ target: item.event.target, bytes: item.bytes })));
      batch.forEach((b, i) => b.resolve({ seal: seals[i]! }));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };
  return {
    mode,
    signAll: (items) => Promise.resolve(sealer.seal(items.map(({ event, bytes }) => ({ target: event.target, bytes }))).map((seal) => ({ seal }))),
    sign: (item) =>
      new Promise((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ item, resolve, reject });
      }),
  };
}

/** The record headers that carry a proof. */
export function proofHeaders(proof: EventProof): Record<string, string> {
  return proof.seal !== undefined ? { [SEAL_HEADER]: proof.seal } : { [JWS_HEADER]: proof.jws };
}

/** The journal record members that keep a proof. */
export function proofFields(proof: EventProof): { eventJws: string } | { eventSeal: string } {
  return proof.seal !== undefined ? { eventSeal: proof.seal } : { eventJws: proof.jws };
}

/** The proof a journal record keeps. */
export function proofOf(record: Pick<JournalRecord, 'eventJws' | 'eventSeal'>): EventProof {
  if (record.eventSeal !== undefined) return { seal: record.eventSeal };
  return { jws: record.eventJws ?? '' };
}

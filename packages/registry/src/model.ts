/** What the registry holds, as immutable values. Changed only by `applyRecord`, queried through `RegistryState`. */
import type { PublicJwk, VerificationKey } from '@xr/crypto';
import type { CalendarYear } from '@xr/domain';
import type { Contact, PolicyWitness } from './record.js';

export interface KeyEntry {
  readonly jwk: PublicJwk;
  /** Parsed once (a cached KeyObject) when the record that brought it was applied. */
  readonly key: VerificationKey;
  readonly generation: number;
  /** Time of the record that registered the key. */
  readonly addedAt: string;
  /** Set by a rotation: the key verifies records signed before this time only. */
  readonly validUntil?: string;
  /** Set by a revocation: the key refuses records signed at or after this time. */
  readonly revokedAt?: string;
}

export interface PartnerEntry {
  readonly region: string;
  readonly name: string;
  readonly contact: Contact;
  readonly catalog?: Readonly<Record<string, unknown>>;
  /** Canonical JSON of the registration payload: registering again with the same content is a no-op. */
  readonly registration: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly suspended?: { readonly reason: string; readonly since: string };
  readonly keys: readonly KeyEntry[];
  /** Issuer region → certificate types this region accepts from it. */
  readonly recognitions: ReadonlyMap<string, readonly string[]>;
  /** Set by `witness.policy.set`: when this region's checkpoints count as witnessed. */
  readonly witnessPolicy?: { readonly quorum: number; readonly witnesses: readonly PolicyWitness[]; readonly content: string; readonly recordId: string; readonly setAt: string };
}

/** A year's published holiday schedule and the record that published it. */
export interface CalendarEntry {
  readonly year: CalendarYear;
  /** Canonical JSON of the payload: publishing the same schedule again is a no-op. */
  readonly content: string;
  readonly recordId: string;
  readonly publishedAt: string;
  readonly admin: string;
}

export interface RegistryData {
  readonly partners: ReadonlyMap<string, PartnerEntry>;
  /** Published holiday schedules by year; a later publication of a year replaces the earlier one. */
  readonly calendars: ReadonlyMap<number, CalendarEntry>;
  /** Records applied (including no-ops); refused records are not counted. */
  readonly applied: number;
  readonly lastRecordId?: string;
}

export const EMPTY_REGISTRY: RegistryData = { partners: new Map(), calendars: new Map(), applied: 0 };

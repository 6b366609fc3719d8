/**
 * The partner registry at one position of the registry topic: an immutable value. `apply` returns
 * the next state (or a refusal); the queries answer what gateways and the admin service ask.
 *
 * Time semantics of `keyFor(kid, signedAt, { receivedAt })`:
 * - `signedAt` is the time written in the record being verified (the envelope's `time`), which its
 *   sender signs; rotation and revocation are judged against it, not against the reader's clock:
 *   a key revoked with effectiveAt E refuses records signed at or after E and still verifies
 *   earlier ones; a key rotated with overlapUntil U verifies records signed before U only.
 * - A sender holding a revoked key could write an old `time` to dodge the revocation. When the
 *   caller passes `receivedAt` (the log's timestamp of the record, stamped by the broker: such
 *   topics are LogAppendTime, see `ensureLogAppendTime`), the time used is
 *   max(signedAt, receivedAt − maxBackdate): a record gains at most maxBackdate (default 10 min)
 *   by backdating. The price: a genuine record delivered more than maxBackdate after it was
 *   signed (a long outage, then redelivery) is judged at receivedAt − maxBackdate, so it is
 *   refused if the key was revoked or rotated out by then. Keys with neither are unaffected.
 * - An unparseable `signedAt` counts as +∞: it never escapes a revocation or rotation.
 * - Suspension is a switch, not a time range: while a partner is suspended, nothing of it verifies,
 *   whatever its time; after partner.resumed everything verifies again by the key rules. The
 *   refused records are quarantined with their bytes and can be re-driven.
 * - The registry is only as current as its reader: a record read before the reader has applied a
 *   revocation is judged without it (the follower's lag; see RegistryFollower).
 */
import { parseKid, type PublicJwk, type VerificationKey } from '@xr/crypto';
import type { CalendarYear, Result } from '@xr/domain';
import { applyRecord } from './apply.js';
import { EMPTY_REGISTRY, type KeyEntry, type PartnerEntry, type RegistryData } from './model.js';
import type { Contact, RegistryRecord } from './record.js';
import { instant } from './time.js';
import type { WitnessPolicy } from './witness-policy.js';

export const DEFAULT_MAX_BACKDATE_MS = 10 * 60_000;

export type KeyForResult =
  | { readonly ok: true; readonly key: VerificationKey; readonly region: string }
  | { readonly ok: false; readonly code: 'XR_KEY_UNKNOWN' | 'XR_KEY_REVOKED' | 'XR_KEY_ROTATED_OUT' | 'XR_PARTNER_SUSPENDED'; readonly reason: string };

export interface KeyForOptions {
  /** When the log received the record (RFC 3339 or epoch ms): bounds backdating. */
  readonly receivedAt?: string | number;
  /** Overrides the state's maxBackdateMs for this call. */
  readonly maxBackdateMs?: number;
}

export type KeyStatus = 'active' | 'rotating-out' | 'rotated-out' | 'revoked';

export interface KeyView {
  readonly kid: string;
  readonly jwk: PublicJwk;
  readonly generation: number;
  readonly addedAt: string;
  readonly validUntil?: string;
  readonly revokedAt?: string;
}

export interface PartnerView {
  readonly region: string;
  readonly name: string;
  readonly status: 'active' | 'suspended';
  readonly suspendedReason?: string;
  readonly suspendedSince?: string;
  readonly contact: Contact;
  readonly catalog?: Readonly<Record<string, unknown>>;
  readonly keys: readonly KeyView[];
  /** Certificate types this region accepts, by issuing region. */
  readonly recognitions: readonly { readonly issuer: string; readonly certificateTypes: readonly string[] }[];
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export interface CalendarView {
  readonly year: CalendarYear;
  readonly recordId: string;
  readonly publishedAt: string;
  readonly admin: string;
}

export type ApplyResult = Result<{ readonly state: RegistryState; readonly changed: boolean }>;

/** A key's standing at a time (for listings; verification uses `keyFor`). */
export function keyStatus(key: Pick<KeyView, 'validUntil' | 'revokedAt'>, at: string | number): KeyStatus {
  const t = instant(at);
  if (key.revokedAt !== undefined && t >= instant(key.revokedAt)) return 'revoked';
  if (key.validUntil === undefined) return 'active';
  return t >= instant(key.validUntil) ? 'rotated-out' : 'rotating-out';
}

function view(p: PartnerEntry): PartnerView {
  return {
    region: p.region,
    name: p.name,
    status: p.suspended ? 'suspended' : 'active',
    ...(p.suspended ? { suspendedReason: p.suspended.reason, suspendedSince: p.suspended.since } : {}),
    contact: p.contact,
    ...(p.catalog === undefined ? {} : { catalog: p.catalog }),
    keys: p.keys.map((k: KeyEntry) => ({
      kid: k.jwk.kid,
      jwk: k.jwk,
      generation: k.generation,
      addedAt: k.addedAt,
      ...(k.validUntil === undefined ? {} : { validUntil: k.validUntil }),
      ...(k.revokedAt === undefined ? {} : { revokedAt: k.revokedAt }),
    })),
    recognitions: [...p.recognitions].sort(([a], [b]) => a.localeCompare(b)).map(([issuer, certificateTypes]) => ({ issuer, certificateTypes })),
    registeredAt: p.registeredAt,
    updatedAt: p.updatedAt,
  };
}

export class RegistryState {
  private constructor(
    private readonly data: RegistryData,
    readonly maxBackdateMs: number,
  ) {}

  static empty(options: { readonly maxBackdateMs?: number } = {}): RegistryState {
    return new RegistryState(EMPTY_REGISTRY, options.maxBackdateMs ?? DEFAULT_MAX_BACKDATE_MS);
  }

  /** The next state, or why the record is refused. The record must be schema-valid (see verifyRegistryRecord). */
  apply(record: RegistryRecord): ApplyResult {
    const result = applyRecord(this.data, record);
    if (!result.ok) return result;
    return { ok: true, value: { state: new RegistryState(result.value.data, this.maxBackdateMs), changed: result.value.changed } };
  }

  /** Records applied so far (no-ops included). */
  get applied(): number {
    return this.data.applied;
  }

  get lastRecordId(): string | undefined {
    return this.data.lastRecordId;
  }

  keyFor(kid: string, signedAt: string, options: KeyForOptions = {}): KeyForResult {
    const region = parseKid(kid)?.region;
    const partner = region === undefined ? undefined : this.data.partners.get(region);
    const entry = partner?.keys.find((k) => k.jwk.kid === kid);
    if (!partner || !entry) return { ok: false, code: 'XR_KEY_UNKNOWN', reason: `no registered key ${kid}` };
    if (partner.suspended) return { ok: false, code: 'XR_PARTNER_SUSPENDED', reason: `partner ${partner.region} is suspended since ${partner.suspended.since}: ${partner.suspended.reason}` };
    // A key neither revoked nor rotated out verifies whatever the times (no need to read them: this
    // runs for every record a gateway receives and every event an auditor checks).
    if (entry.revokedAt === undefined && entry.validUntil === undefined) return { ok: true, key: entry.key, region: partner.region };
    let t = instant(signedAt);
    if (Number.isNaN(t)) t = Number.POSITIVE_INFINITY;
    if (options.receivedAt !== undefined) {
      const floor = instant(options.receivedAt) - (options.maxBackdateMs ?? this.maxBackdateMs);
      if (!Number.isNaN(floor)) t = Math.max(t, floor);
    }
    if (entry.revokedAt !== undefined && t >= instant(entry.revokedAt)) {
      return { ok: false, code: 'XR_KEY_REVOKED', reason: `key ${kid} is revoked for records signed from ${entry.revokedAt} (this one: ${signedAt})` };
    }
    if (entry.validUntil !== undefined && t >= instant(entry.validUntil)) {
      return { ok: false, code: 'XR_KEY_ROTATED_OUT', reason: `key ${kid} was rotated out; it verifies records signed before ${entry.validUntil} (this one: ${signedAt})` };
    }
    return { ok: true, key: entry.key, region: partner.region };
  }

  partners(): PartnerView[] {
    return [...this.data.partners.values()].sort((a, b) => a.region.localeCompare(b.region)).map(view);
  }

  partner(region: string): PartnerView | undefined {
    const p = this.data.partners.get(region);
    return p ? view(p) : undefined;
  }

  isRegistered(region: string): boolean {
    return this.data.partners.has(region);
  }

  /** Registered and not suspended. */
  isActive(region: string): boolean {
    const p = this.data.partners.get(region);
    return p !== undefined && !p.suspended;
  }

  /** Regions that are registered and not suspended. */
  activeRegions(): Set<string> {
    return new Set([...this.data.partners.values()].filter((p) => !p.suspended).map((p) => p.region));
  }

  /**
   * True when region `x` accepts certificates of `type` issued by region `y` (a recognition
   * agreement). The agreement only: whether a certificate's signature and status hold is checked
   * with `keyFor` and the status topic.
   */
  recognises(x: string, y: string, type: string): boolean {
    return this.data.partners.get(x)?.recognitions.get(y)?.includes(type) ?? false;
  }

  /**
   * When a checkpoint of `region` counts as witnessed: the policy its `witness.policy.set` record
   * set, or the default, every other registered and not suspended region with quorum 1 (quorum 0
   * when there is none). Undefined for an unregistered region.
   */
  witnessPolicy(region: string): WitnessPolicy | undefined {
    const p = this.data.partners.get(region);
    if (!p) return undefined;
    if (p.witnessPolicy) {
      const { quorum, witnesses, recordId, setAt } = p.witnessPolicy;
      return { region, quorum, witnesses, isDefault: false, recordId, setAt };
    }
    const others = [...this.activeRegions()].filter((r) => r !== region).sort();
    return { region, quorum: Math.min(1, others.length), witnesses: others.map((r) => ({ region: r })), isDefault: true };
  }

  /** The holiday schedules published through the registry, by year. */
  calendars(): CalendarView[] {
    return [...this.data.calendars.values()].sort((a, b) => a.year.year - b.year.year).map((c) => ({ year: c.year, recordId: c.recordId, publishedAt: c.publishedAt, admin: c.admin }));
  }

  catalogOf(region: string): Readonly<Record<string, unknown>> | undefined {
    return this.data.partners.get(region)?.catalog;
  }

  /**
   * Every key ever registered for `region`, revoked and rotated-out ones included, oldest first
   * (suspension does not hide them): to find which key signed a note; `keyFor` judges validity.
   */
  regionKeys(region: string): VerificationKey[] {
    return this.data.partners.get(region)?.keys.map((k) => k.key) ?? [];
  }

  /** Public keys of active partners that verify records signed at `at` (e.g. to fill a KeyRing). */
  verifyingKeys(at: string | number): PublicJwk[] {
    return [...this.data.partners.values()]
      .filter((p) => !p.suspended)
      .flatMap((p) => p.keys.filter((k) => keyStatus(k, at) === 'active' || keyStatus(k, at) === 'rotating-out').map((k) => k.jwk));
  }

  /** The earliest rotation or revocation time after `at`: when `verifyingKeys` next changes by itself. */
  nextKeyChange(at: string | number): number | undefined {
    const t = instant(at);
    const times = [...this.data.partners.values()].flatMap((p) => p.keys.flatMap((k) => [k.validUntil, k.revokedAt])).filter((x): x is string => x !== undefined).map(instant).filter((x) => x > t);
    return times.length === 0 ? undefined : Math.min(...times);
  }
}

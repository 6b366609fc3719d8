/**
 * Registry records: an envelope around one change to the partner registry. Stored as RFC 8785
 * canonical JSON in the registry topic (one partition, so one order for every reader), with the
 * admin's detached JWS over those bytes in the `xr-jws` header.
 */
import type { PublicJwk } from '@xr/crypto';

export const REGISTRY_RECORD_TYPES = ['partner.registered', 'key.rotated', 'key.revoked', 'partner.suspended', 'partner.resumed', 'recognition.set', 'calendar.published', 'witness.policy.set'] as const;

export type RegistryRecordType = (typeof REGISTRY_RECORD_TYPES)[number];

/** Header carrying the admin's detached JWS (the same name the exchange uses for events). */
export const REGISTRY_JWS_HEADER = 'xr-jws';

export interface Contact {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
}

export interface PartnerRegistered {
  readonly region: string;
  readonly name: string;
  /** JWKS of the region's Ed25519 public keys; each kid names the region. */
  readonly keys: { readonly keys: readonly PublicJwk[] };
  /** The region's item catalog (schema defined with the catalog). */
  readonly catalog?: Readonly<Record<string, unknown>>;
  readonly contact: Contact;
}

export interface KeyRotated {
  readonly region: string;
  readonly newKey: PublicJwk;
  /** Older keys of the region verify records signed before this time. */
  readonly overlapUntil: string;
}

export interface KeyRevoked {
  readonly region: string;
  readonly kid: string;
  /** Records signed at or after this time are refused; earlier ones still verify. */
  readonly effectiveAt: string;
}

export interface PartnerSuspended {
  readonly region: string;
  readonly reason: string;
}

export interface PartnerResumed {
  readonly region: string;
}

export interface RecognitionSet {
  /** The recognising region (X). */
  readonly region: string;
  /** The issuing region (Y). */
  readonly issuer: string;
  readonly certificateTypes: readonly string[];
}

/**
 * A witness in a policy: a partner region, or an outside witness by its C2SP verifier key (type
 * 0x04). `url` is informational (the tlog-policy `witness` line): gateways submit checkpoints to
 * their configured `checkpoints.witnesses`, not to it.
 */
export type PolicyWitness = { readonly region: string } | { readonly name: string; readonly verifierKey: string; readonly url?: string };

/** When a checkpoint of `region` counts as witnessed: `quorum` of `witnesses` cosigned it. Replaces the region's earlier policy. */
export interface WitnessPolicySet {
  readonly region: string;
  readonly quorum: number;
  readonly witnesses: readonly PolicyWitness[];
}

/**
 * A year's holiday schedule as the State Council's notice states it (schemas/calendar-year.v1.json):
 * every gateway counts working days with it from the moment it is applied. Not about one region:
 * its record key is `calendar`.
 */
export interface CalendarPublished {
  readonly year: number;
  readonly notice: { readonly title: string; readonly date: string };
  readonly periods: readonly { readonly name: string; readonly daysOff: readonly string[]; readonly worked: readonly string[] }[];
}

export interface RegistryPayloads {
  'partner.registered': PartnerRegistered;
  'key.rotated': KeyRotated;
  'key.revoked': KeyRevoked;
  'partner.suspended': PartnerSuspended;
  'partner.resumed': PartnerResumed;
  'recognition.set': RecognitionSet;
  'calendar.published': CalendarPublished;
  'witness.policy.set': WitnessPolicySet;
}

/** The region a record is about; undefined for records about every region (a holiday schedule). */
export function recordRegion(record: { readonly type: RegistryRecordType; readonly payload: unknown }): string | undefined {
  return record.type === 'calendar.published' ? undefined : (record.payload as { region: string }).region;
}

/** The record's key in the registry topic: its region, or `calendar` for a holiday schedule. */
export function recordKey(record: { readonly type: RegistryRecordType; readonly payload: unknown }): string {
  return recordRegion(record) ?? 'calendar';
}

export interface RecordOf<T extends RegistryRecordType> {
  /** UUIDv7, or UUIDv8 when a client request id fixed it (docs/WIRE.md, "Ids"). */
  readonly id: string;
  readonly type: T;
  /** Schema version of the payload. */
  readonly v: number;
  /** RFC 3339 time the admin made the record. */
  readonly time: string;
  /** kid of the admin key that signed it (`admin-<name>.k<n>`). */
  readonly admin: string;
  readonly payload: RegistryPayloads[T];
}

export type RegistryRecord = { [T in RegistryRecordType]: RecordOf<T> }[RegistryRecordType];

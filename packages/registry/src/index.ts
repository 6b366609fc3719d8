export { REGISTRY_ERROR_CODES, isRegistryErrorCode, problem } from './codes.js';
export type { RegistryCode, RegistryErrorCode, RegistryProblem } from './codes.js';
export { ADMIN_REGION, TrustAnchor, adminKid, parseAdminKid } from './admin-keys.js';
export { REGISTRY_JWS_HEADER, REGISTRY_RECORD_TYPES, recordKey, recordRegion } from './record.js';
export type {
  CalendarPublished,
  Contact,
  KeyRevoked,
  KeyRotated,
  PartnerRegistered,
  PartnerResumed,
  PartnerSuspended,
  PolicyWitness,
  RecognitionSet,
  RecordOf,
  RegistryPayloads,
  RegistryRecord,
  RegistryRecordType,
  WitnessPolicySet,
} from './record.js';
export { checkWitnessPolicy, formatTlogPolicy, policyWitnessName } from './witness-policy.js';
export type { TlogPolicyKeys, WitnessPolicy } from './witness-policy.js';
export { witnessPolicyText } from './witness-policy-keys.js';
export { recordIdFor, REGISTRY_ID_NAMESPACE, uuidv7 } from './ids.js';
export { validateRecord } from './schemas.js';
export type { Checked } from './schemas.js';
export { encodeRecord, verifyRegistryRecord } from './verify.js';
export type { VerifiedRecord } from './verify.js';
export { DEFAULT_MAX_BACKDATE_MS, RegistryState, keyStatus } from './state.js';
export type { ApplyResult, CalendarView, KeyForOptions, KeyForResult, KeyStatus, KeyView, PartnerView } from './state.js';
export { RegistryFollower } from './follower.js';
export { calendarFrom } from './calendar-source.js';
export type { FollowerStats, RecordOutcome, RefusedRecord, RegistryFollowerOptions, RegistryListener } from './follower.js';
export { RegistryWriter } from './writer.js';
export type { AppendOutcome, RegistryWriterOptions } from './writer.js';
export { registryKeySource } from './key-source.js';
export type { KeySourceOptions, RegistryKeySource } from './key-source.js';
export { registryTrust } from './trust.js';
export { syncKeyRing } from './key-ring-sync.js';
export type { KeyRingSyncOptions, MutableKeyRing } from './key-ring-sync.js';

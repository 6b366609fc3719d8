export { StatusState } from './state.js';
export type { AppliedChange, CertificateStatus, StatusApplied, StatusChange } from './state.js';
export { openStatusRecord, signStatusRecord } from './record.js';
export type { SignedStatusRecord, StatusRecord } from './record.js';
export { StatusFollower } from './follower.js';
export type { StatusFollowerOptions, StatusFreshness } from './follower.js';
export { StatusWriter } from './writer.js';
export { StatusPublisher, issuedRecord } from './publisher.js';
export type { StatusPublisherOptions } from './publisher.js';

/**
 * Journal records as bytes: canonical JSON, hashed for the chain. A journal record itself is not
 * signed: what is signed is each event inside it (the sender's detached JWS, kept as `eventJws`);
 * the chain (`prev`) only makes a change to an earlier record visible to whoever replays it.
 */
import { canonicalBytes, sha256Hex } from '@xr/crypto';
import type { Envelope, JournalRecord } from '@xr/domain';

const decoder = new TextDecoder();

export function encodeJournalRecord(record: JournalRecord): Uint8Array {
  return canonicalBytes(record);
}

export function decodeJournalRecord(bytes: Uint8Array): JournalRecord {
  return JSON.parse(decoder.decode(bytes)) as JournalRecord;
}

export function hashRecord(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

export function encodeEnvelope(event: Envelope): Uint8Array {
  return canonicalBytes(event);
}

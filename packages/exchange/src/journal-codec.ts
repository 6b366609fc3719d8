/**
 * Journal records as bytes: canonical JSON, hashed for the chain. A journal record itself is not
 * signed: what is signed is each event inside it (the sender's detached JWS, kept as `eventJws`);
 * the chain (`prev`) only makes a change to an earlier record visible to whoever replays it.
 */
import { canonicalBytes, canonicalJson, sha256Hex } from '@xr/crypto';
import type { Envelope, JournalRecord } from '@xr/domain';

const decoder = new TextDecoder();

const encoder = new TextEncoder();
const EVENT_SLOT = '"event":0';

/**
 * A journal record's canonical bytes. Given the event's RFC 8785 bytes (the step holds them: the
 * inbox value it verified, or the bytes it signed), they are spliced in rather than serialised
 * again: the record is canonicalised with `event` set to 0, and `"event":0` — unique, since every
 * other quote in the text is a member name's or escaped inside a string — replaced by them.
 */
export function encodeJournalRecord(record: JournalRecord, eventBytes?: Uint8Array): Uint8Array {
  if (!eventBytes) return canonicalBytes(record);
  const text = canonicalJson({ ...record, event: 0 });
  const at = text.indexOf(EVENT_SLOT);
  const head = encoder.encode(text.slice(0, at + EVENT_SLOT.length - 1));
  const tail = encoder.encode(text.slice(at + EVENT_SLOT.length));
  const out = new Uint8Array(head.length + eventBytes.length + tail.length);
  out.set(head, 0);
  out.set(eventBytes, head.length);
  out.set(tail, head.length + eventBytes.length);
  return out;
}

/**
 * The event's bytes inside a journal record's canonical bytes (what its sender signed), without
 * serialising it again: members are sorted, so the event runs from `"event":` to the proof member
 * after it (the last such marker: nothing after it holds an unescaped quote).
 */
export function eventBytesOf(recordBytes: Uint8Array, record: Pick<JournalRecord, 'eventSeal'>): Uint8Array {
  const buf = Buffer.from(recordBytes.buffer, recordBytes.byteOffset, recordBytes.byteLength);
  const start = buf.indexOf(EVENT_START) + EVENT_START.length;
  const end = buf.lastIndexOf(record.eventSeal !== undefined ? SEAL_END : JWS_END);
  return recordBytes.subarray(start, end);
}

const EVENT_START = Buffer.from(',"event":');
const JWS_END = Buffer.from(',"eventJws":"');
const SEAL_END = Buffer.from(',"eventSeal":"');

export function decodeJournalRecord(bytes: Uint8Array): JournalRecord {
  return JSON.parse(decoder.decode(bytes)) as JournalRecord;
}

export function hashRecord(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

export function encodeEnvelope(event: Envelope): Uint8Array {
  return canonicalBytes(event);
}

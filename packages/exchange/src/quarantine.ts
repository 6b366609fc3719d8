/**
 * Quarantine: every inbound record that fails a check is kept with a stable reason code, the time,
 * its position and its SHA-256 digest and size, in the region's quarantine topic. Nothing is
 * dropped. The entry carries the original bytes when it fits (`limits.quarantineEntryBytes`);
 * otherwise, or when it cannot be written in full, it is written reduced: digest, size, position
 * and a bounded prefix of the bytes (`truncated: true`). A record is never too large to quarantine.
 */
import { canonicalBytes, sha256Hex } from '@xr/crypto';
import type { EventLog, LogRecord, RecordInput } from '@xr/event-log';
import type { Problem, XrErrorCode } from '@xr/domain';
import type { RecordLimits } from './record-limits.js';

export interface QuarantineEntry {
  readonly code: XrErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly at: string;
  readonly from: { readonly topic: string; readonly partition: number; readonly offset: number };
  readonly key: string;
  readonly eventId?: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Size in bytes and SHA-256 (hex) of the original record value. */
  readonly size?: number;
  readonly sha256?: string;
  /** The original record value, base64 (absent when `truncated`). */
  readonly value?: string;
  /** The entry is reduced: `prefix` holds the value's first bytes, keys and headers are cut short. */
  readonly truncated?: true;
  /** The first PREFIX_BYTES bytes of the value, base64 (reduced entries only). */
  readonly prefix?: string;
}

export interface QuarantineItem {
  readonly entry: QuarantineEntry;
  readonly input: RecordInput;
  /** The same entry reduced, should the full one not be writable. */
  readonly reduced: () => { readonly entry: QuarantineEntry; readonly input: RecordInput };
}

export const PREFIX_BYTES = 1024;
const TEXT_CHARS = 256;
const HEADERS_KEPT = 16;

const cut = (text: string): string => (text.length > TEXT_CHARS ? `${text.slice(0, TEXT_CHARS)}…` : text);

function inputFor(record: LogRecord, entry: QuarantineEntry): RecordInput {
  return { id: `q:${record.topic}:${record.partition}:${record.offset}`, key: cut(record.key) || 'none', value: canonicalBytes(entry), partition: 0 };
}

export function quarantineRecord(record: LogRecord, problem: Problem, at: string, eventId: string | undefined, limits: RecordLimits): QuarantineItem {
  const common = {
    code: problem.code,
    message: problem.message,
    ...(problem.field === undefined ? {} : { field: problem.field }),
    at,
    from: { topic: record.topic, partition: record.partition, offset: record.offset },
    ...(eventId === undefined ? {} : { eventId }),
    size: record.value.length,
    sha256: sha256Hex(record.value),
  };
  const reduced = (): { entry: QuarantineEntry; input: RecordInput } => {
    const headers = Object.fromEntries(Object.entries(record.headers).slice(0, HEADERS_KEPT).map(([name, value]) => [cut(name), cut(value)]));
    const entry: QuarantineEntry = { ...common, key: cut(record.key), headers, truncated: true, prefix: Buffer.from(record.value.subarray(0, PREFIX_BYTES)).toString('base64') };
    return { entry, input: inputFor(record, entry) };
  };
  if (problem.code === 'XR_RECORD_TOO_LARGE') return { ...reduced(), reduced };
  const entry: QuarantineEntry = { ...common, key: record.key, headers: record.headers, value: Buffer.from(record.value).toString('base64') };
  const input = inputFor(record, entry);
  if (input.value.length + Buffer.byteLength(input.key) > limits.quarantineEntryBytes) return { ...reduced(), reduced };
  return { entry, input, reduced };
}

/**
 * Appends entries in groups of at most `quarantineEntryBytes`. A group the log refuses is written
 * again reduced (a broker's message size, a header too large): the partition then moves on. Only
 * when the reduced entries fail too does the error reach the caller, whose batch is retried.
 * Returns the entries as written.
 */
export async function appendQuarantine(log: EventLog, topic: string, items: readonly QuarantineItem[], limits: RecordLimits): Promise<QuarantineEntry[]> {
  const groups: QuarantineItem[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const bytes = item.input.value.length + Buffer.byteLength(item.input.key);
    if (size + bytes > limits.quarantineEntryBytes) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]!.push(item);
    size += bytes;
  }
  const written: QuarantineEntry[] = [];
  for (const group of groups) {
    try {
      await log.append(topic, group.map((q) => q.input));
      written.push(...group.map((q) => q.entry));
    } catch {
      const reduced = group.map((q) => q.reduced());
      await log.append(topic, reduced.map((r) => r.input));
      written.push(...reduced.map((r) => r.entry));
    }
  }
  return written;
}

export function decodeQuarantine(record: LogRecord): QuarantineEntry {
  return JSON.parse(new TextDecoder().decode(record.value)) as QuarantineEntry;
}

/**
 * Quarantine: every inbound record that fails a check is kept with its original bytes, a stable
 * reason code and the time, in the region's quarantine topic. Nothing is dropped.
 */
import { canonicalBytes } from '@xr/crypto';
import type { LogRecord, RecordInput } from '@xr/event-log';
import type { Problem, XrErrorCode } from '@xr/domain';

export interface QuarantineEntry {
  readonly code: XrErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly at: string;
  readonly from: { readonly topic: string; readonly partition: number; readonly offset: number };
  readonly key: string;
  readonly eventId?: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The original record value, base64. */
  readonly value: string;
}

export function quarantineRecord(record: LogRecord, problem: Problem, at: string, eventId?: string): { entry: QuarantineEntry; input: RecordInput } {
  const entry: QuarantineEntry = {
    code: problem.code,
    message: problem.message,
    ...(problem.field === undefined ? {} : { field: problem.field }),
    at,
    from: { topic: record.topic, partition: record.partition, offset: record.offset },
    key: record.key,
    ...(eventId === undefined ? {} : { eventId }),
    headers: record.headers,
    value: Buffer.from(record.value).toString('base64'),
  };
  return {
    entry,
    input: { id: `q:${record.topic}:${record.partition}:${record.offset}`, key: record.key || 'none', value: canonicalBytes(entry), partition: 0 },
  };
}

export function decodeQuarantine(record: LogRecord): QuarantineEntry {
  return JSON.parse(new TextDecoder().decode(record.value)) as QuarantineEntry;
}

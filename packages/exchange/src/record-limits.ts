/**
 * Sizes an inbox record and its quarantine entry may have. A record's size is the producer's
 * choice: above the limit it is not opened, and is quarantined by digest, size, position and a
 * prefix, so one record can never be too large to quarantine and wedge its partition.
 */
import { fail, type Problem } from '@xr/domain';
import type { LogRecord } from '@xr/event-log';

export interface RecordLimits {
  /** Largest inbox record (key, value and headers) that is opened at all. Default 256 KiB. */
  readonly recordBytes: number;
  /**
   * Largest quarantine entry written in full (the record's bytes base64, its headers), and the most
   * one quarantine append carries; must be under the broker's message size (Kafka: 1 MB by
   * default). Larger entries are written reduced. Default 512 KiB.
   */
  readonly quarantineEntryBytes: number;
}

export const DEFAULT_RECORD_LIMITS: RecordLimits = { recordBytes: 256 * 1024, quarantineEntryBytes: 512 * 1024 };

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Bytes of a record as the producer sent them: key, value, header names and values. */
export function recordSize(record: LogRecord): number {
  let size = utf8Length(record.key) + record.value.length;
  for (const [name, value] of Object.entries(record.headers)) size += utf8Length(name) + utf8Length(value);
  return size;
}

/** XR_RECORD_TOO_LARGE when the record exceeds the limit, naming the value or the headers. */
export function checkRecordSize(record: LogRecord, limits: RecordLimits): Problem | undefined {
  const size = recordSize(record);
  if (size <= limits.recordBytes) return undefined;
  const field = record.value.length > limits.recordBytes ? 'value' : 'headers';
  return fail('XR_RECORD_TOO_LARGE', `record of ${size} bytes exceeds the limit of ${limits.recordBytes} bytes (limits.recordBytes); quarantined by digest`, field);
}

/**
 * A region's quarantine as the admin sees it: the newest entries of `${prefix}.quarantine.<region>`
 * (one partition), with a digest of each refused record instead of its bytes, which may hold
 * personal data.
 */
import { sha256Hex } from '@xr/crypto';
import { fail, isRegionCode, ok, type Result } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import { decodeQuarantine } from '@xr/exchange';
import type { QuarantineEntryMessage } from './admin-proto.js';

export const DEFAULT_QUARANTINE_LIMIT = 100;
export const MAX_QUARANTINE_LIMIT = 1000;

export async function listQuarantine(log: EventLog, topic: string, region: string, limit: number): Promise<Result<{ entries: QuarantineEntryMessage[]; total: number }>> {
  if (!isRegionCode(region)) return fail('XR_REGION_UNKNOWN', `${region || '(empty)'} is not a GB/T 2260 region code`, 'region');
  if (limit < 0 || limit > MAX_QUARANTINE_LIMIT) return fail('XR_BAD_REQUEST', `limit must be between 0 and ${MAX_QUARANTINE_LIMIT} (0 = ${DEFAULT_QUARANTINE_LIMIT})`, 'limit');
  const wanted = limit === 0 ? DEFAULT_QUARANTINE_LIMIT : limit;
  let total: number;
  try {
    await log.partitions(topic);
    total = await log.endOffset(topic, 0);
  } catch {
    return ok({ entries: [], total: 0 }); // no gateway of that region has written a quarantine yet
  }
  const from = Math.max(0, total - wanted);
  const records = await log.read(topic, 0, from, wanted);
  const entries = records.map((r) => {
    const e = decodeQuarantine(r);
    // Entries written before digests were recorded carry only the bytes; reduced ones only the digest.
    const value = e.value === undefined ? undefined : Buffer.from(e.value, 'base64');
    return {
      code: e.code,
      message: e.message,
      field: e.field ?? '',
      at: e.at,
      topic: e.from.topic,
      partition: e.from.partition,
      offset: e.from.offset,
      eventId: e.eventId ?? '',
      valueSha256: e.sha256 ?? (value ? sha256Hex(value) : ''),
      valueSize: e.size ?? value?.length ?? 0,
      quarantineOffset: r.offset,
    };
  });
  return ok({ entries, total });
}

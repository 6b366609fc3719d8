/**
 * The issuing region's side of the status topic: signs a status record and appends it, keyed by
 * the issuer. Whether the change is allowed is the caller's to check against the follower's state
 * first; followers refuse a contradiction anyway.
 */
import type { SigningKey } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { JWS_HEADER } from '@xr/exchange';
import { signStatusRecord, type StatusRecord } from './record.js';

export class StatusWriter {
  constructor(private readonly o: { readonly log: EventLog; readonly topic: string; readonly signer: SigningKey }) {}

  /** Appends the record; resolves with its offset on the topic. */
  async append(record: StatusRecord): Promise<number> {
    const [offset] = await this.appendAll([record]);
    return offset!;
  }

  /** Appends records in order, in one request; resolves with their offsets. */
  async appendAll(records: readonly StatusRecord[]): Promise<number[]> {
    if (records.length === 0) return [];
    const signed = await Promise.all(records.map((r) => signStatusRecord(r, this.o.signer)));
    const results = await this.o.log.append(this.o.topic, signed.map((s) => ({ id: s.record.id, key: s.record.issuer, value: s.bytes, headers: { [JWS_HEADER]: s.jws }, partition: 0 })));
    return results.map((r) => r.offset);
  }
}

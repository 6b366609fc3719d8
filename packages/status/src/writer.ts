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
    const signed = await signStatusRecord(record, this.o.signer);
    const [result] = await this.o.log.append(this.o.topic, [{ id: record.id, key: record.issuer, value: signed.bytes, headers: { [JWS_HEADER]: signed.jws }, partition: 0 }]);
    return result!.offset;
  }
}

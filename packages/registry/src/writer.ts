/**
 * Signs registry records with an admin key and appends them to the registry topic. `append` is
 * idempotent by record id (the log stores an id once), so a retried change makes no second record.
 * Records are schema-checked before they are signed; semantic checks are the reader's (and the
 * admin service checks them early against its follower's state).
 */
import { signDetached, type SigningKey } from '@xr/crypto';
import { ensureLogAppendTime, type EventLog } from '@xr/event-log';
import { parseAdminKid } from './admin-keys.js';
import { fail, type Result } from '@xr/domain';
import { uuidv7 } from './ids.js';
import { REGISTRY_JWS_HEADER, recordKey, type RecordOf, type RegistryPayloads, type RegistryRecord, type RegistryRecordType } from './record.js';
import { validateRecord } from './schemas.js';
import { encodeRecord } from './verify.js';

export interface RegistryWriterOptions {
  readonly log: EventLog;
  readonly topic: string;
  /** An admin key (`admin-<name>.k<n>`) that readers trust as an anchor. */
  readonly signer: SigningKey;
  readonly clock?: () => Date;
}

export type AppendOutcome = Result<{ readonly record: RegistryRecord; readonly offset: number }>;

export class RegistryWriter {
  private readonly clock: () => Date;

  constructor(private readonly o: RegistryWriterOptions) {
    if (!parseAdminKid(o.signer.kid)) throw new TypeError(`registry signer ${o.signer.kid} is not an admin key (admin-<name>.k<n>)`);
    this.clock = o.clock ?? (() => new Date());
  }

  get adminKid(): string {
    return this.o.signer.kid;
  }

  /** Creates the registry topic (one partition, LogAppendTime) if it does not exist; refuses one whose producers set its timestamps. */
  async ensureTopic(): Promise<void> {
    await ensureLogAppendTime(this.o.log, this.o.topic, 1);
  }

  /** An unsigned record by this admin: a new UUIDv7 and the clock's time unless given. */
  draft<T extends RegistryRecordType>(type: T, payload: RegistryPayloads[T], options: { readonly id?: string; readonly time?: string } = {}): RecordOf<T> {
    const now = this.clock();
    return { id: options.id ?? uuidv7(now.getTime()), type, v: 1, time: options.time ?? now.toISOString(), admin: this.o.signer.kid, payload };
  }

  /** Validates, signs and appends. The log does not deduplicate ids: the follower treats a repeated id with the same bytes as a redelivery. */
  async append(record: RegistryRecord): Promise<AppendOutcome> {
    const checked = validateRecord(record);
    if (!checked.ok) return checked;
    if (record.admin !== this.o.signer.kid) return fail('XR_REGISTRY_SIGNATURE_INVALID', `record names admin ${record.admin}, this writer signs as ${this.o.signer.kid}`, '/admin');
    const bytes = encodeRecord(record);
    const jws = await signDetached(bytes, this.o.signer);
    const [result] = await this.o.log.append(this.o.topic, [{ id: record.id, key: recordKey(record), value: bytes, headers: { [REGISTRY_JWS_HEADER]: jws }, partition: 0 }]);
    if (!result) throw new Error(`no append result for registry record ${record.id}`);
    return { ok: true, value: { record, offset: result.offset } };
  }
}

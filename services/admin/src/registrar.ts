/**
 * One registry change at a time: checked against the registry as this service's follower has it
 * (so conflicts are refused before anything is written), signed and appended, then confirmed by
 * the follower applying it. The follower is the arbiter: another admin may have written first.
 * Idempotent by client request id: the record id derives from it.
 */
import { fail, type Result } from '@xr/domain';
import { recordIdFor, recordRegion, uuidv7, validateRecord, type PartnerView, type RegistryFollower, type RegistryPayloads, type RegistryRecordType, type RegistryWriter } from '@xr/registry';

export interface Change {
  readonly recordId: string;
  readonly offset: number;
  readonly duplicate: boolean;
  readonly partner?: PartnerView;
}

export type ChangeResult = Result<Change>;

export interface RegistrarOptions {
  readonly writer: RegistryWriter;
  readonly follower: RegistryFollower;
  readonly timeoutMs: number;
}

/** Request ids are scoped to the registry, not to an admin key: the same request is one change. */
const REQUEST_SCOPE = 'xr-admin';

export class Registrar {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: RegistrarOptions) {}

  change<T extends RegistryRecordType>(type: T, payload: RegistryPayloads[T], requestId: string): Promise<ChangeResult> {
    const run = this.queue.then(() => this.apply(type, payload, requestId));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private partnerOf(region: string | undefined): PartnerView | undefined {
    return region === undefined ? undefined : this.o.follower.state.partner(region);
  }

  private settled(recordId: string, region: string | undefined): ChangeResult | undefined {
    const outcome = this.o.follower.outcome(recordId);
    if (!outcome) return undefined;
    if (!outcome.ok) return fail(outcome.code, outcome.message, outcome.field, outcome.violations);
    const partner = this.partnerOf(region);
    return { ok: true, value: { recordId, offset: outcome.value.offset, duplicate: true, ...(partner ? { partner } : {}) } };
  }

  private async apply<T extends RegistryRecordType>(type: T, payload: RegistryPayloads[T], requestId: string): Promise<ChangeResult> {
    const { writer, follower } = this.o;
    const id = requestId === '' ? uuidv7() : recordIdFor(REQUEST_SCOPE, requestId);
    const region = recordRegion({ type, payload });
    const known = this.settled(id, region);
    if (known) return known;
    const record = writer.draft(type, payload, { id });
    const checked = validateRecord(record);
    if (!checked.ok) return checked;
    const precheck = follower.state.apply(checked.value);
    if (!precheck.ok) return precheck;
    if (!precheck.value.changed) {
      // Already in effect (same registration, resuming an active partner…): nothing to write.
      const partner = this.partnerOf(region);
      return { ok: true, value: { recordId: '', offset: follower.stats.position - 1, duplicate: true, ...(partner ? { partner } : {}) } };
    }
    const appended = await writer.append(checked.value);
    if (!appended.ok) return appended;
    if (!(await follower.reached(appended.value.offset, this.o.timeoutMs))) {
      return fail('XR_UNAVAILABLE', `record ${id} is written (offset ${appended.value.offset}) but not applied here within ${this.o.timeoutMs} ms; retry with the same request_id`);
    }
    const settled = this.settled(id, region);
    if (!settled) return fail('XR_INTERNAL', `record ${id} at offset ${appended.value.offset} has no outcome`);
    // Written now: a retry of a change already written was answered by `settled` above.
    return settled.ok ? { ok: true, value: { ...settled.value, duplicate: false } } : settled;
  }
}

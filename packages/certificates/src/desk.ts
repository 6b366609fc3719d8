/**
 * A gateway's certificate desk: issues the 电子证照 of its approvals (the exchange calls `certify`
 * inside its step), follows the public status topic, publishes its own issuances there after they
 * are journaled, verifies what holders present, serves its status lists, and changes the status
 * of what it issued (revoke, suspend, reinstate), answering once its own follower has applied the
 * change (every other gateway's follower sees it as soon as its long poll returns).
 */
import { STATUS_PURPOSES, StatusBitstring, issueStatusList, type StatusPurpose } from '@xr/credentials';
import { uuidV8FromName, type SigningKey } from '@xr/crypto';
import { fail, ok, type ItemLookup, type Result } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import { ID_NAMESPACES, type CertificateIssuer, type Topics, type Trust } from '@xr/exchange';
import type { Logger } from '@xr/observability';
import { StatusFollower, StatusPublisher, StatusWriter, type AppliedChange, type CertificateStatus } from '@xr/status';
import { licenceIssuer, statusPlace } from './issuer.js';
import { verifyPresented, type PresentedVerdict } from './verifier.js';

export interface CertificateDeskOptions {
  readonly region: string;
  readonly signer: SigningKey;
  /** Public https base of issuer and status-list URLs. */
  readonly base: string;
  readonly log: EventLog;
  readonly topics: Topics;
  readonly partitions: number;
  readonly trust: Trust;
  readonly recognises: (verifier: string, issuer: string, typeCode: string) => boolean;
  /** This region's catalog items (which approvals yield a certificate). */
  readonly item: ItemLookup;
  /** The authorities of this region that issue certificates (from its catalog): their status lists. */
  readonly authorities: readonly { readonly uscc: string; readonly name: string }[];
  readonly clock?: () => Date;
  readonly logger?: Logger;
}

export type StatusChangeKind = 'revoked' | 'suspended' | 'reinstated';

export interface StatusChangeResult {
  readonly certificateId: string;
  readonly status: 'valid' | 'revoked' | 'suspended';
  readonly offset: number;
  readonly at: string;
  readonly unchanged: boolean;
}

export interface StatusListAnswer {
  readonly credential: string;
  readonly purpose: StatusPurpose;
  readonly list: number;
  readonly issuerUscc: string;
  readonly position: number;
  readonly asOf: string;
}

export function statusWord(s: CertificateStatus | undefined): 'valid' | 'revoked' | 'suspended' {
  return s?.revoked ? 'revoked' : s?.suspended ? 'suspended' : 'valid';
}

/** The issuer USCC a 证照标识 names (its second field after the prefix). */
function issuerUsccOf(certificateId: string): string | undefined {
  return certificateId.split('.')[6];
}

export class CertificateDesk {
  readonly follower: StatusFollower;
  readonly certify: CertificateIssuer;
  private readonly writer: StatusWriter;
  private readonly publisher: StatusPublisher;
  private readonly clock: () => Date;
  private readonly lists = new Map<string, { position: number; answer: StatusListAnswer }>();

  constructor(private readonly o: CertificateDeskOptions) {
    this.clock = o.clock ?? (() => new Date());
    this.follower = new StatusFollower({ log: o.log, topic: o.topics.status, trust: o.trust, ...(o.logger ? { logger: o.logger } : {}) });
    this.writer = new StatusWriter({ log: o.log, topic: o.topics.status, signer: o.signer });
    this.publisher = new StatusPublisher({ log: o.log, region: o.region, journal: o.topics.journal(o.region), partitions: o.partitions, writer: this.writer, ...(o.logger ? { logger: o.logger } : {}) });
    this.certify = licenceIssuer({ region: o.region, signer: o.signer, base: o.base, item: o.item, ...(o.logger ? { logger: o.logger } : {}) });
  }

  /** Reads the status topic to its end (verifications answer from then on). */
  async start(): Promise<void> {
    await this.follower.start();
  }

  /** Publishes this region's issuances as they are journaled; call once the journal exists (after the gateway started). */
  publish(): void {
    this.publisher.start();
  }

  async stop(): Promise<void> {
    await this.publisher.stop();
    await this.follower.stop();
  }

  statusOf(certificateId: string): 'valid' | 'revoked' | 'suspended' | undefined {
    const s = this.follower.state.certificate(certificateId);
    return s ? statusWord(s) : undefined;
  }

  verify(jws: string): PresentedVerdict {
    return verifyPresented(jws, { region: this.o.region, trust: this.o.trust, recognises: this.o.recognises, status: this.follower, now: () => this.clock().getTime() });
  }

  /**
   * A status change by the issuing region. The record id derives from `requestKey`, and every
   * accepted request is written (one that changes nothing too), so the status fold knows each
   * request id's outcome: a retry is answered with it (`unchanged`) and changes nothing, even when
   * the status moved since; the same id for another change is XR_REQUEST_CONFLICT.
   */
  async change(kind: StatusChangeKind, certificateId: string, reason: string, requestKey: string): Promise<Result<StatusChangeResult>> {
    const known = this.follower.state.certificate(certificateId);
    if (!known || known.issuer !== this.o.region) return fail('XR_CERT_NOT_FOUND', `${this.o.region} issued no certificate ${certificateId} (as of status position ${this.follower.freshness.position})`, 'certificate_id');
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(reason)) return fail('XR_BAD_REQUEST', 'a reason is a code: lower case letters, digits and -, at most 64', 'reason');
    const id = uuidV8FromName(ID_NAMESPACES.status, `${this.o.region}/${requestKey}`);
    const answer = (change: AppliedChange, unchanged: boolean): Result<StatusChangeResult> => {
      if (change.certificate !== certificateId || change.status !== kind || change.reason !== reason) {
        return fail('XR_REQUEST_CONFLICT', `this request_id was already used to make ${change.certificate} ${change.status} (${change.reason ?? 'no reason'}); a new request needs a new request_id`, 'request_id');
      }
      return ok({ certificateId, status: statusWord(change.result), offset: change.offset, at: change.at, unchanged });
    };
    const earlier = this.follower.state.change(id);
    if (earlier) return answer(earlier, true);
    if (known.revoked && kind !== 'revoked') return fail('XR_CERT_STATUS_CONFLICT', `certificate ${certificateId} is revoked; revocation is final`, 'certificate_id');
    const offset = await this.writer.append({
      id,
      type: 'certificate.status',
      v: 1,
      issuer: this.o.region,
      certificate: certificateId,
      digest: known.digest,
      index: known.index,
      status: kind,
      reason,
      time: this.clock().toISOString(),
    });
    if (!(await this.follower.reached(offset, 10_000))) return fail('XR_UNAVAILABLE', `the status change was written at offset ${offset} but not read back in time; retry with the same request id`, 'certificate_id');
    const applied = this.follower.state.change(id);
    // Refused by the fold: the status moved between the check and the write (revoked meanwhile).
    if (!applied) return fail('XR_CERT_STATUS_CONFLICT', `the status change at offset ${offset} was refused: ${certificateId} changed meanwhile`, 'certificate_id');
    // Written twice (a concurrent retry): the first record is the outcome.
    return answer(applied, !applied.changed || applied.offset !== offset);
  }

  /** This region's status list of one authority, purpose and list number, signed now (cached until the status topic moves). */
  statusList(purpose: string, list: number, uscc?: string): Result<StatusListAnswer> {
    if (!(STATUS_PURPOSES as readonly string[]).includes(purpose)) return fail('XR_BAD_REQUEST', `purpose is one of ${STATUS_PURPOSES.join(', ')}`, 'purpose');
    if (!Number.isSafeInteger(list) || list < 0) return fail('XR_BAD_REQUEST', 'list is a number ≥ 0', 'list');
    const authority = uscc ? this.o.authorities.find((a) => a.uscc === uscc) : this.o.authorities.length === 1 ? this.o.authorities[0] : undefined;
    if (!authority) return fail('XR_BAD_REQUEST', uscc ? `${this.o.region} has no issuing authority ${uscc}` : `name the issuing authority (issuer_uscc): ${this.o.region} has ${this.o.authorities.length}`, 'issuer_uscc');
    const key = `${authority.uscc}/${purpose}/${list}`;
    const { position, asOf } = this.follower.freshness;
    const cached = this.lists.get(key);
    if (cached && cached.position === position) return ok(cached.answer);
    // Revocations are rare: a copy per set bit is fine here (`with` keeps the bitstring immutable).
    let bits = StatusBitstring.empty();
    for (const s of this.follower.state.issuedBy(this.o.region)) {
      const place = statusPlace(s.index);
      if (place.list !== list || issuerUsccOf(s.certificate) !== authority.uscc) continue;
      if (purpose === 'revocation' ? s.revoked : s.suspended) bits = bits.with(place.index, true);
    }
    const issued = issueStatusList({ base: this.o.base, issuer: { region: this.o.region, uscc: authority.uscc, name: authority.name }, purpose: purpose as StatusPurpose, list, bits, asOf: this.clock().getTime() }, this.o.signer);
    if (!issued.ok) return issued;
    const answer: StatusListAnswer = { credential: issued.value.jws, purpose: purpose as StatusPurpose, list, issuerUscc: authority.uscc, position, asOf };
    this.lists.set(key, { position, answer });
    return ok(answer);
  }

}

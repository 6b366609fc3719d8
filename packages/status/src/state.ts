/**
 * The public certificate status as the `<prefix>.status` topic tells it, folded in topic order and
 * nothing else: per issuing region, each certificate's digest and status-list index at issuance,
 * then its revocation (final) and suspension (until reinstated). Pure; the follower feeds it.
 *
 * A change record's id is derived from the request that made it, so the fold remembers each
 * change by id with its outcome: the same id read again (a retried request, a record written twice)
 * changes nothing, whatever happened since, and the issuer's desk answers a retry from it.
 */
import { fail, ok, type Result } from '@xr/domain';
import type { StatusRecordDocument } from '@xr/schemas';

export interface StatusChange {
  readonly at: string;
  readonly reason?: string;
  /** Where the record that made it is on the status topic. */
  readonly offset: number;
}

export interface CertificateStatus {
  readonly issuer: string;
  /** 证照标识. */
  readonly certificate: string;
  readonly digest: string;
  readonly index: number;
  readonly issued: StatusChange;
  readonly revoked?: StatusChange;
  /** The suspension in force, if any (a reinstatement clears it). */
  readonly suspended?: StatusChange;
}

export type StatusApplied = { readonly changed: boolean; readonly status: CertificateStatus };

/** A change record as the fold applied it: what was asked, where it is, and what it did. */
export interface AppliedChange {
  readonly certificate: string;
  readonly status: 'revoked' | 'suspended' | 'reinstated';
  readonly reason?: string;
  readonly offset: number;
  /** The record's time. */
  readonly at: string;
  /** False when the certificate already had that status. */
  readonly changed: boolean;
  /** The certificate's status right after it. */
  readonly result: CertificateStatus;
}

export class StatusState {
  private readonly byId = new Map<string, CertificateStatus>();
  /** issuer → index → certificate id. */
  private readonly byIndex = new Map<string, Map<number, string>>();
  /** Change record id → what it did. */
  private readonly changes = new Map<string, AppliedChange>();

  get size(): number {
    return this.byId.size;
  }

  certificate(id: string): CertificateStatus | undefined {
    return this.byId.get(id);
  }

  at(issuer: string, index: number): CertificateStatus | undefined {
    const id = this.byIndex.get(issuer)?.get(index);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The change record with this id, as applied (undefined when none was). */
  change(recordId: string): AppliedChange | undefined {
    return this.changes.get(recordId);
  }

  /** Every certificate of an issuer, in no particular order. */
  *issuedBy(issuer: string): Iterable<CertificateStatus> {
    for (const id of this.byIndex.get(issuer)?.values() ?? []) yield this.byId.get(id)!;
  }

  /** The next free status-list index of an issuer (one more than the largest used). */
  nextIndex(issuer: string): number {
    let max = -1;
    for (const index of this.byIndex.get(issuer)?.keys() ?? []) if (index > max) max = index;
    return max + 1;
  }

  /**
   * Applies one verified record (its signer is the issuer). A record that repeats what is known
   * changes nothing, and so does a change record whose id was applied before (a retry), even when
   * the status has moved since; one that contradicts it, or reuses an id for another change, is
   * refused with the field to blame.
   */
  apply(record: StatusRecordDocument, offset: number): Result<StatusApplied> {
    const change: StatusChange = { at: record.time, offset, ...(record.reason === undefined ? {} : { reason: record.reason }) };
    const known = this.byId.get(record.certificate);
    if (record.status === 'issued') {
      if (known) {
        const same = known.issuer === record.issuer && known.digest === record.digest && known.index === record.index;
        return same ? ok({ changed: false, status: known }) : fail('XR_CERT_STATUS_CONFLICT', `certificate ${record.certificate} was issued before with another digest or index`, 'certificate');
      }
      const indexes = this.byIndex.get(record.issuer) ?? new Map<number, string>();
      if (indexes.has(record.index)) return fail('XR_CERT_STATUS_CONFLICT', `status-list index ${record.index} of ${record.issuer} belongs to another certificate`, 'index');
      const status: CertificateStatus = { issuer: record.issuer, certificate: record.certificate, digest: record.digest, index: record.index, issued: change };
      indexes.set(record.index, record.certificate);
      this.byIndex.set(record.issuer, indexes);
      this.byId.set(record.certificate, status);
      return ok({ changed: true, status });
    }
    if (!known) return fail('XR_CERT_STATUS_CONFLICT', `certificate ${record.certificate} was never issued on this topic`, 'certificate');
    if (known.issuer !== record.issuer) return fail('XR_CERT_STATUS_SIGNER', `certificate ${record.certificate} was issued by ${known.issuer}, not ${record.issuer}`, 'issuer');
    if (known.digest !== record.digest || known.index !== record.index) return fail('XR_CERT_STATUS_CONFLICT', `digest or index differ from the issuance of ${record.certificate}`, known.digest !== record.digest ? 'digest' : 'index');
    const seen = this.changes.get(record.id);
    if (seen) {
      const same = seen.certificate === record.certificate && seen.status === record.status && seen.reason === record.reason;
      return same ? ok({ changed: false, status: known }) : fail('XR_CERT_STATUS_CONFLICT', `record id ${record.id} was applied before for another change (${seen.status} of ${seen.certificate})`, 'id');
    }
    if (known.revoked && record.status !== 'revoked') return fail('XR_CERT_STATUS_CONFLICT', `certificate ${record.certificate} is revoked; revocation is final`, 'status');
    let next: CertificateStatus | undefined;
    switch (record.status) {
      case 'revoked':
        if (!known.revoked) next = { ...known, revoked: change };
        break;
      case 'suspended':
        if (!known.suspended) next = { ...known, suspended: change };
        break;
      case 'reinstated':
        if (known.suspended) {
          const { suspended: _lifted, ...rest } = known;
          next = rest;
        }
        break;
    }
    const result = next ?? known;
    this.changes.set(record.id, { certificate: record.certificate, status: record.status, ...(record.reason === undefined ? {} : { reason: record.reason }), offset, at: record.time, changed: next !== undefined, result });
    if (next) this.byId.set(record.certificate, next);
    return ok({ changed: next !== undefined, status: result });
  }
}

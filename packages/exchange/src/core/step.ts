/**
 * The gateway's per-batch step, in the style of the domain's decide/evolve: given the state folded
 * from the journal, a batch of one inbox partition and the time, it returns what to write — the
 * journal records (chained after the partition's head), the quarantine entries — and the
 * redeliveries it dropped. It reads no log and writes none; it does not change the state. The
 * shell writes the output, then folds the journal records into the state (`GatewayState.apply`),
 * exactly as a restart would, and asks `outcomes` what the waiting callers get.
 */
import { evolve, isRequest, refusalOf, type PayloadOf, type CaseState, type CertificateVerdict, type DecideContext, type Envelope, type EventDraft, type JournalRecord } from '@xr/domain';
import type { LogRecord } from '@xr/event-log';
import { examine } from '../examine.js';
import { derivedId } from '../ids.js';
import { encodeEnvelope, encodeJournalRecord, hashRecord } from '../journal-codec.js';
import { quarantineRecord, type QuarantineItem } from '../quarantine.js';
import type { RecordLimits } from '../record-limits.js';
import { decodeClientRequest, REQUEST_HEADER, type ClientRequest } from '../requests.js';
import { proofFields, type EventProof, type Unsigned } from '../signing.js';
import type { Trust } from '../trust.js';
import { projects, type GatewayState } from './state.js';

/** An envelope with its RFC 8785 bytes and what proves its sender (a detached JWS or a seal). */
export interface Signed {
  readonly event: Envelope;
  readonly bytes: Uint8Array;
  readonly proof: EventProof;
}

export interface StepContext {
  readonly self: string;
  readonly limits: RecordLimits;
  /** Key judgement only (`keyFor`, `regions`); catching up with the registry is the shell's. */
  readonly trust: Pick<Trust, 'keyFor' | 'regions' | 'regionKeys'>;
  /** The time of the step (ISO 8601): reactions and journal records carry it. */
  readonly now: string;
  readonly decide: DecideContext;
  /**
   * Signs the step's own events, all at once after the batch has been judged (a JWS each, or one
   * seal per partner in sealed mode; see signing.ts).
   */
  readonly signAll: (items: readonly Unsigned[]) => Promise<EventProof[]>;
  /** Issues the 电子证照 of an approval of ours (see `CertificateIssuer`); absent: approvals issue none. */
  readonly certify?: CertificateIssuer;
  /**
   * 证照免提交: verifies a certificate a partner's request presents as a material, as this region
   * (the handling one) sees it now (signature, validity, status, recognition; see
   * `CertificateVerifier`). Absent: a presented certificate is refused XR_CERT_UNVERIFIABLE.
   */
  readonly verifyCertificate?: CertificateVerifier;
}

/**
 * The handling region's verdict on a presented 电子证照 (the certificate desk's `verify`). Called
 * inside the step, before decide, for each certificate a case.submitted, case.supplemented or
 * case.materials-completed addressed to us presents; its answer is an input of the step like the
 * time, and the journal (签收 or the request's confirmation, or the refusal) is the record of it.
 */
export type CertificateVerifier = (jws: string) => CertificateVerdict;

/** The certificate.issued payload. */
export type IssuedCertificate = PayloadOf<'certificate.issued'>['certificate'];

/**
 * Makes the credential for an approval this region journals: undefined when the item yields none.
 * `statusIndex` is the certificate's place in this region's status lists, derived from the journal
 * (certificates issued in the partition × partitions + partition), so a retry gets the same one.
 */
export type CertificateIssuer = (approval: Envelope, state: CaseState, statusIndex: number) => Promise<IssuedCertificate | undefined>;

export interface JournalOut {
  readonly record: JournalRecord;
  /** The record's bytes as they go into the journal. */
  readonly bytes: Uint8Array;
}

export interface QuarantineOut extends QuarantineItem {
  readonly eventId?: string;
}

export interface StepOutput {
  readonly partition: number;
  /** Journal records in order, offsets from the partition's head. */
  readonly journal: readonly JournalOut[];
  readonly quarantine: readonly QuarantineOut[];
  /** Events the journal already holds (redeliveries, retried requests of ours). */
  readonly duplicates: readonly Envelope[];
  /** Some record was refused only because its key is unknown: the registry may be behind. */
  readonly unknownKey: boolean;
  /** Inbox records that passed every check and were journaled (reactions not counted). */
  readonly accepted: number;
}

/** Runs the checks and the case rules over a batch of one inbox partition. */
export async function step(state: GatewayState, partition: number, records: readonly LogRecord[], ctx: StepContext): Promise<StepOutput> {
  const head = state.head(partition);
  const staged = new Map<string, CaseState>();
  const stagedIds = new Map<string, string>();
  const batchCounts = new Map<string, number>();
  const batchSeqs = new Map<string, number>();
  let issued = state.certificatesIssued(partition);
  const journal: JournalOut[] = [];
  const quarantine: QuarantineOut[] = [];
  const duplicates: Envelope[] = [];
  let unknownKey = false;
  let accepted = 0;
  let prev = head.prev;
  let next = head.next;

  const stateOf = (caseId: string): CaseState | undefined => staged.get(caseId) ?? state.cases.get(caseId);
  /** Our next sequence number on a case: one past the last the journal (and this batch) gave. */
  const nextSeq = (caseId: string): number => (batchSeqs.get(caseId) ?? state.ledger.lastSeq(caseId)) + 1;

  /** Accepted and reacted events in journal order; our own new or renumbered ones are signed at the end. */
  const staging: { event: Envelope; bytes: Uint8Array; proof?: EventProof; inbox: LogRecord; request?: ClientRequest; caseSeq: number }[] = [];
  const append = (event: Envelope, bytes: Uint8Array, proof: EventProof | undefined, inbox: LogRecord, request?: ClientRequest, hash = hashRecord(bytes)): void => {
    const caseSeq = (batchCounts.get(event.caseId) ?? state.caseCount(event.caseId)) + 1;
    batchCounts.set(event.caseId, caseSeq);
    if (event.source === ctx.self) batchSeqs.set(event.caseId, event.seq);
    staging.push({ event, bytes, ...(proof ? { proof } : {}), inbox, ...(request ? { request } : {}), caseSeq });
    const before = stateOf(event.caseId);
    if (projects(ctx.self, event, before)) staged.set(event.caseId, evolve(before, event));
    stagedIds.set(event.id, hash);
  };

  /** Our reactions to an event (签收, confirmations, refusals): ids derived from it, journaled with it (signed at the end). */
  const react = (cause: Envelope, drafts: readonly EventDraft[], inbox: LogRecord): void => {
    for (const [index, draft] of drafts.entries()) {
      const reaction: Envelope = { id: derivedId(cause.id, index), type: draft.type, v: draft.v, caseId: cause.caseId, seq: nextSeq(cause.caseId), source: ctx.self, target: draft.target, time: ctx.now, payload: draft.payload };
      append(reaction, encodeEnvelope(reaction), undefined, inbox);
    }
  };

  /** 电子证照: our approval of an item that yields one issues it in the same append. */
  const certificate = async (event: Envelope): Promise<EventDraft[]> => {
    const after = stateOf(event.caseId);
    if (!ctx.certify || event.type !== 'case.approved' || event.source !== ctx.self || !after) return [];
    const issuedCertificate = await ctx.certify(event, after, issued * state.partitions + partition);
    if (!issuedCertificate) return [];
    issued += 1;
    return [{ type: 'certificate.issued', v: 1, target: after.receivingRegion, payload: { certificate: issuedCertificate } }];
  };

  for (const r of records) {
    // Journaled before (a redelivered batch, a restart): the journal has its outcome.
    if (r.offset < head.inboxNext) continue;
    const verdict = await examine(r, {
      self: ctx.self,
      partitions: state.partitions,
      limits: ctx.limits,
      trust: ctx.trust,
      now: ctx.now,
      decide: ctx.decide,
      seen: (id) => stagedIds.get(id) ?? state.seen(id),
      state: stateOf,
      ownSeq: nextSeq,
      ...(ctx.verifyCertificate ? { verifyCertificate: ctx.verifyCertificate } : {}),
    });
    if (verdict.kind === 'duplicate') {
      duplicates.push(verdict.event);
      continue;
    }
    if (verdict.kind === 'quarantine') {
      if (verdict.problem.code === 'XR_KEY_UNKNOWN') unknownKey = true;
      quarantine.push({ ...quarantineRecord(r, verdict.problem, ctx.now, verdict.eventId, ctx.limits), ...(verdict.eventId ? { eventId: verdict.eventId } : {}) });
      // The authority answers a partner's refused request, so the partner's copy of the case stays true.
      const refused = verdict.refused;
      if (refused && refused.source !== ctx.self && (isRequest(refused.type) || refused.type === 'case.submitted')) react(refused, [refusalOf(refused, verdict.problem)], r);
      continue;
    }
    let event = verdict.event;
    let bytes = r.value;
    let proof: EventProof | undefined = verdict.proof;
    let request: ClientRequest | undefined;
    if (event.source === ctx.self) {
      // Our own event takes the next number the journal gives on its case, whatever the
      // request guessed (a request signed before a restart, or beside another one).
      const seq = nextSeq(event.caseId);
      if (seq !== event.seq) {
        event = { ...event, seq };
        bytes = encodeEnvelope(event);
        proof = undefined;
      }
      request = decodeClientRequest(r.headers[REQUEST_HEADER]);
    }
    // The inbox record's hash is the examine step's (the same bytes, unless renumbered above).
    append(event, bytes, proof, r, request, bytes === r.value ? verdict.hash : undefined);
    accepted += 1;
    react(event, [...verdict.emit, ...(await certificate(event))], r);
  }

  // One signing for the whole batch (one note per partner when sealing), then the chain.
  const unsigned = staging.filter((s) => s.proof === undefined);
  const proofs = unsigned.length === 0 ? [] : await ctx.signAll(unsigned);
  unsigned.forEach((s, i) => (s.proof = proofs[i]!));
  for (const s of staging) {
    const record: JournalRecord = { event: s.event, ...proofFields(s.proof!), prev, n: next, caseSeq: s.caseSeq, inbox: { partition: s.inbox.partition, offset: s.inbox.offset }, ...(s.request ? { request: s.request } : {}), recordedAt: ctx.now };
    const bytes = encodeJournalRecord(record, s.bytes);
    journal.push({ record, bytes });
    prev = hashRecord(bytes);
    next += 1;
  }
  return { partition, journal, quarantine, duplicates, unknownKey, accepted };
}

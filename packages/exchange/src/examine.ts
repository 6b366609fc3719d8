/**
 * The checks an inbox record passes before it may touch a case, in order: size within the limit →
 * signature by a trusted key over bytes that are exactly RFC 8785 canonical JSON (`openSigned`,
 * the registry's opener too) → the key's region is the sender → envelope and payload schemas → addressed to us (or sent
 * by us to a partner) → the right partition → not seen before → a legal transition (with the
 * verdicts on any certificates it presents, 证照免提交).
 * Each failure is a value with a stable code; the caller quarantines it.
 */
import { sha256Hex } from '@xr/crypto';
import { openTrusted, type Trust } from './trust.js';
import { decide, fail, isPresented, materialsOf, problem, type CertificateVerdict, type CertificateVerdicts, type DecideContext, type CaseState, type Envelope, type EventDraft, type Problem } from '@xr/domain';
import { partitionFor, type LogRecord } from '@xr/event-log';
import { validateEvent } from '@xr/schemas';
import { checkRecordSize, type RecordLimits } from './record-limits.js';
import { openSealed, SEAL_HEADER } from './seal.js';
import type { EventProof } from './signing.js';
import { JWS_HEADER } from './topics.js';

export type Verdict =
  | { readonly kind: 'accept'; readonly event: Envelope; readonly proof: EventProof; readonly hash: string; readonly emit: readonly EventDraft[] }
  | { readonly kind: 'duplicate'; readonly event: Envelope }
  | { readonly kind: 'quarantine'; readonly problem: Problem; readonly eventId?: string; readonly refused?: Envelope };

export interface ExamineContext {
  readonly self: string;
  readonly partitions: number;
  readonly limits: RecordLimits;
  /** Key judgement only: examining reads no log. */
  readonly trust: Pick<Trust, 'keyFor' | 'regions' | 'regionKeys'>;
  readonly now: string;
  readonly decide: DecideContext;
  readonly seen: (eventId: string) => string | undefined;
  readonly state: (caseId: string) => CaseState | undefined;
  /**
   * The sequence number our own event on a case gets from the journal: the number a request
   * was signed with is a guess (made before a restart, or beside another request), so the rules
   * judge the event as it will be journaled.
   */
  readonly ownSeq?: (caseId: string) => number;
  /** 证照免提交: this region's verifier of presented certificates (the step's `verifyCertificate`). */
  readonly verifyCertificate?: (jws: string) => CertificateVerdict;
}

/**
 * The verdicts on the certificates a partner's event addressed to us presents (we decide it as
 * the handling region), one per distinct credential; undefined when it presents none or we have
 * no verifier (decide then refuses what is presented). A verifier that throws refuses the
 * certificate rather than the pipeline.
 */
function presentedVerdicts(event: Envelope, ctx: ExamineContext): CertificateVerdicts | undefined {
  if (event.source === ctx.self || event.target !== ctx.self || !ctx.verifyCertificate) return undefined;
  const verdicts = new Map<string, CertificateVerdict>();
  for (const m of materialsOf(event)) {
    if (!isPresented(m) || verdicts.has(m.certificate)) continue;
    let verdict: CertificateVerdict;
    try {
      verdict = ctx.verifyCertificate(m.certificate);
    } catch (error) {
      verdict = { valid: false, reasons: [problem('XR_CERT_MALFORMED', `the certificate could not be verified: ${error instanceof Error ? error.message : String(error)}`)], statusPosition: 0 };
    }
    verdicts.set(m.certificate, verdict);
  }
  return verdicts.size === 0 ? undefined : verdicts;
}

function quarantine(problem: Problem, eventId?: string): Verdict {
  return { kind: 'quarantine', problem, ...(eventId === undefined ? {} : { eventId }) };
}

export async function examine(record: LogRecord, ctx: ExamineContext): Promise<Verdict> {
  // Too large to open (or to quarantine whole): kept by digest, size, position and a prefix.
  const tooLarge = checkRecordSize(record, ctx.limits);
  if (tooLarge) return quarantine(tooLarge);
  // Keys are judged at the record's own time (covered by the signature being checked) and the
  // log's timestamp (stamped by the broker: inboxes are LogAppendTime): a key revoked before that
  // time, or rotated out, does not verify it.
  // Signed one by one (xr-jws) or sealed in a batch (xr-seal): either, never both.
  const jws = record.headers[JWS_HEADER];
  const seal = record.headers[SEAL_HEADER];
  if (jws !== undefined && seal !== undefined) return quarantine(fail('XR_SIGNATURE_MALFORMED', `a record carries ${JWS_HEADER} or ${SEAL_HEADER}, not both`, `headers.${SEAL_HEADER}`));
  const opened = seal !== undefined ? openSealed(record.value, seal, record.timestamp, ctx.trust) : await openTrusted(record.value, jws, record.timestamp, ctx.trust, JWS_HEADER);
  if (!opened.ok) {
    // Once the signature held, the id the record claims is its signer's word.
    const claimedId = opened.signed ? (opened.claimed as { id?: unknown } | undefined)?.id : undefined;
    return quarantine(fail(opened.code, opened.reason, opened.field), typeof claimedId === 'string' ? claimedId : undefined);
  }
  const signed = opened;
  const parsed = opened.value;
  const valid = validateEvent(parsed);
  const eventId = typeof (parsed as { id?: unknown })?.id === 'string' ? (parsed as { id: string }).id : undefined;
  if (!valid.ok) return quarantine(valid, eventId);
  const event = valid.value;

  if (event.source !== signed.region) {
    return quarantine(fail('XR_KEY_REGION_MISMATCH', `signed by ${signed.kid} but claims source ${event.source}`, 'source'), event.id);
  }
  if (event.source === ctx.self) {
    if (event.target === ctx.self || !ctx.trust.regions().has(event.target)) {
      return quarantine(fail('XR_PARTNER_UNKNOWN', `${event.target} is not a partner of ${ctx.self}`, 'target'), event.id);
    }
  } else if (event.target !== ctx.self) {
    return quarantine(fail('XR_TARGET_MISMATCH', `addressed to ${event.target}, this is ${ctx.self}`, 'target'), event.id);
  }
  const expected = partitionFor(event.caseId, ctx.partitions);
  if (record.partition !== expected) {
    return quarantine(fail('XR_PARTITION_MISMATCH', `case ${event.caseId} belongs in partition ${expected}, not ${record.partition}`, 'key'), event.id);
  }

  const hash = sha256Hex(record.value);
  const seen = ctx.seen(event.id);
  if (seen !== undefined) {
    // The same bytes again is a redelivery. Our own request retried (same request id, so same
    // event id, but a new time) is one too: only we sign with our key.
    if (seen === hash || event.source === ctx.self) return { kind: 'duplicate', event };
    return quarantine(fail('XR_DUPLICATE', `event id ${event.id} was already used for other content (replay)`, 'id'), event.id);
  }

  const judged = event.source === ctx.self && ctx.ownSeq ? { ...event, seq: ctx.ownSeq(event.caseId) } : event;
  const verdicts = presentedVerdicts(event, ctx);
  const decision = decide(ctx.state(event.caseId), judged, verdicts ? { ...ctx.decide, verdicts } : ctx.decide);
  // A genuine event the case's rules refuse: quarantined, and answered if it was a partner's request.
  if (!decision.ok) return { kind: 'quarantine', problem: decision, eventId: event.id, refused: event };
  return { kind: 'accept', event, proof: seal !== undefined ? { seal } : { jws: jws! }, hash, emit: decision.emit };
}

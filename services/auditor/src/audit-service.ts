/**
 * AuditService handlers (proto/xr/audit/v1/audit.proto) over the current `AuditIndex`: journal
 * events streamed with filters and resumable positions (and followed), the newest (witnessed)
 * checkpoint of an origin, inclusion proofs as C2SP tlog-proofs and consistency proofs. Every
 * answer is something a third party can check offline with the region keys alone.
 */
import type { sendUnaryData, ServerUnaryCall, ServerWritableStream } from '@grpc/grpc-js';
import type { EventFilter, JournalEventView } from '@xr/audit';
import { fail, ok, type Result } from '@xr/domain';
import { callLogger, toServiceError } from '@xr/grpc-kit';
import type { Logger } from '@xr/observability';
import type {
  AuditCheckpoint,
  AuditServiceHandlers,
  ConsistencyProof,
  GetCheckpointRequest__Output,
  GetConsistencyProofRequest__Output,
  GetInclusionProofRequest__Output,
  InclusionProof,
  JournalEvent,
  StreamEventsRequest__Output,
} from '@xr/proto';
import type { IndexHolder } from './index-holder.js';

type Unary<Req, Res> = (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void;

function unary<Req, Res>(logger: Logger, rpc: string, handle: (request: Req) => Result<Res>): Unary<Req, Res> {
  return (call, callback) => {
    const log = callLogger(logger, call.metadata);
    try {
      const outcome = handle(call.request);
      if (outcome.ok) return callback(null, outcome.value);
      log.info({ rpc, code: outcome.code, field: outcome.field }, 'audit request refused');
      callback(toServiceError(outcome));
    } catch (error) {
      log.error({ rpc, err: error instanceof Error ? error.message : String(error) }, 'audit request failed');
      callback(toServiceError({ code: 'XR_INTERNAL', message: 'internal error; see the auditor log' }));
    }
  };
}

function eventMessage(prefix: string, v: JournalEventView): JournalEvent {
  return {
    position: { topic: `${prefix}.journal.${v.region}`, partition: v.partition, offset: v.offset },
    region: v.region,
    eventId: v.event.id,
    caseId: v.event.caseId,
    type: v.event.type,
    source: v.event.source,
    target: v.event.target,
    time: v.event.time,
    recordedAt: (JSON.parse(Buffer.from(v.record).toString('utf8')) as { recordedAt?: string }).recordedAt ?? '',
    record: Buffer.from(v.record),
  };
}

const timeOrUndefined = (t: string): string | undefined => (t === '' ? undefined : t);

/** The request's filter, checked: times must parse, positions must name a journal of this prefix. */
function filterOf(prefix: string, r: StreamEventsRequest__Output): Result<EventFilter> {
  for (const [field, t] of [['from_time', r.fromTime], ['to_time', r.toTime]] as const) {
    if (t !== '' && Number.isNaN(Date.parse(t))) return fail('XR_BAD_REQUEST', `${t} is not an RFC 3339 time`, field);
  }
  const after: { region: string; partition: number; offset: number }[] = [];
  for (const [i, p] of r.after.entries()) {
    const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.journal\\.(\\d{6})$`).exec(p.topic);
    if (!m || p.partition < 0 || p.offset < 0) return fail('XR_BAD_REQUEST', `after[${i}] must name a journal topic ${prefix}.journal.<region>, a partition and an offset`, `after[${i}]`);
    after.push({ region: m[1]!, partition: p.partition, offset: p.offset });
  }
  const to = timeOrUndefined(r.toTime);
  const from = timeOrUndefined(r.fromTime);
  return ok({
    ...(r.region === '' ? {} : { region: r.region }),
    ...(r.caseId === '' ? {} : { caseId: r.caseId }),
    ...(r.types.length === 0 ? {} : { types: r.types }),
    ...(from === undefined ? {} : { from }),
    // The proto's range is [from, to): the index's `to` is inclusive.
    ...(to === undefined ? {} : { to: Date.parse(to) - 1 }),
    after,
  });
}

export function auditServiceHandlers(holder: IndexHolder, logger: Logger): AuditServiceHandlers {
  return {
    StreamEvents(call: ServerWritableStream<StreamEventsRequest__Output, JournalEvent>) {
      const run = async (): Promise<void> => {
        const filter = filterOf(holder.current.prefix, call.request);
        if (!filter.ok) return void call.emit('error', toServiceError(filter));
        const positions = new Map<string, { region: string; partition: number; offset: number }>(filter.value.after?.map((a) => [`${a.region}/${a.partition}`, a]) ?? []);
        let open = true;
        // One listener for the life of the call (not one per wait: a follow waits once per refresh).
        const cancelled = new Promise<void>((resolve) =>
          call.once('cancelled', () => {
            open = false;
            resolve();
          }),
        );
        do {
          const index = holder.current;
          for (const v of index.events({ ...filter.value, after: [...positions.values()] })) {
            if (!open || call.cancelled) return;
            positions.set(`${v.region}/${v.partition}`, { region: v.region, partition: v.partition, offset: v.offset });
            if (!call.write(eventMessage(index.prefix, v))) await Promise.race([new Promise((r) => call.once('drain', r)), cancelled]);
          }
          if (!call.request.follow) break;
          // A refresh that landed while this pass waited for the client is not waited for again.
          if (holder.current === index) await Promise.race([holder.next(), cancelled]);
        } while (open && !call.cancelled);
        if (!call.cancelled) call.end();
      };
      run().catch((error: unknown) => {
        logger.error({ rpc: 'StreamEvents', err: error instanceof Error ? error.message : String(error) }, 'audit stream failed');
        call.emit('error', toServiceError({ code: 'XR_INTERNAL', message: 'internal error; see the auditor log' }));
      });
    },

    GetCheckpoint: unary<GetCheckpointRequest__Output, AuditCheckpoint>(logger, 'GetCheckpoint', (r) => {
      const index = holder.current;
      if (!index.parseOrigin(r.origin)) return fail('XR_BAD_REQUEST', `origin must be ${index.prefix}.journal.<region>/<partition>`, 'origin');
      const view = index.checkpoint(r.origin, { witnessed: r.witnessed });
      if (!view) return fail('XR_AUDIT_NOT_FOUND', `no ${r.witnessed ? 'witnessed ' : ''}checkpoint of ${r.origin} that its journal reproduces`, 'origin');
      return ok({
        origin: view.origin,
        size: view.size,
        rootHash: Buffer.from(view.rootHash, 'base64'),
        note: view.note,
        witnesses: [...view.witnesses],
        witnessed: view.witnessed,
        quorum: view.quorum,
        position: { topic: `${index.prefix}.checkpoints`, partition: 0, offset: view.position.offset },
      });
    }),

    GetInclusionProof: unary<GetInclusionProofRequest__Output, InclusionProof>(logger, 'GetInclusionProof', (r) => {
      const index = holder.current;
      let eventId = r.eventId;
      let region = r.region === '' ? undefined : r.region;
      if (eventId === '') {
        const at = index.parseOrigin(r.origin);
        if (!at) return fail('XR_BAD_REQUEST', 'give event_id, or origin and index', r.origin === '' ? 'event_id' : 'origin');
        const [leaf] = index.events({ region: at.region, after: [{ region: at.region, partition: at.partition, offset: r.index - 1 }] });
        if (!leaf || leaf.partition !== at.partition || leaf.offset !== r.index) return fail('XR_AUDIT_NOT_FOUND', `no record at index ${r.index} of ${r.origin}`, 'index');
        eventId = leaf.event.id;
        region = at.region;
      }
      const proof = index.inclusionProof(eventId, region);
      if (!proof.ok) return proof;
      const p = proof.value;
      return ok({ origin: p.origin, index: p.index, treeSize: p.treeSize, hashes: p.hashes.map((h) => Buffer.from(h)), checkpoint: p.checkpoint, tlogProof: p.tlogProof, record: Buffer.from(p.record) });
    }),

    GetConsistencyProof: unary<GetConsistencyProofRequest__Output, ConsistencyProof>(logger, 'GetConsistencyProof', (r) => {
      const index = holder.current;
      if (!index.parseOrigin(r.origin)) return fail('XR_BAD_REQUEST', `origin must be ${index.prefix}.journal.<region>/<partition>`, 'origin');
      if (r.oldSize < 0 || r.newSize < r.oldSize) return fail('XR_BAD_REQUEST', 'sizes must satisfy 0 ≤ old_size ≤ new_size', r.oldSize < 0 ? 'old_size' : 'new_size');
      const proof = index.consistencyProof(r.origin, r.oldSize, r.newSize);
      if (!proof.ok) return proof;
      const p = proof.value;
      return ok({ origin: r.origin, oldSize: r.oldSize, newSize: r.newSize, hashes: p.hashes.map((h) => Buffer.from(h)), oldCheckpoint: p.oldCheckpoint ?? '', newCheckpoint: p.newCheckpoint ?? '', proofFile: p.proofFile });
    }),
  };
}


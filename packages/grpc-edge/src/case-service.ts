/** CaseService: the region's own systems submit, read and watch cases. */
import { status, type ServerUnaryCall, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import { authorizeCase } from '@xr/auth';
import { fail, type CaseState, type Result } from '@xr/domain';
import { requestFingerprint, type ExchangeGateway } from '@xr/exchange';
import type { Logger } from '@xr/observability';
import type { CaseServiceHandlers, CaseUpdate, WatchInboxRequest__Output, GetCaseRequest__Output, ListCasesRequest__Output, ListCasesResponse, SubmitCaseRequest__Output, SubmitCaseResponse, WatchCaseRequest__Output, Case } from '@xr/proto';
import { caseMessage, submissionPayload, submitFieldMapper } from './case-mapping.js';
import { callLogger, isRetryable, toServiceError } from '@xr/grpc-kit';
import { listCases } from './list-cases.js';
import { traceOfCall } from './trace.js';
import { cacheKeyOf, requestKeyOf } from './request-key.js';
import { transitionHandlers } from './transition-handlers.js';
import type { TRANSITION_RPCS } from './transitions.js';

type TransitionRpc = keyof typeof TRANSITION_RPCS;
import { RequestCache } from './request-cache.js';

const partiesOf = (c: CaseState): { receiving: string; handling: string } => ({ receiving: c.receivingRegion, handling: c.handlingRegion });

export function caseServiceHandlers(gateway: ExchangeGateway, logger: Logger): CaseServiceHandlers {
  const requests = new RequestCache<Result<CaseState>>(10_000, (outcome) => outcome.ok || !isRetryable(outcome.code));

  return {
    SubmitCase(call: ServerUnaryCall<SubmitCaseRequest__Output, SubmitCaseResponse>, callback: sendUnaryData<SubmitCaseResponse>) {
      const req = call.request;
      if (!req.requestId || req.requestId.length > 128) {
        callback(toServiceError(fail('XR_BAD_REQUEST', 'request_id is required (at most 128 characters)', 'request_id'), (f) => f), null);
        return;
      }
      const requestKey = requestKeyOf(call, req.requestId);
      const request = requestFingerprint('SubmitCase', req);
      const { traceparent } = traceOfCall(call);
      const log = callLogger(logger, call.metadata);
      log.debug({ requestId: req.requestId, handling: req.handlingRegion }, 'SubmitCase received');
      const run = requests.get(cacheKeyOf(requestKey, request), () =>
        gateway.request({ requestId: requestKey, request, type: 'case.submitted', v: 1, caseId: gateway.newCaseId(requestKey), target: req.handlingRegion, payload: submissionPayload(req, new Date().toISOString()), traceparent }),
      );
      run.then(
        (outcome) => {
          if (outcome.ok) {
            log.info({ caseId: outcome.value.caseId, handling: outcome.value.handlingRegion }, 'case submitted');
            callback(null, { case: caseMessage(outcome.value, gateway.deadlines(outcome.value)) });
          } else {
            log.info({ code: outcome.code, field: outcome.field }, 'SubmitCase refused');
            callback(toServiceError(outcome, submitFieldMapper), null);
          }
        },
        (error: unknown) => {
          log.error({ err: error instanceof Error ? error.message : String(error) }, 'SubmitCase failed');
          callback(toServiceError(fail('XR_INTERNAL', 'internal error')), null);
        },
      );
    },

    GetCase(call: ServerUnaryCall<GetCaseRequest__Output, Case>, callback: sendUnaryData<Case>) {
      const found = gateway.getCase(call.request.caseId);
      if (!found) {
        callback(toServiceError(fail('XR_CASE_NOT_FOUND', `no case ${call.request.caseId}`, 'case_id'), (f) => f), null);
        return;
      }
      const seen = authorizeCase(call, partiesOf(found));
      if (!seen.ok) {
        callback(toServiceError(seen), null);
        return;
      }
      callback(null, caseMessage(found, gateway.deadlines(found)));
    },

    ListCases(call: ServerUnaryCall<ListCasesRequest__Output, ListCasesResponse>, callback: sendUnaryData<ListCasesResponse>) {
      const visible = [...gateway.projection.all()].filter((c) => authorizeCase(call, partiesOf(c)).ok);
      const page = listCases(visible, gateway.region, call.request, (c) => gateway.deadlines(c));
      if (!page.ok) {
        callback(toServiceError(page, (f) => f), null);
        return;
      }
      callback(null, { cases: page.value.cases.map((c) => caseMessage(c, gateway.deadlines(c))), nextPageToken: page.value.nextPageToken, total: page.value.total });
    },

    WatchInbox(call: ServerWritableStream<WatchInboxRequest__Output, CaseUpdate>) {
      const side = call.request.side;
      const mine = (c: CaseState): boolean => side === '' || (side === 'receiving' ? c.receivingRegion === gateway.region : c.handlingRegion === gateway.region);
      const unwatch = gateway.projection.watchAll((next) => {
        if (mine(next) && authorizeCase(call, partiesOf(next)).ok) call.write({ case: caseMessage(next, gateway.deadlines(next)) });
      });
      call.on('cancelled', unwatch);
      call.on('close', unwatch);
      call.on('error', unwatch);
    },

    ...(transitionHandlers(gateway, logger, requests) as unknown as Pick<CaseServiceHandlers, TransitionRpc>),

    WatchCase(call: ServerWritableStream<WatchCaseRequest__Output, CaseUpdate>) {
      const caseId = call.request.caseId;
      const current = gateway.getCase(caseId);
      if (!current) {
        call.emit('error', { ...toServiceError(fail('XR_CASE_NOT_FOUND', `no case ${caseId}`, 'case_id'), (f) => f), code: status.NOT_FOUND });
        return;
      }
      const seen = authorizeCase(call, partiesOf(current));
      if (!seen.ok) {
        call.emit('error', toServiceError(seen));
        return;
      }
      call.write({ case: caseMessage(current, gateway.deadlines(current)) });
      const unwatch = gateway.projection.watch(caseId, (next) => call.write({ case: caseMessage(next, gateway.deadlines(next)) }));
      const end = (): void => unwatch();
      call.on('cancelled', end);
      call.on('close', end);
      call.on('error', end);
    },
  };
}

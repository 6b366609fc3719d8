/** Unary handlers for every transition RPC, built from the table in transitions.ts. */
import type { ServerUnaryCall, sendUnaryData } from '@grpc/grpc-js';
import { authorizeCase } from '@xr/auth';
import { fail, type CaseState, type Result } from '@xr/domain';
import { requestFingerprint, type ExchangeGateway } from '@xr/exchange';
import type { Logger } from '@xr/observability';
import type { TransitionResponse } from '@xr/proto';
import { caseMessage } from './case-mapping.js';
import { callLogger, toServiceError } from '@xr/grpc-kit';
import { cacheKeyOf, requestKeyOf } from './request-key.js';
import type { RequestCache } from './request-cache.js';
import { traceOfCall } from './trace.js';
import { TRANSITION_RPCS } from './transitions.js';

type Handler = (call: ServerUnaryCall<Record<string, unknown>, TransitionResponse>, callback: sendUnaryData<TransitionResponse>) => void;

const asIs = (field: string): string => field;

/** Checks what the edge can know before the gateway: ids present, case known. */
function precheck(gateway: ExchangeGateway, requestId: unknown, caseId: unknown): Result<CaseState> {
  if (typeof requestId !== 'string' || requestId === '' || requestId.length > 128) return fail('XR_BAD_REQUEST', 'request_id is required (at most 128 characters)', 'request_id');
  if (typeof caseId !== 'string' || caseId === '') return fail('XR_BAD_REQUEST', 'case_id is required', 'case_id');
  const state = gateway.getCase(caseId);
  return state ? { ok: true, value: state } : fail('XR_CASE_NOT_FOUND', `no case ${caseId}`, 'case_id');
}

export function transitionHandlers(gateway: ExchangeGateway, logger: Logger, requests: RequestCache<Result<CaseState>>): Record<string, Handler> {
  const handlers: Record<string, Handler> = {};
  for (const [rpc, spec] of Object.entries(TRANSITION_RPCS)) {
    handlers[rpc] = (call, callback) => {
      const req = call.request as Record<string, unknown> & { requestId: string; caseId: string };
      const checked = precheck(gateway, req.requestId, req.caseId);
      if (!checked.ok) {
        callback(toServiceError(checked, asIs), null);
        return;
      }
      const state = checked.value;
      // The caller's region must be party to the case and own this side of it (PERMISSION_DENIED).
      const seen = authorizeCase(call, { receiving: state.receivingRegion, handling: state.handlingRegion }, spec.side);
      if (!seen.ok) {
        callback(toServiceError(seen), null);
        return;
      }
      const owner = spec.side === 'receiving' ? state.receivingRegion : state.handlingRegion;
      if (owner !== gateway.region) {
        callback(toServiceError(fail('XR_PERMISSION_DENIED', `${rpc} is done by the ${spec.side} region ${owner}; this gateway is ${gateway.region}`, 'case_id'), asIs), null);
        return;
      }
      const requestKey = requestKeyOf(call, req.requestId);
      const request = requestFingerprint(rpc, req);
      const target = spec.side === 'receiving' ? state.handlingRegion : state.receivingRegion;
      const { traceparent } = traceOfCall(call);
      const log = callLogger(logger, call.metadata);
      log.debug({ rpc, caseId: req.caseId, requestId: req.requestId }, 'transition received');
      requests
        .get(cacheKeyOf(requestKey, request), () => gateway.request({ requestId: requestKey, request, type: spec.type, v: 1, caseId: req.caseId, target, payload: spec.payload(req, new Date().toISOString()), traceparent }))
        .then(
          (outcome) => {
            if (!outcome.ok) {
              log.info({ rpc, caseId: req.caseId, code: outcome.code, field: outcome.field }, 'transition refused');
              callback(toServiceError(outcome), null);
              return;
            }
            log.info({ caseId: req.caseId, rpc, status: outcome.value.status }, 'transition journaled');
            callback(null, { case: caseMessage(outcome.value, gateway.deadlines(outcome.value)) });
          },
          (error: unknown) => {
            log.error({ rpc, err: error instanceof Error ? error.message : String(error) }, 'transition failed');
            callback(toServiceError(fail('XR_INTERNAL', 'internal error')), null);
          },
        );
    };
  }
  return handlers;
}

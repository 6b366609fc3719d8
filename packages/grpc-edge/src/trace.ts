/**
 * The trace of a call: the SERVER span `tracingInterceptor` (grpc-kit, installed by
 * `startGrpcEdge`) started for it, whose traceparent the interceptor put in the call's metadata and
 * sends back to the caller; the records the call writes are children of it.
 */
import type { Metadata } from '@grpc/grpc-js';
import { callTrace } from '@xr/grpc-kit';
import { continueOrStartTrace, parseTraceparent } from '@xr/exchange';

export function traceOfCall(call: { readonly metadata: Metadata }): { traceparent: string; traceId: string } {
  const served = callTrace(call.metadata);
  if (served) return served;
  // Not behind the interceptor (a handler called directly): a trace of its own.
  const traceparent = continueOrStartTrace(undefined);
  return { traceparent, traceId: parseTraceparent(traceparent)!.traceId };
}

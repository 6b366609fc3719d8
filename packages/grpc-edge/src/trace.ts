/** The W3C trace of a call: the caller's `traceparent` metadata continued, or a new trace; sent back in the response metadata. */
import { Metadata } from '@grpc/grpc-js';
import { TRACE_HEADER, continueOrStartTrace, parseTraceparent } from '@xr/exchange';

export function traceOfCall(call: { readonly metadata: Metadata; sendMetadata(m: Metadata): void }): { traceparent: string; traceId: string } {
  const given = call.metadata.get(TRACE_HEADER)[0];
  const traceparent = continueOrStartTrace(typeof given === 'string' ? given : undefined);
  const back = new Metadata();
  back.set(TRACE_HEADER, traceparent);
  call.sendMetadata(back);
  return { traceparent, traceId: parseTraceparent(traceparent)!.traceId };
}

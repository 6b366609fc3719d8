/**
 * W3C trace context carried through the exchange (the helpers and hop spans live in
 * `@xr/observability`): a client's `traceparent` (gRPC metadata, or a new one) goes into the header
 * of its inbox record, every journal record made from an inbox record carries the same trace id
 * with a new span id, and every delivery to a partner's inbox too, so one trace id follows a case
 * from one region's gRPC call through Kafka into the other region and back. Headers only: no signed
 * byte changes, and a record without (or with a malformed) `traceparent` simply starts no trace.
 */
export { TRACE_HEADER, childTraceparent, continueOrStartTrace, parseTraceparent, startHop, traceHeader } from '@xr/observability';
export type { Hop, TraceContext } from '@xr/observability';

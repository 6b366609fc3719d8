/**
 * W3C trace context (https://www.w3.org/TR/trace-context/) carried through the exchange: a
 * client's `traceparent` (gRPC metadata, or a new one) goes into the header of its inbox record,
 * every journal record made from an inbox record carries the same trace id with a new span id, and
 * every delivery to a partner's inbox too, so one trace id follows a case from one region's gRPC
 * call through Kafka into the other region and back. Headers only: no signed byte changes, and a
 * record without (or with a malformed) `traceparent` simply starts no trace. Tools that speak W3C
 * trace context (OpenTelemetry's propagators, a tracing backend) read these headers as they are.
 */
import { randomBytes } from 'node:crypto';

export const TRACE_HEADER = 'traceparent';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly flags: string;
}

/** A version-00 traceparent, or undefined (all-zero ids are invalid by the spec). */
export function parseTraceparent(value: string | undefined): TraceContext | undefined {
  const m = value === undefined ? null : TRACEPARENT.exec(value);
  if (!m || /^0+$/.test(m[1]!) || /^0+$/.test(m[2]!)) return undefined;
  return { traceId: m[1]!, spanId: m[2]!, flags: m[3]! };
}

function format(traceId: string, flags: string): string {
  let span = randomBytes(8).toString('hex');
  while (/^0+$/.test(span)) span = randomBytes(8).toString('hex');
  return `00-${traceId}-${span}-${flags}`;
}

/** The same trace, a new span: what a hop writes after reading `parent`; undefined without a parent. */
export function childTraceparent(parent: string | undefined): string | undefined {
  const p = parseTraceparent(parent);
  return p ? format(p.traceId, p.flags) : undefined;
}

/** The caller's trace continued, or a new sampled one. */
export function continueOrStartTrace(parent: string | undefined): string {
  return childTraceparent(parent) ?? format(randomBytes(16).toString('hex'), '01');
}

/** The header to add, if any. */
export function traceHeader(traceparent: string | undefined): Record<string, string> {
  return traceparent === undefined ? {} : { [TRACE_HEADER]: traceparent };
}

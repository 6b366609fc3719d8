/**
 * W3C trace context (https://www.w3.org/TR/trace-context/) and the spans of its hops. Every hop of
 * a case — the gRPC call, the record it writes into our inbox, each journal record the pipeline
 * makes from an inbox record, each delivery to a partner's inbox — is an OpenTelemetry span
 * (`@opentelemetry/api`) whose context is written as the record's `traceparent` header. Without an
 * SDK (tracing not configured) the API's tracer records nothing and a hop still gets a new span id
 * of the same trace, so the headers carry one trace id through both regions either way.
 */
import { randomBytes } from 'node:crypto';
import { ROOT_CONTEXT, SpanStatusCode, isSpanContextValid, trace, type Attributes, type SpanKind, type Tracer } from '@opentelemetry/api';

export { SpanKind } from '@opentelemetry/api';
export type { Attributes, Tracer } from '@opentelemetry/api';

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

/** The tracer of a process that configured none: the API's global one (records nothing unless an SDK was registered globally). */
export function defaultTracer(): Tracer {
  return trace.getTracer('xr');
}

/** One hop's span: its traceparent (to write on what the hop produces) and how to end it. */
export interface Hop {
  readonly traceparent: string;
  readonly traceId: string;
  readonly spanId: string;
  /** Ends the span; with a problem, its status is ERROR and `xr.code` names the stable code. */
  end(problem?: { readonly code: string; readonly message?: string }): void;
}

export interface HopOptions {
  readonly kind: SpanKind;
  readonly attributes?: Attributes;
  /** Without a valid parent: start a new trace (a gRPC call) instead of none (a record without a trace). */
  readonly root?: boolean;
}

/**
 * Starts the span of a hop as a child of `parent` (a traceparent). When the tracer records nothing
 * (no SDK), the span context is the parent's, so the hop gets a new span id of the parent's trace
 * here, exactly as before OpenTelemetry was wired in.
 */
export function startHop(tracer: Tracer, name: string, parent: string | undefined, options: HopOptions): Hop | undefined {
  const p = parseTraceparent(parent);
  if (!p && !options.root) return undefined;
  const context = p ? trace.setSpanContext(ROOT_CONTEXT, { traceId: p.traceId, spanId: p.spanId, traceFlags: Number.parseInt(p.flags, 16), isRemote: true }) : ROOT_CONTEXT;
  const span = tracer.startSpan(name, { kind: options.kind, ...(options.attributes ? { attributes: options.attributes } : {}) }, context);
  const own = span.spanContext();
  const traceparent =
    isSpanContextValid(own) && own.spanId !== p?.spanId
      ? `00-${own.traceId}-${own.spanId}-${own.traceFlags.toString(16).padStart(2, '0')}`
      : p
        ? format(p.traceId, p.flags)
        : continueOrStartTrace(undefined);
  const ctx = parseTraceparent(traceparent)!;
  let ended = false;
  return {
    traceparent,
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    end(problem) {
      if (ended) return;
      ended = true;
      if (problem) {
        span.setAttribute('xr.code', problem.code);
        span.setStatus({ code: SpanStatusCode.ERROR, ...(problem.message !== undefined ? { message: problem.message } : {}) });
      }
      span.end();
    },
  };
}

export { REDACTED_PATHS, createLogger } from './logger.js';
export type { Logger, LoggerSettings } from './logger.js';
export { Counters } from './counters.js';
export type { CounterSample, Labels, ObservationSink } from './counters.js';
export { SpanKind, TRACE_HEADER, childTraceparent, continueOrStartTrace, defaultTracer, parseTraceparent, startHop, traceHeader } from './trace-context.js';
export type { Attributes, Hop, HopOptions, TraceContext, Tracer } from './trace-context.js';
export { NO_TRACING, startTracing } from './tracing.js';
export type { Tracing, TracingSettings } from './tracing.js';

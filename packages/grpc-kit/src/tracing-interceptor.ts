/**
 * A grpc-js server interceptor making every call an OpenTelemetry SERVER span: a child of the
 * caller's W3C `traceparent` metadata, or the root of a new trace. The handler sees the span's own
 * traceparent in `call.metadata` (so what it writes — an inbox record — is a child of the call, and
 * `callTrace` reads it for the request's log lines), and the caller gets it back in the response
 * metadata (trailers when the call fails before any header is sent). The span ends with the status.
 * Without an OpenTelemetry SDK the span records nothing, and the call still gets a new span id of
 * the caller's trace (or a new trace). Health checks and reflection are not traced.
 */
import { Metadata, ServerInterceptingCall, status as grpcStatus, type ServerInterceptor } from '@grpc/grpc-js';
import { SpanKind, TRACE_HEADER, defaultTracer, parseTraceparent, startHop, type Hop, type Logger, type Tracer } from '@xr/observability';

const CODE_NAMES = new Map<number, string>(Object.entries(grpcStatus).flatMap(([name, code]) => (typeof code === 'number' ? [[code, name] as const] : [])));

const UNTRACED = /^grpc\.(health|reflection)\./;

export function tracingInterceptor(tracer: Tracer = defaultTracer(), attributes: Readonly<Record<string, string>> = {}): ServerInterceptor {
  return (descriptor, call) => {
    const [, service = 'unknown', method = 'unknown'] = descriptor.path.split('/');
    // Probes and reflection are not traced: a kubelet's health checks every few seconds would be most of the traces.
    if (UNTRACED.test(service)) return new ServerInterceptingCall(call);
    let hop: Hop | undefined;
    let headersSent = false;
    return new ServerInterceptingCall(call, {
      start: (next) => {
        next({
          onReceiveMetadata: (metadata, forward) => {
            const given = metadata.get(TRACE_HEADER)[0];
            hop = startHop(tracer, `${service}/${method}`, typeof given === 'string' ? given : undefined, {
              kind: SpanKind.SERVER,
              root: true,
              attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method, ...attributes },
            });
            metadata.set(TRACE_HEADER, hop!.traceparent);
            forward(metadata);
          },
        });
      },
      sendMetadata: (metadata, next) => {
        headersSent = true;
        if (hop) metadata.set(TRACE_HEADER, hop.traceparent);
        next(metadata);
      },
      sendStatus: (status, next) => {
        if (hop) {
          const code = CODE_NAMES.get(status.code) ?? String(status.code);
          hop.end(status.code === grpcStatus.OK ? undefined : { code, ...(status.details ? { message: status.details } : {}) });
          if (!headersSent) {
            const trailers = status.metadata?.clone() ?? new Metadata();
            trailers.set(TRACE_HEADER, hop.traceparent);
            next({ ...status, metadata: trailers });
            return;
          }
        }
        next(status);
      },
    });
  };
}

/** The trace of a call served behind `tracingInterceptor`: its span's ids, for log lines. */
export function callTrace(metadata: Metadata): { traceparent: string; traceId: string; spanId: string } | undefined {
  const value = metadata.get(TRACE_HEADER)[0];
  const ctx = parseTraceparent(typeof value === 'string' ? value : undefined);
  return ctx ? { traceparent: value as string, traceId: ctx.traceId, spanId: ctx.spanId } : undefined;
}

/** The logger of one call: every line it writes carries the call's `traceId` and `spanId`. */
export function callLogger(logger: Logger, metadata: Metadata): Logger {
  const t = callTrace(metadata);
  return t ? logger.child({ traceId: t.traceId, spanId: t.spanId }) : logger;
}

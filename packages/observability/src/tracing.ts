/**
 * The OpenTelemetry SDK of a process, only when tracing is configured: a tracer provider (its own,
 * not registered globally, so two gateways of one process — the demo, tests — each export as their
 * region) with a batch processor and the OTLP/HTTP exporter (JSON). The SDK and the exporter are
 * imported here, at start, and nowhere else; without a configuration nothing of them is loaded and
 * the API's tracer records nothing (`defaultTracer`).
 */
import type { Attributes, Tracer } from '@opentelemetry/api';
import { defaultTracer } from './trace-context.js';

export interface TracingSettings {
  /** The OTLP/HTTP traces endpoint, e.g. `http://collector:4318/v1/traces`. */
  readonly endpoint: string;
  /** Extra HTTP headers on every export (an ingest token). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Resource `service.name`. */
  readonly serviceName: string;
  /** More resource attributes, e.g. `{ 'xr.region': '371500' }`. */
  readonly attributes?: Attributes;
  /** Share of new traces sampled (a continued trace follows its parent's flag); default 1. */
  readonly sampleRatio?: number;
  /** Longest wait before a batch of ended spans is exported; default 5000 ms. */
  readonly exportDelayMs?: number;
}

export interface Tracing {
  readonly tracer: Tracer;
  /** Whether an SDK records and exports spans. */
  readonly enabled: boolean;
  /** Exports what has ended. */
  flush(): Promise<void>;
  /** Exports what has ended and stops. */
  shutdown(): Promise<void>;
}

/** No SDK: the API's tracer; every hop still carries its traceparent. */
export const NO_TRACING: Tracing = { tracer: defaultTracer(), enabled: false, flush: () => Promise.resolve(), shutdown: () => Promise.resolve() };

export async function startTracing(settings: TracingSettings | undefined): Promise<Tracing> {
  if (!settings) return NO_TRACING;
  const [sdk, { OTLPTraceExporter }, { resourceFromAttributes, defaultResource }] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const exporter = new OTLPTraceExporter({ url: settings.endpoint, ...(settings.headers ? { headers: { ...settings.headers } } : {}) });
  const provider = new sdk.TracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': settings.serviceName, ...settings.attributes })),
    sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(settings.sampleRatio ?? 1) }),
    spanProcessors: [new sdk.BatchSpanProcessor({ exporter, scheduledDelayMillis: settings.exportDelayMs ?? 5_000 })],
  });
  return {
    tracer: provider.getTracer('xr'),
    enabled: true,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

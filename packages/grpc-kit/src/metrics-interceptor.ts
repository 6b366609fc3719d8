/**
 * A grpc-js server interceptor timing every call: `xr_grpc_server_handling_seconds{service,method,code}`
 * observed when the status is sent (the code's name, e.g. `OK`, `PERMISSION_DENIED`). Labels come
 * from the method's path only, so their number is bounded by the services' methods.
 */
import { ServerInterceptingCall, status as grpcStatus, type ServerInterceptor } from '@grpc/grpc-js';
import type { Counters } from '@xr/observability';

export const GRPC_HANDLING_SECONDS = 'xr_grpc_server_handling_seconds';

const CODE_NAMES = new Map<number, string>(Object.entries(grpcStatus).flatMap(([name, code]) => (typeof code === 'number' ? [[code, name] as const] : [])));

function split(path: string): { service: string; method: string } {
  const [, service = 'unknown', method = 'unknown'] = path.split('/');
  return { service, method };
}

export function metricsInterceptor(counters: Counters): ServerInterceptor {
  return (descriptor, call) => {
    const started = process.hrtime.bigint();
    const { service, method } = split(descriptor.path);
    return new ServerInterceptingCall(call, {
      sendStatus: (status, next) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        counters.observe(GRPC_HANDLING_SECONDS, { service, method, code: CODE_NAMES.get(status.code) ?? String(status.code) }, seconds);
        next(status);
      },
    });
  };
}

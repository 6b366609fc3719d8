/** Binding and draining a grpc-js server. */
import type { Server, ServerCredentials } from '@grpc/grpc-js';
import type { StandardServices } from './standard-services.js';

export function listen(server: Server, address: string, credentials: ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => server.bindAsync(address, credentials, (error, port) => (error ? reject(error) : resolve(port))));
}

/**
 * Sets the health service NOT_SERVING first (probes and balancers stop sending), then lets calls
 * in flight finish and closes; forces it after `graceMs`.
 */
export function drain(server: Server, graceMs = 5_000, standard?: StandardServices): Promise<void> {
  standard?.drain();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

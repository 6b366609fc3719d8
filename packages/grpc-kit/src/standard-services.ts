/**
 * The standard services every xr gRPC server carries besides its own: `grpc.health.v1.Health`
 * (what `grpc_health_probe` and Kubernetes `grpc:` probes call) and server reflection v1 and
 * v1alpha (what `grpcurl list` and generic clients read). Both come from the grpc-node project
 * (`grpc-health-check`, `@grpc/reflection`). They are added without `withAuth`: a probe carries no
 * bearer token, and they tell nothing a port scan would not (service names and status).
 */
import { createRequire } from 'node:module';
import type { Server } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProtoPath, type ServingStatus } from 'grpc-health-check';

export const HEALTH_SERVICE = 'grpc.health.v1.Health';

const require = createRequire(import.meta.url);
const REFLECTION_PROTOS = ['v1', 'v1alpha'].map((v) => require.resolve(`@grpc/reflection/build/proto/grpc/reflection/${v}/reflection.proto`));

export interface StandardServicesOptions {
  /** Fully-qualified names of the server's own services; each gets a health status, as does "" (the whole server). */
  readonly services: readonly string[];
  /** The server's own proto files, loaded (`packageDefinitionOf` of @xr/proto); the health proto is added to it. */
  readonly definition: PackageDefinition;
  /** Whether the server can do its work now (event log open, registry read, pipeline running). */
  readonly ready: () => boolean;
  /** How often `ready` is asked again; default 1 s. */
  readonly pollMs?: number;
}

/** Health answers follow `ready()` until `drain()`; then every name is NOT_SERVING for good. */
export class StandardServices {
  private readonly health: HealthImplementation;
  private readonly reflection: ReflectionService;
  private readonly names: readonly string[];
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  private last: ServingStatus = 'NOT_SERVING';

  constructor(private readonly o: StandardServicesOptions) {
    this.names = ['', ...o.services];
    this.health = new HealthImplementation(Object.fromEntries(this.names.map((n) => [n, 'NOT_SERVING'])));
    // Health and reflection describe themselves too, as grpcurl expects (`grpcurl list` shows them).
    const standard = loadSync([healthProtoPath, ...REFLECTION_PROTOS], { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
    this.reflection = new ReflectionService({ ...o.definition, ...standard });
  }

  /** Adds Health and reflection to `server` and starts following `ready()`. */
  addTo(server: Server): this {
    this.health.addToServer(server);
    this.reflection.addToServer(server);
    this.refresh();
    this.timer = setInterval(() => this.refresh(), this.o.pollMs ?? 1_000);
    this.timer.unref();
    return this;
  }

  /** The status every name has now. */
  get status(): ServingStatus {
    return this.last;
  }

  /** Asks `ready()` again now; a throwing `ready` counts as not ready (health never crashes its host). */
  refresh(): void {
    if (this.draining) return;
    let ready = false;
    try {
      ready = this.o.ready();
    } catch {
      ready = false;
    }
    this.set(ready ? 'SERVING' : 'NOT_SERVING');
  }

  /** NOT_SERVING from now on: load balancers and probes stop sending before the server stops answering. */
  drain(): void {
    this.draining = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.set('NOT_SERVING');
  }

  private set(status: ServingStatus): void {
    if (status === this.last) return;
    this.last = status;
    for (const name of this.names) this.health.setStatus(name, status);
  }
}

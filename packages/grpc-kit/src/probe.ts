/**
 * A generic gRPC client in the manner of `grpcurl` and `grpc_health_probe`: it knows only the
 * server reflection protocol (its proto ships with `@grpc/reflection`), learns every other
 * descriptor from the server, and calls `grpc.health.v1.Health` through what it learnt. It uses
 * none of xr's generated stubs, so it proves the standard services interoperate. The container
 * health checks run it (`probe-main.ts`).
 */
import { createRequire } from 'node:module';
import { ChannelCredentials, Metadata, loadPackageDefinition, type Client, type ClientDuplexStream, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadFileDescriptorSetFromBuffer, loadSync } from '@grpc/proto-loader';
import { HEALTH_SERVICE } from './standard-services.js';

export type ReflectionVersion = 'v1' | 'v1alpha';
export type HealthStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

export interface ProbeTarget {
  /** host:port */
  readonly address: string;
  /** Default insecure (a probe on the pod's own port); pass TLS credentials for a TLS listener. */
  readonly credentials?: ChannelCredentials;
  /** Default v1. */
  readonly version?: ReflectionVersion;
  /** Per call; default 5 s. */
  readonly timeoutMs?: number;
}

interface ReflectionResponse {
  listServicesResponse?: { service: { name: string }[] };
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] };
  errorResponse?: { errorCode: number; errorMessage: string };
}

const require = createRequire(import.meta.url);
const reflectionClients = new Map<ReflectionVersion, ServiceClientConstructor>();

function reflectionClient(version: ReflectionVersion): ServiceClientConstructor {
  let found = reflectionClients.get(version);
  if (found) return found;
  const file = require.resolve(`@grpc/reflection/build/proto/grpc/reflection/${version}/reflection.proto`);
  const pkg = loadPackageDefinition(loadSync(file, { longs: String, enums: String, defaults: true, oneofs: true }));
  found = walk(pkg, `grpc.reflection.${version}.ServerReflection`) as ServiceClientConstructor;
  reflectionClients.set(version, found);
  return found;
}

function walk(root: GrpcObject, dotted: string): unknown {
  let at: unknown = root;
  for (const part of dotted.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
  if (typeof at !== 'function') throw new Error(`no service ${dotted} in the descriptors`);
  return at;
}

function deadline(t: ProbeTarget): Date {
  return new Date(Date.now() + (t.timeoutMs ?? 5_000));
}

function open<C extends Client>(Ctor: ServiceClientConstructor, t: ProbeTarget): C {
  return new Ctor(t.address, t.credentials ?? ChannelCredentials.createInsecure()) as unknown as C;
}

/** One request on the bidirectional ServerReflectionInfo stream, one answer. */
async function ask(t: ProbeTarget, request: Record<string, string>): Promise<ReflectionResponse> {
  const client = open<Client & { ServerReflectionInfo(m: Metadata, o: { deadline: Date }): ClientDuplexStream<unknown, ReflectionResponse> }>(reflectionClient(t.version ?? 'v1'), t);
  try {
    return await new Promise<ReflectionResponse>((resolve, reject) => {
      const stream = client.ServerReflectionInfo(new Metadata(), { deadline: deadline(t) });
      stream.once('data', (r: ReflectionResponse) => {
        resolve(r);
        stream.end();
      });
      stream.once('error', reject);
      stream.write({ host: '', ...request });
    });
  } finally {
    client.close();
  }
}

/** The services the server lists (`grpcurl list`). */
export async function listServices(t: ProbeTarget): Promise<string[]> {
  const r = await ask(t, { listServices: '' });
  if (r.errorResponse) throw new Error(`reflection: ${r.errorResponse.errorMessage}`);
  return (r.listServicesResponse?.service ?? []).map((s) => s.name).sort();
}

/** FileDescriptorProtos → a FileDescriptorSet (field 1, length-delimited, repeated). */
function descriptorSet(files: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    const len: number[] = [];
    let n = f.length;
    while (n > 0x7f) {
      len.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    len.push(n);
    parts.push(Buffer.from([0x0a, ...len]), f);
  }
  return Buffer.concat(parts);
}

/** The client class of a service, built from the descriptors the server reflects (`grpcurl describe`). */
export async function resolveService(t: ProbeTarget, service: string): Promise<ServiceClientConstructor> {
  const r = await ask(t, { fileContainingSymbol: service });
  if (r.errorResponse) throw new Error(`reflection: ${r.errorResponse.errorMessage}`);
  const files = r.fileDescriptorResponse?.fileDescriptorProto ?? [];
  const pkg = loadPackageDefinition(loadFileDescriptorSetFromBuffer(descriptorSet(files), { longs: String, enums: String, defaults: true }));
  return walk(pkg, service) as ServiceClientConstructor;
}

/** A message's fields as the server reflects them (`grpcurl describe <message>`): name, JSON name, number. */
export async function describeMessage(t: ProbeTarget, message: string): Promise<{ name: string; jsonName: string; number: number }[]> {
  const r = await ask(t, { fileContainingSymbol: message });
  if (r.errorResponse) throw new Error(`reflection: ${r.errorResponse.errorMessage}`);
  const pkg = loadFileDescriptorSetFromBuffer(descriptorSet(r.fileDescriptorResponse?.fileDescriptorProto ?? []), { longs: String, enums: String, defaults: true });
  const found = pkg[message] as { type?: { field?: { name: string; jsonName?: string; number: number }[] } } | undefined;
  if (!found?.type) throw new Error(`no message ${message} in the descriptors`);
  return (found.type.field ?? []).map((f) => ({ name: f.name, jsonName: f.jsonName ?? '', number: f.number }));
}

type HealthClient = Client & {
  Check(req: { service: string }, md: Metadata, o: { deadline: Date }, cb: (e: (Error & { code?: number }) | null, r?: { status: HealthStatus }) => void): void;
  Watch(req: { service: string }): NodeJS.EventEmitter & { cancel(): void };
};

/** `Health/Check` of `service` ("" = the whole server), through the reflected descriptor. */
export async function checkHealth(t: ProbeTarget, service = ''): Promise<HealthStatus> {
  const client = open<HealthClient>(await resolveService(t, HEALTH_SERVICE), t);
  try {
    return await new Promise<HealthStatus>((resolve, reject) => {
      client.Check({ service }, new Metadata(), { deadline: deadline(t) }, (error, reply) => {
        // NOT_FOUND is how Check says "no such service" (grpc_health_probe's SERVICE_UNKNOWN).
        if (error) return error.code === 5 ? resolve('SERVICE_UNKNOWN') : reject(error);
        resolve(reply?.status ?? 'UNKNOWN');
      });
    });
  } finally {
    client.close();
  }
}

/** `Health/Watch`: every status the server sends until `stop()`. */
export async function watchHealth(t: ProbeTarget, service: string, onStatus: (s: HealthStatus) => void): Promise<{ stop(): void }> {
  const client = open<HealthClient>(await resolveService(t, HEALTH_SERVICE), t);
  const call = client.Watch({ service });
  call.on('data', (r: { status: HealthStatus }) => onStatus(r.status));
  call.on('error', () => undefined);
  return {
    stop: () => {
      call.cancel();
      client.close();
    },
  };
}

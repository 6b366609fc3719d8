/**
 * A tiny gRPC service with JSON messages (generic service definition, no .proto): Echo (unary read),
 * Poke (unary, a receiving-side transition), Watch (server-streaming read), Secret (no policy entry).
 */
import { Client, Metadata, Server, type ChannelCredentials, type ChannelOptions, type ServerCredentials, type ServiceDefinition, type ServiceError, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { buildPolicy, RULES } from '../../src/index.js';

export const SERVICE = 'xr.test.v1.EchoService';

export interface Msg {
  readonly text: string;
  readonly caller?: unknown;
}

const serialize = (m: Msg): Buffer => Buffer.from(JSON.stringify(m));
const deserialize = (b: Buffer): Msg => JSON.parse(b.toString('utf8')) as Msg;

function method(name: string, responseStream: boolean): ServiceDefinition[string] {
  return { path: `/${SERVICE}/${name}`, requestStream: false, responseStream, requestSerialize: serialize, requestDeserialize: deserialize, responseSerialize: serialize, responseDeserialize: deserialize };
}

export const ECHO_SERVICE: ServiceDefinition = { Echo: method('Echo', false), Poke: method('Poke', false), Watch: method('Watch', true), Secret: method('Secret', false) };

export const ECHO_POLICY = buildPolicy([
  [`${SERVICE}/Echo`, RULES.caseRead],
  [`${SERVICE}/Poke`, RULES.receivingTransition],
  [`${SERVICE}/Watch`, RULES.caseRead],
]);

export async function serve(handlers: UntypedServiceImplementation, credentials: ServerCredentials): Promise<{ port: number; close: () => void }> {
  const server = new Server();
  server.addService(ECHO_SERVICE, handlers);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', credentials, (e, p) => (e ? reject(e) : resolve(p))));
  return { port, close: () => server.forceShutdown() };
}

export type Outcome = { ok: true; value: Msg } | { ok: false; code: number; details: string; metadata: Metadata };

export class EchoClient {
  private readonly client: Client;

  constructor(address: string, credentials: ChannelCredentials, options: ChannelOptions = {}) {
    this.client = new Client(address, credentials, options);
  }

  unary(name: 'Echo' | 'Poke' | 'Secret', token?: string, text = 'hi'): Promise<Outcome> {
    const md = new Metadata();
    if (token !== undefined) md.set('authorization', `Bearer ${token}`);
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(`/${SERVICE}/${name}`, serialize, deserialize, { text }, md, { deadline: Date.now() + 5000 }, (error: ServiceError | null, value?: Msg) => {
        resolve(error ? { ok: false, code: error.code, details: error.details, metadata: error.metadata } : { ok: true, value: value! });
      });
    });
  }

  watch(token?: string): Promise<{ messages: Msg[]; code: number; details: string }> {
    const md = new Metadata();
    if (token !== undefined) md.set('authorization', `Bearer ${token}`);
    const stream = this.client.makeServerStreamRequest(`/${SERVICE}/Watch`, serialize, deserialize, { text: 'w' }, md, { deadline: Date.now() + 5000 });
    const messages: Msg[] = [];
    return new Promise((resolve) => {
      stream.on('data', (m: Msg) => messages.push(m));
      stream.on('error', (e: ServiceError) => resolve({ messages, code: e.code, details: e.details }));
      stream.on('status', (s: { code: number; details: string }) => {
        if (s.code === 0) resolve({ messages, code: 0, details: s.details });
      });
    });
  }

  close(): void {
    this.client.close();
  }
}

import { status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOf, channelCredentials, serverCredentials, withAuth, type Authenticator, type ClientTlsConfig, type ServerTlsConfig } from '../src/index.js';
import { hasOpenssl, makePki, type TestPki } from './helpers/certs.js';
import { EchoClient, ECHO_POLICY, SERVICE, serve, type Msg } from './helpers/echo-service.js';
import { authenticator, HERE, testIssuer, token } from './helpers/issuers.js';

const idp = testIssuer('https://idp.tls.test');
const handlers = {
  Echo(call: ServerUnaryCall<Msg, Msg>, callback: sendUnaryData<Msg>) {
    callback(null, { text: call.request.text, caller: callerOf(call) });
  },
};

function must<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe.skipIf(!hasOpenssl())('TLS and mTLS listeners', () => {
  let pki: TestPki;
  let auth: Authenticator;
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    pki = makePki();
    auth = await authenticator({ issuers: [{ iss: idp.iss, keys: [idp.publicJwk] }], peerCertificates: true });
  });

  afterAll(() => {
    for (const close of closers) close();
    pki.remove();
  });

  async function listen(config: ServerTlsConfig): Promise<number> {
    const tls = must(serverCredentials(config));
    const server = await serve(withAuth(handlers, { serviceName: SERVICE, authenticator: auth, policy: ECHO_POLICY, region: HERE }), tls.credentials);
    closers.push(server.close);
    return server.port;
  }

  function dial(port: number, config: ClientTlsConfig): EchoClient {
    const tls = must(channelCredentials(config));
    const client = new EchoClient(`localhost:${port}`, tls.credentials, tls.channelOptions);
    closers.push(() => client.close());
    return client;
  }

  it('flags insecure credentials so the caller can warn', () => {
    expect(must(serverCredentials({ mode: 'insecure' }))).toMatchObject({ insecure: true, mutual: false });
    expect(must(channelCredentials({ mode: 'insecure' })).insecure).toBe(true);
  });

  it('names the setting whose file is missing', () => {
    expect(serverCredentials({ mode: 'tls', certFile: '/nonexistent/cert.pem', keyFile: pki.server.keyFile })).toMatchObject({ ok: false, code: 'XR_BAD_REQUEST', field: 'certFile' });
    expect(channelCredentials({ mode: 'tls', certFile: pki.server.certFile })).toMatchObject({ ok: false, field: 'keyFile' });
  });

  it('serves over TLS to a client that trusts the CA', async () => {
    const port = await listen({ mode: 'tls', ...pki.server });
    const client = dial(port, { mode: 'tls', caFile: pki.caFile });
    expect(await client.unary('Echo', await token(idp))).toMatchObject({ ok: true, value: { text: 'hi' } });
  });

  it('under mTLS refuses a client without a certificate', async () => {
    const port = await listen({ mode: 'tls', ...pki.server, clientCaFile: pki.caFile });
    const client = dial(port, { mode: 'tls', caFile: pki.caFile });
    const r = await client.unary('Echo', await token(idp));
    expect(r).toMatchObject({ ok: false, code: status.UNAVAILABLE });
  });

  it('under mTLS takes the caller from the client certificate when there is no token', async () => {
    const port = await listen({ mode: 'tls', ...pki.server, clientCaFile: pki.caFile });
    const hall = pki.client('hall-371500', `URI:urn:xr:region:${HERE}:role:system`);
    const client = dial(port, { mode: 'tls', caFile: pki.caFile, ...hall });
    expect(await client.unary('Echo')).toEqual({ ok: true, value: { text: 'hi', caller: { subject: 'hall-371500', issuer: 'x509:xr test ca', role: 'system', region: HERE } } });
    // A token, when present, wins over the certificate.
    const r = await client.unary('Echo', await token(idp, { role: 'auditor', region: '*', sub: 'aud' }));
    expect(r.ok && (r.value.caller as { role: string }).role).toBe('auditor');
  });

  it('under mTLS refuses a certificate that names no xr identity', async () => {
    const port = await listen({ mode: 'tls', ...pki.server, clientCaFile: pki.caFile });
    const plain = pki.client('someone', 'DNS:someone.example');
    const client = dial(port, { mode: 'tls', caFile: pki.caFile, ...plain });
    expect(await client.unary('Echo')).toMatchObject({ ok: false, code: status.UNAUTHENTICATED });
  });
});

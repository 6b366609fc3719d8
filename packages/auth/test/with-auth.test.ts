import { credentials, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeCase, callerOf, withAuth, type Caller } from '../src/index.js';
import { EchoClient, ECHO_POLICY, SERVICE, serve, type Msg } from './helpers/echo-service.js';
import { authenticator, HERE, PARTNER, testIssuer, token } from './helpers/issuers.js';

const idp = testIssuer('https://idp.test');
const warnings: unknown[] = [];
let server: { port: number; close: () => void };
let client: EchoClient;

beforeAll(async () => {
  const auth = await authenticator({ issuers: [{ iss: idp.iss, keys: [idp.publicJwk] }] });
  const handlers = {
    Echo(call: ServerUnaryCall<Msg, Msg>, callback: sendUnaryData<Msg>) {
      callback(null, { text: call.request.text, caller: callerOf(call) });
    },
    Poke(call: ServerUnaryCall<Msg, Msg>, callback: sendUnaryData<Msg>) {
      // The case the poke is about: received elsewhere (text = its receiving region).
      const allowed = authorizeCase(call, { receiving: call.request.text, handling: PARTNER });
      callback(allowed.ok ? null : { code: status.PERMISSION_DENIED, details: allowed.message }, allowed.ok ? { text: 'poked' } : null);
    },
    Watch(call: ServerWritableStream<Msg, Msg>) {
      const caller = callerOf(call) as Caller;
      call.write({ text: 'one', caller });
      call.write({ text: 'two' });
      call.end();
    },
    Secret(_call: ServerUnaryCall<Msg, Msg>, callback: sendUnaryData<Msg>) {
      callback(null, { text: 'leaked' });
    },
  };
  const logger = { info: () => undefined, warn: (obj: unknown) => void warnings.push(obj) };
  server = await serve(withAuth(handlers, { serviceName: SERVICE, authenticator: auth, policy: ECHO_POLICY, region: HERE, logger }), ServerCredentials.createInsecure());
  client = new EchoClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
});

afterAll(() => {
  client.close();
  server.close();
});

describe('withAuth on a real grpc-js server', () => {
  it('refuses a call without a token: UNAUTHENTICATED with a stable code', async () => {
    const r = await client.unary('Echo');
    expect(r).toMatchObject({ ok: false, code: status.UNAUTHENTICATED });
    if (!r.ok) expect(r.metadata.get('xr-code')).toEqual(['XR_UNAUTHENTICATED']);
  });

  it('refuses a bad token', async () => {
    expect(await client.unary('Echo', 'not.a.jwt')).toMatchObject({ ok: false, code: status.UNAUTHENTICATED });
  });

  it('refuses the wrong role: PERMISSION_DENIED', async () => {
    const r = await client.unary('Poke', await token(idp, { role: 'auditor', region: '*' }), HERE);
    expect(r).toMatchObject({ ok: false, code: status.PERMISSION_DENIED });
    if (!r.ok) expect(r.details).toContain('role auditor may not call it; it may be called by system of 371500');
  });

  it('refuses a system of another region', async () => {
    expect(await client.unary('Echo', await token(idp, { region: PARTNER }))).toMatchObject({ ok: false, code: status.PERMISSION_DENIED });
  });

  it('passes a good call through, and the handler sees the Caller', async () => {
    const r = await client.unary('Echo', await token(idp, { sub: 'window-7' }));
    expect(r).toEqual({ ok: true, value: { text: 'hi', caller: { subject: 'window-7', issuer: idp.iss, role: 'system', region: HERE } } });
  });

  it('lets the handler check the case parties', async () => {
    const jwt = await token(idp);
    expect(await client.unary('Poke', jwt, HERE)).toEqual({ ok: true, value: { text: 'poked' } });
    expect(await client.unary('Poke', jwt, '110000')).toMatchObject({ ok: false, code: status.PERMISSION_DENIED });
  });

  it('denies a method with no policy entry, and said so at wrap time', async () => {
    expect(await client.unary('Secret', await token(idp, { role: 'admin', region: '*' }))).toMatchObject({ ok: false, code: status.PERMISSION_DENIED });
    expect(warnings).toEqual([{ rpc: `${SERVICE}/Secret` }]);
  });

  it('guards server-streaming calls too', async () => {
    expect(await client.watch()).toMatchObject({ messages: [], code: status.UNAUTHENTICATED });
    expect(await client.watch(await token(idp, { region: PARTNER }))).toMatchObject({ messages: [], code: status.PERMISSION_DENIED });
    const ok = await client.watch(await token(idp, { role: 'auditor', region: '*', sub: 'audit' }));
    expect(ok.code).toBe(status.OK);
    expect(ok.messages).toEqual([{ text: 'one', caller: { subject: 'audit', issuer: idp.iss, role: 'auditor', region: '*' } }, { text: 'two' }]);
  });
});

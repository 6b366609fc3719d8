/** `xr admin witness-policy`: argument checks (exit 2, nothing sent), and the requests and output over a real gRPC socket. */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { loadAdminService, type GetWitnessPolicyRequest__Output, type SetWitnessPolicyRequest__Output } from '@xr/proto';
import { run, type CliIo } from '../src/index.js';

// An outside witness's verifier key: name + key id + base64(0x04 ‖ key); its id is not checked by the CLI (the registry does).
const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
const vkey = `witness.sd.gov.cn+0a1b2c3d+${Buffer.concat([Buffer.of(4), raw]).toString('base64')}`;

const received: { set: SetWitnessPolicyRequest__Output[]; get: GetWitnessPolicyRequest__Output[] } = { set: [], get: [] };
let server: Server;
let address: string;

beforeAll(async () => {
  server = new Server();
  server.addService(loadAdminService().AdminService.service, {
    SetWitnessPolicy: (call: ServerUnaryCall<SetWitnessPolicyRequest__Output, unknown>, cb: sendUnaryData<unknown>) => {
      received.set.push(call.request);
      cb(null, { recordId: '0193a5b0-0000-7000-8000-000000000001', offset: 7, duplicate: false });
    },
    GetWitnessPolicy: (call: ServerUnaryCall<GetWitnessPolicyRequest__Output, unknown>, cb: sendUnaryData<unknown>) => {
      received.get.push(call.request);
      cb(null, { region: call.request.region, quorum: 1, witnesses: [{ region: '370200' }], isDefault: true, tlogPolicy: '# witness policy of region 371500\nwitness 370200 xr.witness.370200+00000000+AA==\nquorum 370200\n' });
    },
  });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  address = `127.0.0.1:${port}`;
});
afterAll(() => {
  server.forceShutdown();
});

async function xr(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { XR_ADMIN_URL: address }, cwd: '/' };
  return { code: await run(argv, io), stdout, stderr };
}

describe('xr admin witness-policy', () => {
  it('refuses bad arguments before sending anything', async () => {
    const sent = received.set.length;
    expect(await xr('admin', 'witness-policy', 'frob')).toMatchObject({ code: 2, stderr: expect.stringContaining('set or show') as unknown });
    expect(await xr('admin', 'witness-policy', 'set', '--region', '371500', '--quorum', '1')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --witness)') as unknown });
    expect(await xr('admin', 'witness-policy', 'set', '--region', '371500', '--quorum', '2', '--witness', '370200')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --quorum)') as unknown });
    expect(await xr('admin', 'witness-policy', 'set', '--region', '371500', '--witness', '370200')).toMatchObject({ code: 2, stderr: expect.stringContaining('--quorum is required') as unknown });
    expect(await xr('admin', 'witness-policy', 'set', '--region', '371500', '--quorum', '1', '--witness', '370200', '--witness', 'not a key')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --witness[1])') as unknown });
    expect(await xr('admin', 'witness-policy', 'set', '--region', '371500', '--quorum', '1', '--witness', `${vkey}@ftp://x`)).toMatchObject({ code: 2, stderr: expect.stringContaining('http(s)') as unknown });
    expect(await xr('admin', 'witness-policy', 'set', '--region', '371500', '--quorum', '1', '--witness', '999999')).toMatchObject({ code: 2, stderr: expect.stringContaining('XR_REGION_UNKNOWN') as unknown });
    expect(await xr('admin', 'witness-policy', 'show')).toMatchObject({ code: 2, stderr: expect.stringContaining('--region is required') as unknown });
    expect(received.set.length).toBe(sent);
  });

  it('sends a k-of-n policy of regions and outside witnesses (name from the key, URL after @)', async () => {
    const out = await xr('admin', 'witness-policy', 'set', '--region', '371500', '--quorum', '2', '--witness', '370200', '--witness', `${vkey}@https://witness.sd.gov.cn/w`, '--request-id', 'wp-1');
    expect(out).toMatchObject({ code: 0, stdout: expect.stringContaining('witness policy of 371500: 2 of 2 (370200, witness.sd.gov.cn): record 0193a5b0-') as unknown });
    expect(received.set.at(-1)).toMatchObject({
      requestId: 'wp-1',
      region: '371500',
      quorum: 2,
      witnesses: [
        { region: '370200', name: '', verifierKey: '', url: '' },
        { region: '', name: 'witness.sd.gov.cn', verifierKey: vkey, url: 'https://witness.sd.gov.cn/w' },
      ],
    });
  });

  it('shows a policy in tlog-policy syntax, the region as a word or --region; --json gives the message', async () => {
    const shown = await xr('admin', 'witness-policy', 'show', '371500');
    expect(shown).toMatchObject({ code: 0, stdout: '# witness policy of region 371500\nwitness 370200 xr.witness.370200+00000000+AA==\nquorum 370200\n' });
    expect(received.get.at(-1)).toEqual({ region: '371500' });
    const json = await xr('admin', 'witness-policy', 'show', '--region', '370200', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ region: '370200', quorum: 1, isDefault: true });
  });
});

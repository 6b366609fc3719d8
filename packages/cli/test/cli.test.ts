/** The command line: argument and file errors name the code and the field, exit 2, and send nothing. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { run, type CliIo } from '../src/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xr-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function xr(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  // An address nothing listens on: a test that got past argument checks would fail with exit 1, not 2.
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { XR_ADMIN_URL: '127.0.0.1:1' }, cwd: dir };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe('xr argument errors', () => {
  it('prints help, and refuses unknown commands', async () => {
    expect(await xr('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('xr admin register') as unknown });
    expect((await xr()).code).toBe(2);
    expect(await xr('admin', 'frobnicate')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^xr: XR_BAD_REQUEST: unknown admin command "frobnicate".*\(field command\)/) as unknown });
    expect(await xr('gateway')).toMatchObject({ code: 2 });
  });

  it('names a missing or unknown option', async () => {
    expect(await xr('admin', 'suspend', '--region', '371500')).toMatchObject({ code: 2, stderr: 'xr: XR_BAD_REQUEST: --reason is required (field --reason)\n' });
    expect(await xr('admin', 'suspend', '--region', '371500', '--reason', 'x', '--regoin', 'y')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --regoin)') as unknown });
    expect(await xr('admin', 'list', 'extra')).toMatchObject({ code: 2 });
  });

  it('checks region codes, times and numbers before sending', async () => {
    expect(await xr('admin', 'resume', '--region', '999999')).toMatchObject({ code: 2, stderr: expect.stringMatching(/XR_REGION_UNKNOWN.*\(field --region\)/) as unknown });
    expect(await xr('admin', 'revoke-key', '--region', '371500', '--kid', '371500.k1', '--effective-at', '2025-06-01')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --effective-at)') as unknown });
    expect(await xr('admin', 'quarantine', '--region', '371500', '--limit', '0')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --limit)') as unknown });
    expect(await xr('admin', 'recognise', '--region', '371500', '--issuer', '370200')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --types)') as unknown });
  });

  it('reports errors as JSON with --json', async () => {
    const { code, stderr } = await xr('admin', 'resume', '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stderr)).toEqual({ error: { code: 'XR_BAD_REQUEST', message: '--region is required', field: '--region' } });
  });

  it('needs an admin address', async () => {
    let stderr = '';
    const code = await run(['admin', 'list'], { stdout: () => undefined, stderr: (t) => (stderr += t), env: {}, cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('(field --admin-url)');
  });

  it('exits 1 with XR_UNAVAILABLE when the service cannot be reached', async () => {
    const { code, stderr } = await xr('admin', 'list', '--admin-url', '127.0.0.1:1');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^xr: XR_UNAVAILABLE: cannot reach the admin service at 127\.0\.0\.1:1/);
  });
});

describe('xr admin register --file', () => {
  const key = generateKeyPair(makeKid('371500', 1));
  const city = { region: '371500', name: '聊城市', keys: [key.publicJwk], contact: { email: 'ops@liaocheng.example.cn' } };

  it('refuses a file with a private key, a schema violation or no JSON, naming the field', async () => {
    await writeFile(join(dir, 'private.json'), JSON.stringify({ ...city, keys: [key.privateJwk] }));
    expect(await xr('admin', 'register', '--file', 'private.json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/private key .*\(field --file keys\.keys\[0\]\.d\)/) as unknown });
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...city, region: '37150', colour: 'red' }));
    expect(await xr('admin', 'register', '--file', 'bad.json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^xr: XR_SCHEMA_INVALID: bad\.json: (region|colour)/) as unknown });
    await writeFile(join(dir, 'text.json'), 'not json');
    expect(await xr('admin', 'register', '--file', 'text.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('is not JSON') as unknown });
    expect(await xr('admin', 'register', '--file', 'missing.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --file)') as unknown });
  });

  it('gets past the file checks with a good file (then fails to connect: exit 1)', async () => {
    await writeFile(join(dir, 'city.json'), JSON.stringify(city));
    expect(await xr('admin', 'register', '--file', 'city.json')).toMatchObject({ code: 1, stderr: expect.stringContaining('XR_UNAVAILABLE') as unknown });
  });

  it('refuses a private key given to rotate-key', async () => {
    await writeFile(join(dir, 'k2.json'), JSON.stringify(generateKeyPair(makeKid('371500', 2)).privateJwk));
    expect(await xr('admin', 'rotate-key', '--region', '371500', '--key-file', 'k2.json', '--overlap-until', 'now')).toMatchObject({ code: 2, stderr: expect.stringContaining('is a private key') as unknown });
  });
});

describe('xr admin calendar set --file', () => {
  const example = new URL('../../../docs/examples/holiday-notice-2027.json', import.meta.url);
  const notice = async () => JSON.parse(await readFile(example, 'utf8')) as { year: number; periods: { name: string; daysOff: string[]; worked: string[] }[] };

  it('checks the README example as every gateway would, then sends it (fails to connect: exit 1)', async () => {
    expect(await xr('admin', 'calendar', 'set', '--year', '2027', '--file', example.pathname)).toMatchObject({ code: 1, stderr: expect.stringContaining('XR_UNAVAILABLE') as unknown });
  });

  it('refuses a worked weekday, a dropped statutory holiday or another year, naming the field, before anything is signed', async () => {
    const worked = await notice();
    worked.periods[6]!.worked.push('2027-10-08');
    await writeFile(join(dir, 'worked.json'), JSON.stringify(worked));
    expect(await xr('admin', 'calendar', 'set', '--year', '2027', '--file', 'worked.json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^xr: XR_CALENDAR_INVALID: .*2027-10-08 .*not a Saturday or Sunday \(field --file periods\[6\]\.worked\[2\]\)/) as unknown });
    const dropped = await notice();
    dropped.periods.splice(4, 1);
    await writeFile(join(dir, 'dropped.json'), JSON.stringify(dropped));
    expect(await xr('admin', 'calendar', 'set', '--year', '2027', '--file', 'dropped.json')).toMatchObject({ code: 2, stderr: expect.stringMatching(/XR_CALENDAR_INVALID: .*2027-06-09 \(2027 端午节\) is a statutory holiday.*\(field --file periods\)/) as unknown });
    expect(await xr('admin', 'calendar', 'set', '--year', '2028', '--file', example.pathname)).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --year)') as unknown });
    expect(await xr('admin', 'calendar', 'publish', '--year', '2027')).toMatchObject({ code: 2, stderr: expect.stringContaining('set or list') as unknown });
  });
});

describe('xr keys new', () => {
  it('writes a private (0600) and a public JWK, and never overwrites', async () => {
    const out = await xr('keys', 'new', '--region', '370200', '--generation', '3', '--out', 'keys', '--json');
    expect(out.code).toBe(0);
    const made = JSON.parse(out.stdout) as { kid: string; privateKeyFile: string; publicKeyFile: string };
    expect(made.kid).toBe('370200.k3');
    expect(JSON.parse(await readFile(made.publicKeyFile, 'utf8'))).not.toHaveProperty('d');
    expect(JSON.parse(await readFile(made.privateKeyFile, 'utf8'))).toHaveProperty('d');
    expect((await stat(made.privateKeyFile)).mode & 0o777).toBe(0o600);
    expect((await xr('keys', 'new', '--region', '370200', '--generation', '3', '--out', 'keys')).code).toBe(2);
  });

  it('makes admin keys and refuses bad input', async () => {
    const out = await xr('keys', 'new', '--admin', 'ops', '--out', 'admin', '--json');
    expect(JSON.parse(out.stdout)).toMatchObject({ kid: 'admin-ops.k1' });
    expect((await xr('keys', 'new', '--region', '371500', '--admin', 'ops')).stderr).toContain('exactly one');
    expect((await xr('keys', 'new', '--region', '371500', '--generation', 'x')).stderr).toContain('(field --generation)');
  });
});

describe('xr keys issuer and xr keys token: development identities', () => {
  it('makes an issuer whose tokens a gateway configured with its public key accepts, for the role and region asked', async () => {
    const { createAuthenticator } = await import('@xr/auth');
    const made = await xr('keys', 'issuer', '--name', 'dev-idp', '--out', 'idp');
    expect(made.code).toBe(0);
    const publicJwk = JSON.parse(await readFile(join(dir, 'idp', 'dev-idp.issuer.pub.jwk.json'), 'utf8')) as object;
    const token = await xr('keys', 'token', '--issuer-key', 'idp/dev-idp.issuer.jwk.json', '--role', 'system', '--region', '371500');
    expect(token.code).toBe(0);
    const auth = await createAuthenticator({ issuers: [{ iss: 'dev-idp', keys: [publicJwk as never] }] });
    if (!auth.ok) throw new Error(auth.message);
    expect(await auth.value.verifyToken(token.stdout.trim())).toMatchObject({ ok: true, value: { role: 'system', region: '371500', issuer: 'dev-idp' } });
    expect(await xr('keys', 'token', '--issuer-key', 'idp/dev-idp.issuer.jwk.json', '--role', 'mayor', '--region', '371500')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --role)') as unknown });
    expect(await xr('keys', 'token', '--issuer-key', 'idp/missing.json', '--role', 'admin', '--region', '*')).toMatchObject({ code: 2, stderr: expect.stringContaining('(field --issuer-key)') as unknown });
  });
});

/**
 * Development identities: `xr keys issuer --name N [--out dir]` makes a token issuer's key pair
 * (its public JWK goes into `auth.issuers` of gateways and the admin service), and
 * `xr keys token --issuer-key F --role R --region X [--sub S] [--ttl SECONDS]` prints a bearer JWT.
 */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateIssuerKeyPair, isRole, issueToken, type IssuerPrivateJwk } from '@xr/auth';
import { isRegionCode } from '@xr/domain';
import { integer, optional, parseOptions, required, type OptionSpec } from '../args.js';
import type { CliIo } from '../io.js';
import { CliFailure, usage } from '../problem.js';

export const KEYS_ISSUER_OPTIONS = { name: { type: 'string' }, out: { type: 'string' } } as const satisfies OptionSpec;
export const KEYS_TOKEN_OPTIONS = {
  'issuer-key': { type: 'string' },
  role: { type: 'string' },
  region: { type: 'string' },
  sub: { type: 'string' },
  ttl: { type: 'string' },
  aud: { type: 'string' },
} as const satisfies OptionSpec;

export async function keysIssuer(args: readonly string[], io: CliIo): Promise<void> {
  const values = parseOptions(args, KEYS_ISSUER_OPTIONS);
  const name = required(values, 'name');
  if (!/^[a-z][a-z0-9-]{0,60}$/.test(name)) throw usage('issuer name must be lower-case letters, digits and -, starting with a letter', '--name');
  const dir = resolve(io.cwd, optional(values, 'out') ?? '.');
  const { privateJwk, publicJwk } = generateIssuerKeyPair(name);
  const privatePath = resolve(dir, `${name}.issuer.jwk.json`);
  const publicPath = resolve(dir, `${name}.issuer.pub.jwk.json`);
  for (const path of [privatePath, publicPath]) {
    if (await access(path).then(() => true, () => false)) throw usage(`${path} exists; keys are never overwritten`, '--out');
  }
  await mkdir(dir, { recursive: true });
  await writeFile(publicPath, `${JSON.stringify(publicJwk, null, 2)}\n`, { flag: 'wx' });
  await writeFile(privatePath, `${JSON.stringify({ iss: name, ...privateJwk }, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  if (values['json']) io.stdout(`${JSON.stringify({ iss: name, privateKeyFile: privatePath, publicKeyFile: publicPath, publicJwk })}\n`);
  else io.stdout(`issuer ${name}\n  private: ${privatePath}  (signs development tokens: xr keys token)\n  public:  ${publicPath}  (for auth.issuers: { "iss": "${name}", "keys": [<this>] })\n`);
}

export async function keysToken(args: readonly string[], io: CliIo): Promise<void> {
  const values = parseOptions(args, KEYS_TOKEN_OPTIONS);
  const file = resolve(io.cwd, required(values, 'issuer-key'));
  const role = required(values, 'role');
  if (!isRole(role)) throw usage('role must be system, admin or auditor', '--role');
  const region = required(values, 'region');
  if (region !== '*' && !isRegionCode(region)) throw usage(`${region} is not a GB/T 2260 region code (or * for all, admin and auditor only)`, '--region', 'XR_REGION_UNKNOWN');
  let key: IssuerPrivateJwk & { iss?: string };
  try {
    key = JSON.parse(await readFile(file, 'utf8')) as IssuerPrivateJwk & { iss?: string };
  } catch (error) {
    throw new CliFailure({ code: 'XR_BAD_REQUEST', message: `cannot read the issuer key ${file}: ${(error as Error).message}`, field: '--issuer-key', usage: true });
  }
  if (typeof key.iss !== 'string') throw usage(`${file} is not an issuer key made by xr keys issuer (no iss)`, '--issuer-key');
  const { iss, ...issuerKey } = key;
  const token = await issueToken({
    issuerKey,
    iss,
    sub: optional(values, 'sub') ?? `${role}-${region === '*' ? 'all' : region}`,
    role,
    region,
    ttlSeconds: integer(values, 'ttl', 60, 86_400, 3_600),
    ...(optional(values, 'aud') ? { aud: optional(values, 'aud')! } : {}),
  });
  io.stdout(values['json'] ? `${JSON.stringify({ token })}\n` : `${token}\n`);
}

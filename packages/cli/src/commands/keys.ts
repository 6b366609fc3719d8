/**
 * `xr keys new --region R [--generation N] [--out dir]` and `xr keys new --admin NAME …`:
 * a new Ed25519 key pair as JWK files, `<kid>.jwk.json` (private, mode 0600) and
 * `<kid>.pub.jwk.json` (public: what the registry and configurations hold). Never overwrites.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { isRegionCode } from '@xr/domain';
import { adminKid } from '@xr/registry';
import { integer, optional, parseOptions, type OptionSpec } from '../args.js';
import type { CliIo } from '../io.js';
import { CliFailure, usage } from '../problem.js';

export const KEYS_NEW_OPTIONS = {
  region: { type: 'string' },
  admin: { type: 'string' },
  generation: { type: 'string' },
  out: { type: 'string' },
} as const satisfies OptionSpec;

export async function keysNew(args: readonly string[], io: CliIo): Promise<void> {
  const values = parseOptions(args, KEYS_NEW_OPTIONS);
  const region = optional(values, 'region');
  const admin = optional(values, 'admin');
  if ((region === undefined) === (admin === undefined)) throw usage('pass exactly one of --region <GB/T 2260 code> or --admin <name>', region === undefined ? '--region' : '--admin');
  const generation = integer(values, 'generation', 1, 999_999, 1);
  let kid: string;
  if (region !== undefined) {
    if (!isRegionCode(region)) throw usage(`${region} is not a GB/T 2260 region code`, '--region', 'XR_REGION_UNKNOWN');
    kid = makeKid(region, generation);
  } else {
    try {
      kid = adminKid(admin!, generation);
    } catch {
      throw usage(`admin name ${JSON.stringify(admin)} must be lower-case letters, digits and -, starting with a letter`, '--admin');
    }
  }
  const dir = resolve(io.cwd, optional(values, 'out') ?? '.');
  const { privateJwk, publicJwk } = generateKeyPair(kid);
  const privatePath = resolve(dir, `${kid}.jwk.json`);
  const publicPath = resolve(dir, `${kid}.pub.jwk.json`);
  for (const path of [privatePath, publicPath]) {
    const exists = await access(path).then(() => true, () => false);
    if (exists) throw usage(`${path} exists; keys are never overwritten (pick another --generation or --out)`, '--out');
  }
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(publicPath, `${JSON.stringify(publicJwk, null, 2)}\n`, { flag: 'wx' });
    await writeFile(privatePath, `${JSON.stringify(privateJwk, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    throw new CliFailure({ code: 'XR_BAD_REQUEST', message: `cannot write key files in ${dir}: ${(error as Error).message}`, field: '--out', usage: true });
  }
  if (values['json']) io.stdout(`${JSON.stringify({ kid, privateKeyFile: privatePath, publicKeyFile: publicPath, publicJwk })}\n`);
  else io.stdout(`${kid}\n  private: ${privatePath}  (keep secret: the gateway's or admin's signing key)\n  public:  ${publicPath}  (for the registry or trustAnchors)\n`);
}

/**
 * `xr init --region R [--out dir] [--brokers host:port,…] [--name 名称]`: a region's first steps
 * without reading the source. Writes, into a new directory (default `xr-<region>`, the caller's):
 * the region's signing key (`<region>.k1.jwk.json`, mode 0600; its public half beside it, for the
 * admin's RegisterPartner), a development token issuer (`dev.issuer.jwk.json`, 0600), a catalog
 * template (`catalog.json`, one item that passes the catalog checks — edit it), and
 * `gateway.json`, a configuration the gateway accepts as it is (mode 0600: it holds the signing
 * key), on the embedded log unless `--brokers` is given. Nothing is overwritten.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateIssuerKeyPair } from '@xr/auth';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { checkCatalog, isRegionCode, type Catalog } from '@xr/domain';
import { optional, parseOptions, type OptionSpec } from '../args.js';
import type { CliIo } from '../io.js';
import { CliFailure, usage } from '../problem.js';

export const INIT_OPTIONS = { region: { type: 'string' }, out: { type: 'string' }, brokers: { type: 'string' }, name: { type: 'string' } } as const satisfies OptionSpec;

function catalogTemplate(region: string): Catalog {
  return {
    region,
    items: [
      {
        code: `${region}-SPJY-0001`,
        name: '食品经营许可证核发',
        materials: [
          { name: '食品经营许可申请书', required: true },
          { name: '营业执照', required: true },
          { name: '食品安全管理制度', required: true, deferrable: true },
        ],
        legalDays: 20,
        promisedDays: 10,
        remoteIntake: true,
        yieldsCertificate: false,
      },
    ],
  };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function init(args: readonly string[], io: CliIo): Promise<void> {
  const values = parseOptions(args, INIT_OPTIONS);
  const region = optional(values, 'region');
  if (region === undefined) throw usage('--region <GB/T 2260 code> is required', '--region');
  if (!isRegionCode(region)) throw usage(`${region} is not a GB/T 2260 region code`, '--region', 'XR_REGION_UNKNOWN');
  const dir = resolve(io.cwd, optional(values, 'out') ?? `xr-${region}`);
  const brokers = optional(values, 'brokers')?.split(',').map((b) => b.trim()).filter((b) => b !== '');
  const key = generateKeyPair(makeKid(region, 1));
  const issuer = generateIssuerKeyPair('dev');
  const catalog = catalogTemplate(region);
  const checked = checkCatalog(catalog);
  if (!checked.ok) throw new CliFailure({ code: checked.code, message: `the catalog template does not pass its own checks: ${checked.message}`, field: checked.field ?? 'catalog' });
  const config = {
    region,
    signingKey: key.privateJwk,
    eventLog: brokers && brokers.length > 0 ? { kind: 'kafka', brokers } : { kind: 'file', dir: join(dir, 'data') },
    grpc: { address: '127.0.0.1:50051', tls: { mode: 'insecure' } },
    auth: { issuers: [{ iss: 'dev', keys: [issuer.publicJwk] }] },
    catalog: 'catalog.json',
    logLevel: 'info',
  };
  try {
    await mkdir(dir, { recursive: false });
  } catch (error) {
    throw usage(`cannot make ${dir}: ${(error as Error).message} (init never writes into an existing directory)`, '--out');
  }
  const files: [string, string, number][] = [
    [`${key.publicJwk.kid}.jwk.json`, json(key.privateJwk), 0o600],
    [`${key.publicJwk.kid}.pub.jwk.json`, json(key.publicJwk), 0o644],
    ['dev.issuer.jwk.json', json({ iss: 'dev', ...issuer.privateJwk }), 0o600],
    ['catalog.json', json(catalog), 0o644],
    ['gateway.json', json(config), 0o600],
  ];
  for (const [name, text, mode] of files) await writeFile(join(dir, name), text, { flag: 'wx', mode });
  if (values['json']) {
    io.stdout(json({ dir, region, kid: key.publicJwk.kid, files: files.map(([name]) => join(dir, name)) }));
    return;
  }
  io.stdout(
    [
      `${dir}`,
      `  gateway.json              configuration (holds the signing key: mode 0600); ${brokers ? `Kafka at ${brokers.join(',')}` : 'the embedded log in data/'}`,
      `  ${key.publicJwk.kid}.jwk.json       the region's signing key (0600);  ${key.publicJwk.kid}.pub.jwk.json: for the admin's RegisterPartner`,
      `  catalog.json              a catalog template: your items, materials and time limits`,
      `  dev.issuer.jwk.json       a development token issuer (0600)`,
      'next:',
      `  pnpm gateway --config ${join(dir, 'gateway.json')}`,
      `  pnpm xr keys token --issuer-key ${join(dir, 'dev.issuer.jwk.json')} --role system --region ${region}`,
      '',
    ].join('\n'),
  );
}

/**
 * `xr cert …`: 电子证照 (README "Certificates"). `show` decodes a credential file; `verify` asks a
 * gateway (`--gateway`) or decides fully offline (`--offline --registry … --anchors … --status-list …`)
 * and exits 1 when the credential is refused; `status-list` fetches an issuer's list for offline use;
 * `get` fetches a case's credential; `revoke|suspend|reinstate` change what this region issued.
 * Every command exits 2 on a bad command line and then sends nothing.
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { showCertificate } from '@xr/credentials';
import { checkCertId, isRegionCode } from '@xr/domain';
import { parseCommandLine, integer, optional, required, repeated, type OptionSpec, type Values } from '../args.js';
import { certificateCaller, gatewayTarget, type CertificateCaller } from '../gateway-client.js';
import type { CliIo } from '../io.js';
import { usage } from '../problem.js';
import { readAnchors } from './audit-source.js';
import { readStatusLists, replayRegistry, verifyOffline, keyAtOf } from './cert-offline.js';
import { changeText, gatewayVerdictText, offlineVerdictText, shownJson } from './cert-output.js';

import type { CertCommand } from './cert-commands.js';

const OPTIONS = {
  gateway: { type: 'string' },
  out: { type: 'string' },
  reveal: { type: 'boolean' },
  offline: { type: 'boolean' },
  registry: { type: 'string' },
  anchors: { type: 'string' },
  'status-list': { type: 'string', multiple: true },
  region: { type: 'string' },
  at: { type: 'string' },
  purpose: { type: 'string' },
  list: { type: 'string' },
  'issuer-uscc': { type: 'string' },
  reason: { type: 'string' },
  'request-id': { type: 'string' },
} as const satisfies OptionSpec;

/** Which options each command takes (others are refused, so a typo is never silently ignored). */
const ALLOWED: Record<CertCommand, readonly (keyof typeof OPTIONS)[]> = {
  show: ['reveal'],
  verify: ['gateway', 'reveal', 'offline', 'registry', 'anchors', 'status-list', 'region', 'at'],
  'status-list': ['gateway', 'out', 'purpose', 'list', 'issuer-uscc'],
  get: ['gateway', 'out'],
  revoke: ['gateway', 'reason', 'request-id'],
  suspend: ['gateway', 'reason', 'request-id'],
  reinstate: ['gateway', 'reason', 'request-id'],
};

const POSITIONAL: Record<CertCommand, string | undefined> = { show: 'file', verify: 'file', 'status-list': undefined, get: 'case id', revoke: '证照标识', suspend: '证照标识', reinstate: '证照标识' };

function parse(command: CertCommand, args: readonly string[]): { values: Values; positional?: string } {
  const parsed = parseCommandLine(args, OPTIONS);
  for (const name of Object.keys(OPTIONS) as (keyof typeof OPTIONS)[]) {
    if (parsed.values[name] !== undefined && !ALLOWED[command].includes(name)) throw usage(`xr cert ${command} does not take --${name}`, `--${name}`);
  }
  const want = POSITIONAL[command];
  const count = want === undefined ? 0 : 1;
  if (parsed.positionals.length !== count) throw usage(`xr cert ${command} takes ${want === undefined ? 'no arguments' : `<${want}>`}, got ${parsed.positionals.length}`, 'arguments');
  return { values: parsed.values, ...(want === undefined ? {} : { positional: parsed.positionals[0]! }) };
}

function connect(values: Values, io: CliIo): CertificateCaller {
  const { address, token } = gatewayTarget(values, io);
  return certificateCaller(address, token);
}

/** A credential file: the compact JWS as the holder presents it (surrounding whitespace ignored). */
async function readCredential(io: CliIo, path: string): Promise<string> {
  try {
    return (await readFile(resolve(io.cwd, path), 'utf8')).trim();
  } catch (error) {
    throw usage(`cannot read ${path}: ${(error as Error).message}`, 'file');
  }
}

async function writeOut(io: CliIo, path: string, text: string): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, path), text);
  } catch (error) {
    throw usage(`cannot write ${path}: ${(error as Error).message}`, '--out');
  }
}

function verifyingRegion(values: Values): string | undefined {
  const region = optional(values, 'region');
  if (region !== undefined && !isRegionCode(region)) throw usage(`${region} is not a GB/T 2260 region code`, '--region', 'XR_REGION_UNKNOWN');
  return region;
}

function verifyTime(values: Values): number {
  const at = optional(values, 'at');
  if (at === undefined) return Date.now();
  const t = Date.parse(at);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(at) || Number.isNaN(t)) throw usage(`--at must be an RFC 3339 time with an offset, not ${JSON.stringify(at)}`, '--at');
  return t;
}

async function offline(values: Values, io: CliIo, jws: string, json: boolean): Promise<number> {
  const path = optional(values, 'registry');
  if (path === undefined) throw usage('--offline needs --registry <audit export dir | registry .jsonl>', '--registry');
  const lists = repeated(values, 'status-list');
  if (lists.length === 0) throw usage('--offline needs --status-list <file> (repeat it: the revocation and the suspension list)', '--status-list');
  const region = verifyingRegion(values);
  const now = verifyTime(values);
  const anchors = await readAnchors(values, io);
  const registry = await replayRegistry(io, path, anchors);
  const opened = await readStatusLists(io, lists, keyAtOf(registry.state));
  const verdict = verifyOffline(jws, { registry, lists: opened, now, ...(region === undefined ? {} : { region }) });
  if (json) {
    io.stdout(`${JSON.stringify({ valid: verdict.valid, reasons: verdict.reasons, certificateId: verdict.credential?.id?.replace(/^urn:gbt36904:/, '') ?? null, statusAsOf: verdict.statusAsOf ?? null, verifiedAs: region ?? null, recognitionChecked: region !== undefined, registry: { applied: registry.applied, refused: registry.refused }, statusLists: opened.map((l) => ({ url: l.url, purpose: l.purpose, asOf: l.asOf })) })}\n`);
  } else {
    io.stdout(offlineVerdictText(jws, verdict, { region, registry, lists: opened, reveal: values['reveal'] === true }));
  }
  return verdict.valid ? 0 : 1;
}

export async function cert(command: CertCommand, args: readonly string[], io: CliIo): Promise<number> {
  const { values, positional } = parse(command, args);
  const json = values['json'] === true;
  switch (command) {
    case 'show': {
      const jws = await readCredential(io, positional!);
      const reveal = values['reveal'] === true;
      const shown = shownJson(jws, reveal);
      io.stdout(json ? `${JSON.stringify(shown)}\n` : `${showCertificate(jws, { reveal }).join('\n')}\n`);
      return shown.decoded && shown.licenceId.ok ? 0 : 1;
    }
    case 'verify': {
      const jws = await readCredential(io, positional!);
      if (values['offline'] === true) {
        if (optional(values, 'gateway') !== undefined) throw usage('--offline asks no gateway: drop --gateway', '--gateway');
        return await offline(values, io, jws, json);
      }
      for (const name of ['registry', 'anchors', 'status-list', 'region', 'at'] as const) {
        if (values[name] !== undefined) throw usage(`--${name} is for --offline verification; a gateway verifies with its own registry, status and clock`, `--${name}`);
      }
      const caller = connect(values, io);
      try {
        const verdict = await caller.call('VerifyCertificate', { credential: jws });
        io.stdout(json ? `${JSON.stringify(verdict)}\n` : gatewayVerdictText(verdict));
        return verdict.valid ? 0 : 1;
      } finally {
        caller.close();
      }
    }
    case 'status-list': {
      const purpose = required(values, 'purpose');
      if (purpose !== 'revocation' && purpose !== 'suspension') throw usage(`--purpose is revocation or suspension, not ${JSON.stringify(purpose)}`, '--purpose');
      const list = integer(values, 'list', 0, 9_999_999, 0);
      const caller = connect(values, io);
      try {
        const got = await caller.call('GetStatusList', { purpose, list, issuerUscc: optional(values, 'issuer-uscc') ?? '' });
        const out = optional(values, 'out');
        if (out !== undefined) {
          await writeOut(io, out, `${got.credential}\n`);
          io.stderr(`xr cert: wrote ${out}\n`);
        }
        const summary = `${got.purpose} list ${got.list} of ${got.issuerRegion} (USCC ${got.issuerUscc}), status as of ${got.statusAsOf} (status topic position ${got.statusPosition})\n`;
        io.stdout(json ? `${JSON.stringify(got)}\n` : out !== undefined ? summary : `${got.credential}\n`);
        return 0;
      } finally {
        caller.close();
      }
    }
    case 'get': {
      const caller = connect(values, io);
      try {
        const got = await caller.call('GetCertificate', { caseId: positional! });
        const out = optional(values, 'out');
        if (out !== undefined) {
          await writeOut(io, out, `${got.credential}\n`);
          io.stderr(`xr cert: wrote ${out}\n`);
        }
        const summary = `${got.id}  ${got.name} ${got.number} (${got.typeCode}), issued in ${got.issuerRegion}, valid ${got.validFrom} – ${got.validUntil || '长期'}, ${got.status}\n`;
        io.stdout(json ? `${JSON.stringify(got)}\n` : out !== undefined ? summary : `${got.credential}\n`);
        return 0;
      } finally {
        caller.close();
      }
    }
    case 'revoke':
    case 'suspend':
    case 'reinstate': {
      const id = positional!.trim();
      const checked = checkCertId(id);
      if (!checked.ok) throw usage(`${id} is not a 证照标识: ${checked.message}`, '证照标识', checked.code);
      const reason = required(values, 'reason');
      if (!/^[a-z][a-z0-9-]{0,63}$/.test(reason)) throw usage('--reason is a code: lower case letters, digits and -, at most 64 (e.g. fraud, holder-request, superseded)', '--reason');
      const requestId = optional(values, 'request-id') ?? randomUUID();
      const method = command === 'revoke' ? 'RevokeCertificate' : command === 'suspend' ? 'SuspendCertificate' : 'ReinstateCertificate';
      const caller = connect(values, io);
      try {
        const change = await caller.call(method, { requestId, certificateId: id, reason });
        io.stdout(json ? `${JSON.stringify(change)}\n` : changeText(command, change));
        return 0;
      } finally {
        caller.close();
      }
    }
  }
}

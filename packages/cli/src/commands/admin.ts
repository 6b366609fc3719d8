/** `xr admin …`: registry changes and listings through the admin service's gRPC API. */
import { randomUUID } from 'node:crypto';
import type { PublicJwk } from '@xr/crypto';
import { isRegionCode } from '@xr/domain';
import { adminCaller, type AdminCaller } from '../admin-client.js';
import { integer, optional, parseOptions, repeated, required, time, type OptionSpec, type Values } from '../args.js';
import type { CliIo } from '../io.js';
import { calendarsTable, changeText, partnersTable, quarantineTable, witnessPolicyText } from '../output.js';
import { usage } from '../problem.js';
import { readCalendarYear, readPublicJwk, readRegistration } from './files.js';
import { WITNESS_POLICY_ACTIONS, parseWitnessArg } from './witness-policy.js';

const REQUEST = { 'request-id': { type: 'string' } } as const satisfies OptionSpec;

export const ADMIN_COMMANDS = {
  register: { options: { ...REQUEST, file: { type: 'string' } }, summary: '--file city.json' },
  'rotate-key': { options: { ...REQUEST, region: { type: 'string' }, 'key-file': { type: 'string' }, 'overlap-until': { type: 'string' } }, summary: '--region R --key-file new.pub.jwk.json --overlap-until <time>' },
  'revoke-key': { options: { ...REQUEST, region: { type: 'string' }, kid: { type: 'string' }, 'effective-at': { type: 'string' } }, summary: '--region R --kid K --effective-at <time|now>' },
  suspend: { options: { ...REQUEST, region: { type: 'string' }, reason: { type: 'string' } }, summary: '--region R --reason "…"' },
  resume: { options: { ...REQUEST, region: { type: 'string' } }, summary: '--region R' },
  recognise: { options: { ...REQUEST, region: { type: 'string' }, issuer: { type: 'string' }, types: { type: 'string' } }, summary: '--region X --issuer Y --types a,b   (X accepts these types from Y; --types "" withdraws)' },
  list: { options: {}, summary: '' },
  quarantine: { options: { region: { type: 'string' }, limit: { type: 'string' } }, summary: '--region R [--limit N]' },
  calendar: { options: { ...REQUEST, year: { type: 'string' }, file: { type: 'string' }, until: { type: 'string' } }, summary: 'set --year Y --file notice.json | list [--until Y]' },
  'witness-policy': {
    options: { ...REQUEST, region: { type: 'string' }, quorum: { type: 'string' }, witness: { type: 'string', multiple: true } },
    summary: "set --region R --quorum K --witness 370200 --witness '<vkey>@<url>' … | show R",
  },
} as const satisfies Record<string, { options: OptionSpec; summary: string }>;

export type AdminCommand = keyof typeof ADMIN_COMMANDS;

function region(values: Values, name = 'region'): string {
  const code = required(values, name);
  if (!isRegionCode(code)) throw usage(`${code} is not a GB/T 2260 region code`, `--${name}`, 'XR_REGION_UNKNOWN');
  return code;
}

const jwkMessage = (k: PublicJwk) => ({ kty: k.kty, crv: k.crv, x: k.x, kid: k.kid, alg: k.alg ?? '', use: k.use ?? '' });

function connect(values: Values, io: CliIo): AdminCaller {
  const address = optional(values, 'admin-url') ?? io.env['XR_ADMIN_URL'];
  if (!address) throw usage('no admin service address: pass --admin-url host:port or set XR_ADMIN_URL', '--admin-url');
  if (!/^[^\s/]+:\d{1,5}$/.test(address)) throw usage(`--admin-url must be host:port, not ${JSON.stringify(address)}`, '--admin-url');
  return adminCaller(address, optional(values, 'token') ?? io.env['XR_TOKEN']);
}

const CALENDAR_ACTIONS = ['set', 'list'] as const;

export async function admin(command: AdminCommand, argv: readonly string[], io: CliIo): Promise<void> {
  // `calendar` and `witness-policy` take one more word: `xr admin calendar set …`.
  const action = command === 'calendar' || command === 'witness-policy' ? argv[0] : undefined;
  const actions: readonly string[] = command === 'calendar' ? CALENDAR_ACTIONS : WITNESS_POLICY_ACTIONS;
  if (action !== undefined || command === 'calendar' || command === 'witness-policy') {
    if (!actions.includes(action ?? '')) throw usage(`xr admin ${command} takes ${actions.join(' or ')}, not ${JSON.stringify(action ?? '')}`, 'command');
  }
  let args = action === undefined ? argv : argv.slice(1);
  // `xr admin witness-policy show R`: the region may come as a word.
  if (command === 'witness-policy' && action === 'show' && args[0] !== undefined && !args[0].startsWith('-')) args = ['--region', args[0], ...args.slice(1)];
  const values = parseOptions(args, ADMIN_COMMANDS[command].options);
  const json = values['json'] === true;
  const requestId = optional(values, 'request-id') ?? randomUUID();
  // Every argument is checked before anything is sent.
  let send: (c: AdminCaller) => Promise<string | object>;
  switch (command) {
    case 'register': {
      const r = await readRegistration(io, required(values, 'file'));
      send = async (c) => {
        const change = await c.call('RegisterPartner', { requestId, region: r.region, name: r.name, keys: r.keys.keys.map(jwkMessage), catalogJson: r.catalog ? JSON.stringify(r.catalog) : '', contact: { ...r.contact } });
        return json ? change : changeText(`registered ${r.region}`, change);
      };
      break;
    }
    case 'rotate-key': {
      const [r, key, overlapUntil] = [region(values), await readPublicJwk(io, required(values, 'key-file')), time(values, 'overlap-until')];
      send = async (c) => {
        const change = await c.call('RotateKey', { requestId, region: r, newKey: jwkMessage(key), overlapUntil });
        return json ? change : changeText(`rotated ${r} to ${key.kid}`, change);
      };
      break;
    }
    case 'revoke-key': {
      const [r, kid, effectiveAt] = [region(values), required(values, 'kid'), time(values, 'effective-at')];
      send = async (c) => {
        const change = await c.call('RevokeKey', { requestId, region: r, kid, effectiveAt });
        return json ? change : changeText(`revoked ${kid} from ${effectiveAt}`, change);
      };
      break;
    }
    case 'suspend': {
      const [r, reason] = [region(values), required(values, 'reason')];
      send = async (c) => {
        const change = await c.call('SuspendPartner', { requestId, region: r, reason });
        return json ? change : changeText(`suspended ${r}`, change);
      };
      break;
    }
    case 'resume': {
      const r = region(values);
      send = async (c) => {
        const change = await c.call('ResumePartner', { requestId, region: r });
        return json ? change : changeText(`resumed ${r}`, change);
      };
      break;
    }
    case 'recognise': {
      const [r, issuer] = [region(values), region(values, 'issuer')];
      const types = typeof values['types'] === 'string' ? values['types'].split(',').map((t) => t.trim()).filter((t) => t !== '') : undefined;
      if (types === undefined) throw usage('--types is required (comma-separated certificate types; "" withdraws the recognition)', '--types');
      send = async (c) => {
        const change = await c.call('SetRecognition', { requestId, region: r, issuer, certificateTypes: types });
        return json ? change : changeText(`${r} recognises ${types.length === 0 ? 'nothing' : types.join(', ')} from ${issuer}`, change);
      };
      break;
    }
    case 'list':
      send = async (c) => {
        const listed = await c.call('ListPartners', {});
        return json ? listed : partnersTable(listed.partners);
      };
      break;
    case 'quarantine': {
      const [r, limit] = [region(values), integer(values, 'limit', 1, 1000, 100)];
      send = async (c) => {
        const listed = await c.call('ListQuarantine', { region: r, limit });
        return json ? listed : quarantineTable(listed.entries, listed.total);
      };
      break;
    }
    case 'witness-policy': {
      const r = region(values);
      if (action === 'show') {
        send = async (c) => {
          const policy = await c.call('GetWitnessPolicy', { region: r });
          return json ? policy : witnessPolicyText(policy);
        };
        break;
      }
      const witnesses = repeated(values, 'witness').map(parseWitnessArg);
      if (witnesses.length === 0) throw usage('at least one --witness is required (a region code, or <vkey>[@<url>])', '--witness');
      const quorum = integer(values, 'quorum', 1, witnesses.length, 0);
      if (quorum === 0) throw usage('--quorum is required', '--quorum');
      send = async (c) => {
        const change = await c.call('SetWitnessPolicy', { requestId, region: r, quorum, witnesses });
        return json ? change : changeText(`witness policy of ${r}: ${quorum} of ${witnesses.length} (${witnesses.map((w) => w.region || w.name).join(', ')})`, change);
      };
      break;
    }
    case 'calendar': {
      if (action === 'list') {
        const until = integer(values, 'until', 0, 2099, 0);
        send = async (c) => {
          const listed = await c.call('ListCalendars', { untilYear: until });
          return json ? listed : calendarsTable(listed.years);
        };
        break;
      }
      const year = integer(values, 'year', 1901, 2099, 0);
      if (year === 0) throw usage('--year is required', '--year');
      const schedule = await readCalendarYear(io, required(values, 'file'), year);
      send = async (c) => {
        const change = await c.call('PublishCalendar', { requestId, year, notice: { ...schedule.notice }, periods: schedule.periods.map((p) => ({ name: p.name, daysOff: [...p.daysOff], worked: [...p.worked] })) });
        const days = schedule.periods.reduce((n, p) => n + p.daysOff.length, 0);
        return json ? change : changeText(`published the ${year} holiday schedule (${schedule.periods.length} periods, ${days} days off)`, change);
      };
      break;
    }
  }
  const caller = connect(values, io);
  try {
    const out = await send(caller);
    io.stdout(typeof out === 'string' ? out : `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    caller.close();
  }
}

/**
 * `xr admin witness-policy set --region R --quorum K --witness 370200 --witness '<vkey>@<url>'` and
 * `xr admin witness-policy show R`: a witness is a partner region code, or an outside witness's C2SP
 * verifier key (`<name>+<hex key id>+<base64>`, type 0x04), optionally followed by `@` and its
 * tlog-witness submission URL; its name in the policy is the key's name.
 */
import { isRegionCode } from '@xr/domain';
import type { PolicyWitness } from '@xr/proto';
import { usage } from '../problem.js';

const VKEY = /^([^+\s@]+)\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/;

/** One `--witness` value as the request's PolicyWitness; `index` names the bad one. */
export function parseWitnessArg(text: string, index: number): PolicyWitness {
  const field = `--witness[${index}]`;
  const value = text.trim();
  if (/^\d{6}$/.test(value)) {
    if (!isRegionCode(value)) throw usage(`${value} is not a GB/T 2260 region code`, field, 'XR_REGION_UNKNOWN');
    return { region: value, name: '', verifierKey: '', url: '' };
  }
  const at = value.indexOf('@');
  const [vkey, url] = at < 0 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
  const m = VKEY.exec(vkey);
  if (!m) throw usage(`a witness is a region code or a C2SP verifier key <name>+<hex key id>+<base64>[@<url>], not ${JSON.stringify(value)}`, field);
  if (at >= 0 && !/^https?:\/\/\S+$/.test(url)) throw usage(`the witness URL must be http(s)://…, not ${JSON.stringify(url)}`, field);
  return { region: '', name: m[1]!, verifierKey: vkey, url };
}

export const WITNESS_POLICY_ACTIONS = ['set', 'show'] as const;

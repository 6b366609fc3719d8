/**
 * `xr cert verify --offline`: what a verifier outside the network (a bank, a court) has, and nothing
 * else. Keys and recognition agreements come from the registry records (an audit export directory,
 * or one registry JSON-lines file as an export writes it), each checked against the admin trust
 * anchors (`--anchors`) and replayed with `@xr/registry` as every gateway does; status comes from
 * cached status list credentials (`--status-list`, as `xr cert status-list` writes them), each
 * verified with the issuer's key before its bits count.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openStatusList, statusLookupFromLists, verifyCertificate, type KeyAt, type OpenedStatusList, type Verdict } from '@xr/credentials';
import type { PublicJwk } from '@xr/crypto';
import { exportSource, parseRecordLine, type SourceRecord } from '@xr/audit';
import { REGISTRY_JWS_HEADER, RegistryState, TrustAnchor, verifyRegistryRecord } from '@xr/registry';
import type { CliIo } from '../io.js';
import { CliFailure, usage } from '../problem.js';

export interface OfflineRegistry {
  readonly state: RegistryState;
  /** Records applied, and those refused (bad signature, schema, or a change the registry refuses). */
  readonly applied: number;
  readonly refused: readonly { readonly offset: number; readonly code: string; readonly message: string }[];
}

/** Registry records from an export directory (checked against its manifest) or a JSON-lines file. */
async function registryRecords(io: CliIo, path: string): Promise<SourceRecord[]> {
  const full = resolve(io.cwd, path);
  let isDir: boolean;
  try {
    isDir = (await stat(full)).isDirectory();
  } catch (error) {
    throw usage(`cannot read ${path}: ${(error as Error).message}`, '--registry');
  }
  if (isDir) {
    const opened = await exportSource(full);
    if (!opened.ok) throw usage(`${path}: ${opened.message}`, '--registry', opened.code);
    const out: SourceRecord[] = [];
    for await (const r of opened.value.records(`${opened.value.prefix}.registry`, 0)) out.push(r);
    if (out.length === 0) throw usage(`${path} holds no registry records (${opened.value.prefix}.registry/0.jsonl)`, '--registry');
    return out;
  }
  const lines = (await readFile(full, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const r = parseRecordLine(line);
    if (typeof r === 'string') throw usage(`${path} line ${i + 1}: ${r} (a registry record line as an audit export writes it)`, '--registry', 'XR_AUDIT_RECORD_MALFORMED');
    return r;
  });
}

/** The registry as the gateways would fold it from these records; refused records are skipped and counted, as a follower does. */
export async function replayRegistry(io: CliIo, path: string, anchors: readonly PublicJwk[]): Promise<OfflineRegistry> {
  const anchor = new TrustAnchor(anchors);
  let state = RegistryState.empty();
  const seen = new Set<string>();
  const refused: { offset: number; code: string; message: string }[] = [];
  let applied = 0;
  for (const r of await registryRecords(io, path)) {
    const verified = await verifyRegistryRecord(r.value, r.headers[REGISTRY_JWS_HEADER], anchor);
    if (!verified.ok) {
      refused.push({ offset: r.offset, code: verified.code, message: verified.message });
      continue;
    }
    if (seen.has(verified.value.record.id)) continue;
    const next = state.apply(verified.value.record);
    if (!next.ok) {
      refused.push({ offset: r.offset, code: next.code, message: next.message });
      continue;
    }
    seen.add(verified.value.record.id);
    state = next.value.state;
    applied++;
  }
  if (applied === 0) throw usage(`no registry record in ${path} holds with the given --anchors${refused[0] ? ` (first refusal: ${refused[0].code}: ${refused[0].message})` : ''}`, '--registry', refused[0]?.code ?? 'XR_BAD_REQUEST');
  return { state, applied, refused };
}

export function keyAtOf(state: RegistryState): KeyAt {
  return (kid, at) => {
    const v = state.keyFor(kid, at);
    return v.ok ? v.key : { code: v.code, message: v.reason };
  };
}

/** Status list credentials from files, each verified (issuer's key at its iat, schema, bits); a list that does not hold stops the command. */
export async function readStatusLists(io: CliIo, paths: readonly string[], keyAt: KeyAt): Promise<OpenedStatusList[]> {
  const lists: OpenedStatusList[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = (await readFile(resolve(io.cwd, path), 'utf8')).trim();
    } catch (error) {
      throw usage(`cannot read ${path}: ${(error as Error).message}`, '--status-list');
    }
    const opened = openStatusList(text, keyAt);
    if (!opened.ok) {
      const first = opened.problems[0]!;
      throw new CliFailure({ code: first.code, message: `${path} is not a status list that holds: ${opened.problems.map((p) => `${p.code}${p.field ? ` at ${p.field}` : ''}: ${p.message}`).join('; ')}`, field: '--status-list', usage: true });
    }
    lists.push(opened.value);
  }
  return lists;
}

export interface OfflineInputs {
  readonly registry: OfflineRegistry;
  readonly lists: readonly OpenedStatusList[];
  /** The verifying region; without it recognition is not judged. */
  readonly region?: string;
  readonly now: number;
}

/** The verdict as a gateway would give it, from the offline inputs only. */
export function verifyOffline(jws: string, input: OfflineInputs): Verdict {
  const state = input.registry.state;
  return verifyCertificate(jws, {
    keyAt: keyAtOf(state),
    now: input.now,
    status: statusLookupFromLists(input.lists),
    region: input.region ?? '',
    recognises: input.region === undefined ? () => true : (verifier, issuer, type) => state.recognises(verifier, issuer, type),
  });
}

/**
 * `xr case …`: a partner system's calls to its gateway's CaseService, to try a hall without writing
 * a client. `submit --file req.json` (a SubmitCase request; request_id made when absent and
 * printed), `get <case id>`, `list [--status S]… [--page-token T]`, `watch <case id>` (one line per
 * change until Ctrl-C), and `call <Rpc> --file req.json` for any unary CaseService RPC (the
 * transitions). Requests are the proto's JSON (snake_case or camelCase fields); a field the request
 * does not have is refused before sending (exit 2), as is a bad command line.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadServices, type Case__Output, type ListCasesResponse__Output, type SubmitCaseResponse__Output } from '@xr/proto';
import { parseCommandLine, integer, optional, repeated, type OptionSpec, type Values } from '../args.js';
import { caseCaller, caseRpcs, gatewayTarget } from '../gateway-client.js';
import type { CliIo } from '../io.js';
import { usage } from '../problem.js';
import { caseText, casesTable, updateLine } from './case-output.js';

export const CASE_COMMANDS = ['submit', 'get', 'list', 'watch', 'call'] as const;
export type CaseCommand = (typeof CASE_COMMANDS)[number];

const OPTIONS = {
  gateway: { type: 'string' },
  file: { type: 'string' },
  status: { type: 'string', multiple: true },
  'page-token': { type: 'string' },
  'page-size': { type: 'string' },
  'request-id': { type: 'string' },
} as const satisfies OptionSpec;

const ALLOWED: Record<CaseCommand, readonly (keyof typeof OPTIONS)[]> = {
  submit: ['gateway', 'file', 'request-id'],
  get: ['gateway'],
  list: ['gateway', 'status', 'page-token', 'page-size'],
  watch: ['gateway'],
  call: ['gateway', 'file', 'request-id'],
};
const POSITIONAL: Record<CaseCommand, string | undefined> = { submit: undefined, get: 'case id', list: undefined, watch: 'case id', call: 'Rpc' };

function parse(command: CaseCommand, args: readonly string[]): { values: Values; positional?: string } {
  const parsed = parseCommandLine(args, OPTIONS);
  for (const name of Object.keys(OPTIONS) as (keyof typeof OPTIONS)[]) {
    if (parsed.values[name] !== undefined && !ALLOWED[command].includes(name)) throw usage(`xr case ${command} does not take --${name}`, `--${name}`);
  }
  const want = POSITIONAL[command];
  if (parsed.positionals.length !== (want === undefined ? 0 : 1)) throw usage(`xr case ${command} takes ${want === undefined ? 'no arguments' : `<${want}>`}, got ${parsed.positionals.length}`, 'arguments');
  return { values: parsed.values, ...(want === undefined ? {} : { positional: parsed.positionals[0]!.trim() }) };
}

const camel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** snake_case keys (as the .proto writes them, and grpcurl accepts) to the camelCase the client serialises. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelKeys(v)]));
}

/** The request's top-level fields (camelCase), from the loaded descriptor. */
function requestFields(method: string): Set<string> {
  const definition = loadServices().cases.CaseService.service[method] as unknown as { requestType: { type: { field: { name: string }[] } } };
  return new Set(definition.requestType.type.field.map((f) => camel(f.name)));
}

/** The request file as a JSON object of `method`'s request; unknown fields are refused, not silently dropped. */
async function readRequest(io: CliIo, values: Values, method: string): Promise<{ request: Record<string, unknown>; madeId?: string }> {
  const path = optional(values, 'file');
  if (path === undefined) throw usage('--file <request.json> is required', '--file');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(resolve(io.cwd, path), 'utf8'));
  } catch (error) {
    throw usage(`cannot read ${path} as JSON: ${(error as Error).message}`, '--file');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw usage(`${path} must hold a JSON object (the ${method} request)`, '--file');
  const request = camelKeys(parsed) as Record<string, unknown>;
  const fields = requestFields(method);
  const unknown = Object.keys(request).find((k) => !fields.has(k));
  if (unknown !== undefined) throw usage(`${method} has no field ${unknown} (it has ${[...fields].join(', ')})`, `${path}: ${unknown}`);
  const requestId = optional(values, 'request-id');
  if (requestId !== undefined) request['requestId'] = requestId;
  if (!fields.has('requestId') || (typeof request['requestId'] === 'string' && request['requestId'] !== '')) return { request };
  const madeId = randomUUID();
  request['requestId'] = madeId;
  return { request, madeId };
}

export async function caseCommand(command: CaseCommand, args: readonly string[], io: CliIo): Promise<number> {
  const { values, positional } = parse(command, args);
  const json = values['json'] === true;
  const rpc = command === 'call' ? positional! : undefined;
  if (rpc !== undefined && !caseRpcs().unary.includes(rpc)) throw usage(`${rpc} is not a unary CaseService RPC; one of ${caseRpcs().unary.join(', ')}`, 'Rpc');
  const read = command === 'submit' ? await readRequest(io, values, 'SubmitCase') : rpc !== undefined ? await readRequest(io, values, rpc) : undefined;
  const request = read?.request;
  const listRequest = command === 'list' ? { statuses: repeated(values, 'status'), pageToken: optional(values, 'page-token') ?? '', pageSize: integer(values, 'page-size', 1, 1000, 0) } : undefined;
  const { address, token } = gatewayTarget(values, io);
  // A request_id made here is printed first, so a retry after a lost answer can reuse it.
  if (read?.madeId !== undefined) io.stderr(`xr case: request_id ${read.madeId} (retry with --request-id ${read.madeId}: no second change)\n`);
  const caller = caseCaller(address, token);
  try {
    switch (command) {
      case 'submit': {
        const got = await caller.call<SubmitCaseResponse__Output>('SubmitCase', request!);
        io.stdout(json ? `${JSON.stringify({ requestId: request!['requestId'], ...got })}\n` : got.case ? caseText(got.case) : '\n');
        return 0;
      }
      case 'get': {
        const got = await caller.call<Case__Output>('GetCase', { caseId: positional! });
        io.stdout(json ? `${JSON.stringify(got)}\n` : caseText(got));
        return 0;
      }
      case 'list': {
        const got = await caller.call<ListCasesResponse__Output>('ListCases', listRequest!);
        io.stdout(json ? `${JSON.stringify(got)}\n` : casesTable(got.cases, got.total, got.nextPageToken));
        return 0;
      }
      case 'watch': {
        let last = '';
        await caller.watch(
          positional!,
          (update) => {
            if (!update.case) return;
            const line = json ? `${JSON.stringify(update.case)}\n` : updateLine(update.case);
            if (line === last) return;
            last = line;
            io.stdout(line);
          },
          io.signal,
        );
        return 0;
      }
      case 'call': {
        const got = await caller.call<{ case?: Case__Output | null }>(rpc!, request!);
        io.stdout(json ? `${JSON.stringify(got)}\n` : got.case ? caseText(got.case) : `${JSON.stringify(got)}\n`);
        return 0;
      }
    }
  } finally {
    caller.close();
  }
}

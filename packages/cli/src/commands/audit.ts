/**
 * `xr audit …`: verify, case, prove, consistency, check, export, policy (docs/WIRE.md, README
 * "Auditing"). `verify` exits 1 on any anomaly, 0 when clean; every command exits 2 on a bad
 * command line and sends nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AuditIndex, checkProofFile, verifyAudit, writeExport, type Anomaly, type AuditReport } from '@xr/audit';
import { witnessPolicyText } from '@xr/registry';
import { isRegionCode } from '@xr/domain';
import { parseCommandLine, optional, type OptionSpec, type Values } from '../args.js';
import type { CliIo } from '../io.js';
import { CliFailure, usage } from '../problem.js';
import { humanReport, progress } from './audit-report.js';
import { ExportRefused, openSource, readAnchors, readKeys, SOURCE_OPTIONS } from './audit-source.js';

export const AUDIT_COMMANDS = ['verify', 'case', 'prove', 'consistency', 'check', 'export', 'policy'] as const;
export type AuditCommand = (typeof AUDIT_COMMANDS)[number];

const OPTIONS = {
  ...SOURCE_OPTIONS,
  at: { type: 'string' },
  out: { type: 'string' },
  to: { type: 'string' },
  keys: { type: 'string', multiple: true },
  quorum: { type: 'string' },
  threads: { type: 'string' },
} as const satisfies OptionSpec;

const POSITIONALS: Record<AuditCommand, string[]> = { verify: [], case: ['case id'], prove: ['event id'], consistency: ['origin', 'old size', 'new size'], check: ['file'], export: [], policy: ['region'] };

function parse(command: AuditCommand, args: readonly string[]): { values: Values; positionals: string[] } {
  const parsed = parseCommandLine(args, OPTIONS);
  const want = POSITIONALS[command];
  if (parsed.positionals.length !== want.length) throw usage(`xr audit ${command} takes ${want.length === 0 ? 'no arguments' : want.map((w) => `<${w}>`).join(' ')}, got ${parsed.positionals.length}`, 'arguments');
  return { values: parsed.values, positionals: parsed.positionals };
}

function regionsOf(values: Values): string[] | undefined {
  const list = values['region'];
  if (!Array.isArray(list) || list.length === 0) return undefined;
  for (const r of list) if (!isRegionCode(r)) throw usage(`${r} is not a GB/T 2260 region code`, '--region', 'XR_REGION_UNKNOWN');
  return list;
}

async function writeOut(io: CliIo, values: Values, text: string): Promise<void> {
  const out = optional(values, 'out');
  if (out === undefined) return io.stdout(text);
  await writeFile(resolve(io.cwd, out), text);
  io.stderr(`xr audit: wrote ${out}\n`);
}

/** `--threads`: worker threads for the journal scan, 0 (this thread only) to 64. */
function threadCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 64) throw usage(`--threads must be a whole number from 0 to 64, not ${JSON.stringify(text)}`, '--threads');
  return n;
}

function size(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) throw usage(`${what} must be a tree size (a non-negative integer), not ${JSON.stringify(text)}`, what);
  return n;
}

/** The export's refusal as a report: the file is the position. */
function exportReport(e: ExportRefused): AuditReport {
  const m = /^(.+)\/(\d+)\.jsonl$/.exec(e.file);
  const anomaly: Anomaly = { code: e.code, topic: m ? m[1]! : e.file, partition: m ? Number(m[2]) : -1, offset: -1, message: e.message };
  return { ok: false, prefix: '', regions: [], anomalies: [anomaly], origins: [], stats: { registryRecords: 0, journalRecords: 0, quarantineRecords: 0, checkpointRecords: 0, signaturesVerified: 0, uncheckpointed: 0, elapsedMs: 0, recordsPerSecond: 0 } };
}

export async function audit(command: AuditCommand, args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(command, args);
  const json = values['json'] === true;
  if (command === 'check') {
    const keyArgs = (values['keys'] as string[] | undefined) ?? [];
    if (keyArgs.length === 0) throw usage('--keys <jwks file | verifier key string> is required (repeat it for several)', '--keys');
    const verifierKeys = keyArgs.filter((k) => /^[^+\s]+\+[0-9a-f]{8}\+/.test(k));
    const jwks = (await Promise.all(keyArgs.filter((k) => !verifierKeys.includes(k)).map((f) => readKeys(io, f, '--keys')))).flat();
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, positionals[0]!), 'utf8');
    } catch (error) {
      throw usage(`cannot read ${positionals[0]}: ${(error as Error).message}`, 'file');
    }
    const quorum = optional(values, 'quorum');
    const checked = checkProofFile(text, { verifierKeys, jwks, ...(quorum === undefined ? {} : { quorum: size(quorum, '--quorum') }) });
    if (!checked.ok) throw new CliFailure({ code: checked.code, message: checked.message, ...(checked.field === undefined ? {} : { field: checked.field }) });
    const v = checked.value;
    if (json) io.stdout(`${JSON.stringify({ ...v, record: v.record ? Buffer.from(v.record).toString('base64') : undefined })}\n`);
    else io.stdout(`OK ${v.kind} proof: ${v.origin} size ${v.size}${v.oldSize !== undefined ? ` extends size ${v.oldSize}` : ''}${v.index !== undefined ? `, record ${v.index}${v.eventId ? ` (event ${v.eventId})` : ''}` : ''}; cosigned by ${v.witnesses.join(', ') || 'no witness'}\n`);
    return 0;
  }
  const regions = regionsOf(values);
  const threadsText = optional(values, 'threads');
  const threads = threadsText === undefined ? undefined : threadCount(threadsText);
  if (command === 'policy' && !isRegionCode(positionals[0]!)) throw usage(`${positionals[0]} is not a GB/T 2260 region code`, 'region', 'XR_REGION_UNKNOWN');
  if (command === 'export' && optional(values, 'to') === undefined) throw usage('--to <directory> is required', '--to');
  const anchors = command === 'export' ? [] : await readAnchors(values, io);
  let opened;
  try {
    opened = await openSource(values, io);
  } catch (error) {
    if (!(error instanceof ExportRefused)) throw error;
    const report = exportReport(error);
    io.stdout(json ? `${JSON.stringify(report)}\n` : humanReport(report));
    return 1;
  }
  try {
    const { source } = opened;
    switch (command) {
      case 'verify': {
        const bar = progress(io);
        const report = await verifyAudit(source, { trustAnchors: anchors, ...(regions ? { regions } : {}), ...(threads === undefined ? {} : { threads }), onProgress: bar.update });
        bar.done();
        io.stdout(json ? `${JSON.stringify(report)}\n` : humanReport(report));
        return report.ok ? 0 : 1;
      }
      case 'export': {
        const written = await writeExport(source, resolve(io.cwd, optional(values, 'to')!));
        if (!written.ok) throw new CliFailure({ code: written.code, message: written.message });
        const records = written.value.files.reduce((n, f) => n + f.records, 0);
        io.stdout(json ? `${JSON.stringify(written.value)}\n` : `exported ${records} records in ${written.value.files.length} files to ${optional(values, 'to')}\n`);
        return 0;
      }
      default:
        break;
    }
    const index = await AuditIndex.load(source, { trustAnchors: anchors, ...(regions ? { regions } : {}) });
    const fail = (r: { code: string; message: string; field?: string }): never => {
      throw new CliFailure({ code: r.code, message: r.message, ...(r.field === undefined ? {} : { field: r.field }) });
    };
    switch (command) {
      case 'case': {
        const at = optional(values, 'at');
        const found = index.caseAt(positionals[0]!, at);
        if (!found.ok) return fail(found);
        const sides = found.value.sides.map((s) => ({ region: s.region, state: s.state, events: s.events.map((e) => ({ partition: e.partition, offset: e.offset, journaledAt: new Date(e.timestamp).toISOString(), caseSeq: e.caseSeq, event: e.event })) }));
        if (json) io.stdout(`${JSON.stringify({ caseId: positionals[0], at: at ?? null, sides })}\n`);
        else for (const s of sides) io.stdout(`${s.region}: ${s.state?.status ?? '(no state)'}\n${s.events.map((e) => `  ${e.journaledAt}  #${e.caseSeq} ${e.event.type} from ${e.event.source} (${e.event.id}) @${e.partition}/${e.offset}`).join('\n')}\n`);
        return 0;
      }
      case 'prove': {
        const proof = index.inclusionProof(positionals[0]!, regions?.[0]);
        if (!proof.ok) return fail(proof);
        await writeOut(io, values, proof.value.tlogProof);
        return 0;
      }
      case 'consistency': {
        const proof = index.consistencyProof(positionals[0]!, size(positionals[1]!, 'old size'), size(positionals[2]!, 'new size'));
        if (!proof.ok) return fail(proof);
        await writeOut(io, values, proof.value.proofFile);
        return 0;
      }
      case 'policy': {
        const text = witnessPolicyText(index.registry, source.prefix, positionals[0]!);
        if (text === undefined) throw usage(`region ${positionals[0]!} is not registered`, 'region');
        io.stdout(text);
        return 0;
      }
      default:
        throw usage(`unknown audit command ${String(command)}`, 'command');
    }
  } finally {
    await opened.close();
  }
}

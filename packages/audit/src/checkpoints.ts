/**
 * The `<prefix>.checkpoints` topic read and judged (docs/WIRE.md "Merkle tree, checkpoints and
 * cosignatures"): each checkpoint's log signature by a key of its region valid at the record's log
 * time; each cosignature against the witness's registered keys; fork evidence; then, against the
 * journals' trees, each root at its size, two roots for one size, the consistency proofs between
 * successive checkpoints, and the witness policy of the newest checkpoint per origin.
 */
import { CHECKPOINT_KIND_HEADER, journalKeyName, journalVerifier, parseJournalOrigin, witnessVerifier } from '@xr/exchange';
import { topics } from '@xr/exchange';
import { cosignatureTimestamp, formatNote, parseAddCheckpoint, parseCheckpoint, parseNote, parseVerifierKey, verifyConsistency, type MerkleTree, type NoteSignature, type NoteVerifier } from '@xr/tlog';
import type { RegistryTimeline } from './registry-replay.js';
import type { Anomaly, OriginStats } from './report.js';
import type { AuditSource } from './source.js';
import { policyWitnessName, witnessPolicyOf, type PolicyWitness } from './witness-policy.js';

export interface CheckpointEntry {
  readonly origin: string;
  readonly region: string;
  readonly partition: number;
  readonly size: number;
  readonly root: Uint8Array;
  /** The checkpoint body (note text). */
  readonly text: string;
  readonly logSignature: NoteSignature;
  /** Where it was first seen on the checkpoints topic. */
  readonly offset: number;
  readonly timestamp: number;
  /** The consistency proof it was published with, from `old`. */
  readonly old: number;
  readonly proof: readonly Uint8Array[];
  /** Valid cosignatures, by witness key name. */
  readonly cosignatures: Map<string, NoteSignature>;
}

export interface CheckpointLog {
  /** Per origin, checkpoints with distinct (size, root), in the order first seen. */
  readonly byOrigin: Map<string, CheckpointEntry[]>;
  readonly records: number;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
const encoder = new TextEncoder();

/** The checkpoint's note with its log signature and every valid cosignature merged. */
export function mergedNote(c: CheckpointEntry): string {
  const note = formatNote({ text: c.text, signatures: [c.logSignature, ...c.cosignatures.values()] });
  if (!note.ok) throw new Error(`checkpoint ${c.origin} ${c.size}: ${note.message}`);
  return note.value;
}

function regionVerifiers(prefix: string, registry: RegistryTimeline, region: string, kind: 'log' | 'witness'): { verifier: NoteVerifier; kid: string }[] {
  return registry.final.regionKeys(region).map((k) => ({ kid: k.kid, verifier: kind === 'log' ? journalVerifier(prefix, region, k.publicKey) : witnessVerifier(prefix, region, k.publicKey) }));
}

export async function readCheckpoints(source: AuditSource, regions: readonly string[], registry: RegistryTimeline, anomalies: Anomaly[]): Promise<CheckpointLog> {
  const prefix = source.prefix;
  const topic = topics(prefix).checkpoints;
  const audited = new Set(regions);
  const byOrigin = new Map<string, CheckpointEntry[]>();
  let records = 0;
  for await (const r of source.records(topic, 0)) {
    records++;
    const where = { topic, partition: 0, offset: r.offset };
    const kind = r.headers[CHECKPOINT_KIND_HEADER];
    if (kind === 'fork') {
      let f: Record<string, unknown> = {};
      try {
        f = JSON.parse(Buffer.from(r.value).toString('utf8')) as Record<string, unknown>;
      } catch {
        anomalies.push({ code: 'XR_CHECKPOINT_MALFORMED', ...where, message: 'a fork record that is not JSON' });
        continue;
      }
      const origin = typeof f['origin'] === 'string' ? f['origin'] : r.key ?? '?';
      const region = parseJournalOrigin(prefix, origin)?.region;
      if (region !== undefined && !audited.has(region)) continue;
      const code = f['code'] === 'XR_PROOF_INVALID' ? 'XR_PROOF_INVALID' : 'XR_CHECKPOINT_FORK';
      anomalies.push({ code, ...where, ...(region === undefined ? {} : { region }), message: `witness ${String(f['witness'])} recorded a fork of ${origin}: a checkpoint conflicting with one it cosigned` });
      continue;
    }
    if (kind !== 'checkpoint' && kind !== 'cosignature') {
      anomalies.push({ code: 'XR_CHECKPOINT_MALFORMED', ...where, message: `unknown ${CHECKPOINT_KIND_HEADER} ${JSON.stringify(kind)}` });
      continue;
    }
    let noteText: string | Uint8Array = r.value;
    let old = 0;
    let proof: readonly Uint8Array[] = [];
    if (kind === 'checkpoint') {
      const body = parseAddCheckpoint(r.value);
      if (!body.ok) {
        anomalies.push({ code: 'XR_CHECKPOINT_MALFORMED', ...where, message: `checkpoint record: ${body.message}` });
        continue;
      }
      ({ old, proof } = body.value);
      noteText = body.value.checkpoint;
    }
    const note = parseNote(noteText);
    const body = note.ok ? parseCheckpoint(note.value.text) : note;
    if (!note.ok || !body.ok) {
      anomalies.push({ code: 'XR_CHECKPOINT_MALFORMED', ...where, message: `${kind} record: ${!body.ok ? body.message : ''}` });
      continue;
    }
    const { origin, size, rootHash } = body.value;
    const named = parseJournalOrigin(prefix, origin);
    if (!named) {
      anomalies.push({ code: 'XR_CHECKPOINT_MALFORMED', ...where, message: `origin ${origin} is not a journal of ${prefix}` });
      continue;
    }
    if (!audited.has(named.region)) continue;
    const at = { ...where, region: named.region };
    const text = encoder.encode(note.value.text);
    // The log's signature: a key of the region, valid at the record's log time.
    const logName = journalKeyName(prefix, named.region);
    const logKeys = regionVerifiers(prefix, registry, named.region, 'log');
    let logSignature: NoteSignature | undefined;
    let logProblem = `no signature of ${logName}`;
    for (const sig of note.value.signatures.filter((s) => s.name === logName)) {
      const key = logKeys.find((k) => k.verifier.keyId === sig.keyId);
      if (!key) {
        logProblem = `signed by an unknown key of ${logName}`;
        continue;
      }
      if (!key.verifier.verify(text, sig.signature)) {
        logProblem = `the signature of ${key.kid} does not verify`;
        continue;
      }
      const valid = registry.at(r.timestamp).keyFor(key.kid, new Date(r.timestamp).toISOString());
      if (!valid.ok) {
        logProblem = `${key.kid} could not sign at ${new Date(r.timestamp).toISOString()}: ${valid.reason}`;
        continue;
      }
      logSignature = sig;
      break;
    }
    if (!logSignature) {
      anomalies.push({ code: 'XR_CHECKPOINT_SIGNATURE_INVALID', ...at, message: `checkpoint ${origin} size ${size}: ${logProblem}` });
      continue;
    }
    const list = byOrigin.get(origin) ?? [];
    byOrigin.set(origin, list);
    const rootText = b64(rootHash);
    let entry = list.find((c) => c.size === size && b64(c.root) === rootText);
    if (!entry) {
      entry = { origin, region: named.region, partition: named.partition, size, root: rootHash, text: note.value.text, logSignature, offset: r.offset, timestamp: r.timestamp, old, proof, cosignatures: new Map() };
      list.push(entry);
    }
    if (kind === 'cosignature') checkCosignatures(prefix, registry, note.value.signatures, text, entry, at, anomalies, r.timestamp);
  }
  return { byOrigin, records };
}

/** The verifiers of a cosignature line: a partner region's registered keys, or an outside witness of the region's policy. */
function witnessKeys(prefix: string, registry: RegistryTimeline, region: string, name: string): { verifier: NoteVerifier; kid?: string }[] {
  const witnessPrefix = `${prefix}.witness.`;
  if (name.startsWith(witnessPrefix)) return regionVerifiers(prefix, registry, name.slice(witnessPrefix.length), 'witness');
  const outside = witnessPolicyOf(registry.final, region).witnesses.filter((w): w is Extract<PolicyWitness, { name: string }> => 'name' in w && w.name === name);
  return outside.flatMap((w) => {
    const v = parseVerifierKey(w.verifierKey);
    return v.ok && v.value.name === name ? [{ verifier: v.value }] : [];
  });
}

function checkCosignatures(prefix: string, registry: RegistryTimeline, signatures: readonly NoteSignature[], text: Uint8Array, entry: CheckpointEntry, at: Omit<Anomaly, 'code' | 'message'>, anomalies: Anomaly[], timestamp: number): void {
  const logName = journalKeyName(prefix, entry.region);
  for (const sig of signatures) {
    if (sig.name === logName) continue;
    const candidates = witnessKeys(prefix, registry, entry.region, sig.name);
    // A cosignature of a key nobody listed is kept in the note, neither trusted nor an anomaly (C2SP: unknown keys are ignored).
    if (candidates.length === 0 && !sig.name.startsWith(`${prefix}.witness.`)) continue;
    const key = candidates.find((k) => k.verifier.keyId === sig.keyId);
    const bad = (why: string): void => void anomalies.push({ ...at, code: 'XR_COSIGNATURE_INVALID', message: `cosignature of ${entry.origin} size ${entry.size} by ${sig.name}: ${why}` });
    if (!key) {
      bad('no registered key of that witness has this key id');
      continue;
    }
    if (!key.verifier.verify(text, sig.signature)) {
      bad(`does not verify over this checkpoint${key.kid ? ` with ${key.kid}` : ''}`);
      continue;
    }
    if (key.kid !== undefined) {
      const t = cosignatureTimestamp(sig);
      const valid = registry.at(timestamp).keyFor(key.kid, new Date((t.ok ? t.value : 0) * 1000).toISOString(), { receivedAt: timestamp });
      // A witness that cosigned before its key was registered (a city's gateway started before the
      // admin registered it): not counted, and no anomaly — C2SP verifiers ignore unknown keys.
      if (!valid.ok && valid.code === 'XR_KEY_UNKNOWN') continue;
      if (!valid.ok) {
        bad(valid.reason);
        continue;
      }
    }
    entry.cosignatures.set(sig.name, sig);
  }
}

/** Judges the checkpoints against the journals' trees and the witness policy; returns per-origin stats. */
export function judgeCheckpoints(prefix: string, log: CheckpointLog, trees: ReadonlyMap<string, MerkleTree>, registry: RegistryTimeline, anomalies: Anomaly[]): OriginStats[] {
  const stats: OriginStats[] = [];
  const topic = topics(prefix).checkpoints;
  for (const [origin, tree] of trees) {
    const list = [...(log.byOrigin.get(origin) ?? [])].sort((a, b) => a.size - b.size || a.offset - b.offset);
    const where = (c: CheckpointEntry): Anomaly => ({ code: '', topic, partition: 0, offset: c.offset, region: c.region, message: '' });
    for (const [i, c] of list.entries()) {
      const twin = list.find((d, j) => j < i && d.size === c.size);
      if (twin) anomalies.push({ ...where(c), code: 'XR_CHECKPOINT_FORK', message: `${origin}: two signed roots for size ${c.size} (offsets ${twin.offset} and ${c.offset})` });
      if (c.size > tree.size) {
        anomalies.push({ ...where(c), code: 'XR_CHECKPOINT_ROOT_MISMATCH', message: `${origin}: checkpoint signs size ${c.size}, the journal holds ${tree.size} records` });
      } else {
        const root = tree.root(c.size);
        if (root.ok && b64(root.value) !== b64(c.root)) anomalies.push({ ...where(c), code: 'XR_CHECKPOINT_ROOT_MISMATCH', message: `${origin}: the journal's root at size ${c.size} is not the checkpoint's` });
      }
      if (c.old > 0) {
        const before = list.find((d) => d.size === c.old && d.offset < c.offset);
        if (before) {
          const consistent = verifyConsistency(c.old, c.size, before.root, c.root, c.proof);
          if (!consistent.ok) anomalies.push({ ...where(c), code: 'XR_CHECKPOINT_FORK', message: `${origin}: checkpoint of size ${c.size} is not consistent with the one of size ${c.old}: ${consistent.message}` });
        }
      }
    }
    const newest = list[list.length - 1];
    const region = parseJournalOrigin(prefix, origin)?.region ?? '';
    const policy = witnessPolicyOf(registry.final, region);
    const names = new Set(policy.witnesses.map((w) => policyWitnessName(prefix, w)));
    const witnesses = newest ? [...newest.cosignatures.keys()].filter((n) => names.has(n)) : [];
    if (newest && witnesses.length < policy.quorum) {
      anomalies.push({ ...where(newest), code: 'XR_CHECKPOINT_UNWITNESSED', message: `${origin}: the newest checkpoint (size ${newest.size}) has ${witnesses.length} of the ${policy.quorum} cosignatures its witness policy needs` });
    }
    const checkpointed = newest?.size ?? 0;
    stats.push({ origin, records: tree.size, checkpointed, unchecked: Math.max(0, tree.size - checkpointed), witnesses, quorum: policy.quorum });
  }
  return stats;
}

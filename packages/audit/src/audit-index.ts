/**
 * The auditor's questions, answered from one replay of a source: the newest (witnessed) checkpoint
 * of an origin, an event's inclusion proof as a C2SP tlog-proof, a consistency proof between two
 * checkpointed sizes (proof-file.ts), a case as it stood at a time on both sides, and the journaled
 * events by region, case, type, time and position.
 */
import type { PublicJwk } from '@xr/crypto';
import { evolve, fail, ok, type CaseState, type Envelope, type Result } from '@xr/domain';
import { journalOrigin, parseJournalOrigin, projects } from '@xr/exchange';
import type { RegistryState } from '@xr/registry';
import { formatTlogProof } from '@xr/tlog';
import { mergedNote, type CheckpointEntry } from './checkpoints.js';
import { eventBytes, sealText, type JournalEntry } from './journal-scan.js';
import { formatConsistencyFile } from './proof-file.js';
import { replay, type Replay } from './replay.js';
import type { AuditSource } from './source.js';
import { policyWitnessName, witnessPolicyOf } from './witness-policy.js';

export interface CheckpointView {
  readonly origin: string;
  readonly region: string;
  readonly partition: number;
  readonly size: number;
  /** Base64, as in the note. */
  readonly rootHash: string;
  /** The signed note with the log's signature and every valid cosignature merged. */
  readonly note: string;
  /** Witness key names of the valid cosignatures that the policy lists. */
  readonly witnesses: readonly string[];
  readonly quorum: number;
  readonly witnessed: boolean;
  /** Where it was first seen on `<prefix>.checkpoints`. */
  readonly position: { readonly offset: number; readonly timestamp: number };
}

export interface JournalEventView {
  readonly region: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly caseSeq: number;
  readonly event: Envelope;
  /** The sender's JWS, or its seal (sealed batches): exactly one is set. */
  readonly eventJws?: string;
  readonly eventSeal?: string;
  /** The journal record's bytes (the Merkle leaf's data). */
  readonly record: Uint8Array;
}

export interface EventFilter {
  readonly region?: string;
  readonly caseId?: string;
  readonly types?: readonly string[];
  /** Event time bounds (RFC 3339 or epoch ms), inclusive. */
  readonly from?: string | number;
  readonly to?: string | number;
  /** Resume after these positions (one per region and partition). */
  readonly after?: readonly { readonly region: string; readonly partition: number; readonly offset: number }[];
}

export interface InclusionProof {
  readonly origin: string;
  readonly index: number;
  readonly treeSize: number;
  readonly hashes: readonly Uint8Array[];
  readonly checkpoint: string;
  readonly tlogProof: string;
  readonly record: Uint8Array;
}

export interface ConsistencyProof {
  readonly hashes: readonly Uint8Array[];
  readonly oldCheckpoint?: string;
  readonly newCheckpoint?: string;
  readonly proofFile: string;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
const instant = (t: string | number): number => (typeof t === 'number' ? t : Date.parse(t));

function parseEvent(e: JournalEntry): Envelope {
  return JSON.parse(Buffer.from(eventBytes(e)).toString('utf8')) as Envelope;
}

export class AuditIndex {
  private constructor(private readonly r: Replay) {}

  static async load(source: AuditSource, options: { trustAnchors: PublicJwk[]; regions?: string[] }): Promise<AuditIndex> {
    return new AuditIndex(await replay(source, { ...options, verifySignatures: false }));
  }

  get prefix(): string {
    return this.r.prefix;
  }

  get regions(): readonly string[] {
    return this.r.regions;
  }

  /** The registry after its last record. */
  get registry(): RegistryState {
    return this.r.registry.final;
  }

  /** Checkpoints of an origin whose root the journal reproduces, smallest first. */
  private valid(origin: string): CheckpointEntry[] {
    const tree = this.r.trees.get(origin);
    if (!tree) return [];
    return [...(this.r.checkpoints.byOrigin.get(origin) ?? [])]
      .filter((c) => {
        const root = c.size <= tree.size ? tree.root(c.size) : undefined;
        return root?.ok === true && b64(root.value) === b64(c.root);
      })
      .sort((a, b) => a.size - b.size);
  }

  private view(c: CheckpointEntry): CheckpointView {
    const policy = witnessPolicyOf(this.r.registry.final, c.region);
    const names = new Set(policy.witnesses.map((w) => policyWitnessName(this.r.prefix, w)));
    const witnesses = [...c.cosignatures.keys()].filter((n) => names.has(n));
    return { origin: c.origin, region: c.region, partition: c.partition, size: c.size, rootHash: b64(c.root), note: mergedNote(c), witnesses, quorum: policy.quorum, witnessed: witnesses.length >= policy.quorum, position: { offset: c.offset, timestamp: c.timestamp } };
  }

  /** The newest checkpoint of an origin that the journal reproduces (with `witnessed`, the newest that meets the policy). */
  checkpoint(origin: string, options: { witnessed?: boolean } = {}): CheckpointView | undefined {
    const views = this.valid(origin).map((c) => this.view(c));
    const usable = options.witnessed ? views.filter((v) => v.witnessed) : views;
    return usable[usable.length - 1];
  }

  /** Every origin of the audited journals. */
  origins(): string[] {
    return [...this.r.trees.keys()];
  }

  private locate(eventId: string, region?: string): JournalEntry | undefined {
    if (region !== undefined) return this.r.journals.get(region)?.events.get(eventId);
    const all = [...this.r.journals.values()].map((j) => j.events.get(eventId)).filter((e): e is JournalEntry => e !== undefined);
    return all.find((e) => e.event?.source === e.region) ?? all[0];
  }

  /** The event's record, its inclusion proof in the newest covering checkpoint (witnessed preferred), as a C2SP tlog-proof with the record bytes as `extra`. */
  inclusionProof(eventId: string, region?: string): Result<InclusionProof> {
    const entry = this.locate(eventId, region);
    if (!entry) return fail('XR_AUDIT_NOT_FOUND', `event ${eventId} is not in ${region === undefined ? 'any audited journal' : `the journal of ${region}`}`, 'eventId');
    const origin = journalOrigin(this.r.prefix, entry.region, entry.partition);
    const covering = this.valid(origin)
      .filter((c) => c.size > entry.offset)
      .map((c) => this.view(c));
    const chosen = covering.filter((v) => v.witnessed).pop() ?? covering.pop();
    if (!chosen) return fail('XR_AUDIT_NOT_FOUND', `no checkpoint of ${origin} covers offset ${entry.offset} yet`, 'eventId');
    const hashes = this.r.trees.get(origin)!.inclusionProof(entry.offset, chosen.size);
    if (!hashes.ok) return hashes;
    const tlogProof = formatTlogProof({ extra: entry.value, index: entry.offset, proof: hashes.value, checkpoint: chosen.note });
    if (!tlogProof.ok) return tlogProof;
    return ok({ origin, index: entry.offset, treeSize: chosen.size, hashes: hashes.value, checkpoint: chosen.note, tlogProof: tlogProof.value, record: entry.value });
  }

  /** The consistency proof between two sizes of an origin, with the checkpoints signed at those sizes when there are. */
  consistencyProof(origin: string, oldSize: number, newSize: number): Result<ConsistencyProof> {
    const tree = this.r.trees.get(origin);
    if (!tree) return fail('XR_AUDIT_NOT_FOUND', `no audited journal has origin ${origin}`, 'origin');
    const hashes = tree.consistencyProof(oldSize, newSize);
    if (!hashes.ok) return hashes;
    const at = (size: number): CheckpointView | undefined => {
      const views = this.valid(origin).filter((c) => c.size === size).map((c) => this.view(c));
      return views.find((v) => v.witnessed) ?? views[0];
    };
    const oldCp = at(oldSize);
    const newCp = at(newSize);
    if (!newCp) return fail('XR_AUDIT_NOT_FOUND', `no checkpoint of ${origin} signs size ${newSize}`, 'newSize');
    if (oldSize > 0 && !oldCp) return fail('XR_AUDIT_NOT_FOUND', `no checkpoint of ${origin} signs size ${oldSize}`, 'oldSize');
    const proofFile = formatConsistencyFile({ old: oldSize, proof: hashes.value, checkpoint: newCp.note, ...(oldCp ? { oldCheckpoint: oldCp.note } : {}) });
    if (!proofFile.ok) return proofFile;
    return ok({ hashes: hashes.value, ...(oldCp ? { oldCheckpoint: oldCp.note } : {}), newCheckpoint: newCp.note, proofFile: proofFile.value });
  }

  /** The journaled events matching a filter, by region, partition and offset. */
  *events(filter: EventFilter = {}): Iterable<JournalEventView> {
    const from = filter.from === undefined ? -Infinity : instant(filter.from);
    const to = filter.to === undefined ? Infinity : instant(filter.to);
    const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : undefined;
    for (const [region, journal] of this.r.journals) {
      if (filter.region !== undefined && region !== filter.region) continue;
      for (const [partition, entries] of journal.partitions.entries()) {
        const after = filter.after?.find((a) => a.region === region && a.partition === partition)?.offset ?? -1;
        for (const e of entries) {
          const ev = e.event;
          if (!ev || e.offset <= after) continue;
          if (filter.caseId !== undefined && ev.caseId !== filter.caseId) continue;
          if (types && !types.has(ev.type)) continue;
          const t = Date.parse(ev.time);
          if (t < from || t > to) continue;
          yield { region, partition, offset: e.offset, timestamp: e.timestamp, caseSeq: e.caseSeq ?? 0, event: parseEvent(e), ...(ev.sealStart !== undefined ? { eventSeal: sealText(e) ?? '' } : { eventJws: ev.jws ?? '' }), record: e.value };
        }
      }
    }
  }

  /** The case on each side that journaled it, folded from the events it had journaled by `at` (the journal record's log time; default: all). */
  caseAt(caseId: string, at?: string): Result<{ sides: { region: string; state: CaseState | undefined; events: JournalEventView[] }[] }> {
    const until = at === undefined ? Infinity : Date.parse(at);
    if (Number.isNaN(until)) return fail('XR_BAD_REQUEST', `${at} is not a time`, 'at');
    const sides: { region: string; state: CaseState | undefined; events: JournalEventView[] }[] = [];
    for (const region of this.r.journals.keys()) {
      const events = [...this.events({ region, caseId })].filter((v) => v.timestamp <= until);
      if (events.length === 0) continue;
      let state: CaseState | undefined;
      for (const v of events) if (projects(region, v.event, state)) state = evolve(state, v.event);
      sides.push({ region, state, events });
    }
    if (sides.length === 0) return fail('XR_CASE_NOT_FOUND', `no audited journal holds case ${caseId}${at === undefined ? '' : ` by ${at}`}`, 'caseId');
    return ok({ sides });
  }

  /** The region and partition of an origin of this log. */
  parseOrigin(origin: string): { region: string; partition: number } | undefined {
    return parseJournalOrigin(this.r.prefix, origin);
  }
}

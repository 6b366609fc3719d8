/**
 * One region's witness: the state it cosigned per origin, one queue through which every judgment
 * passes (the topic follower and the HTTP server alike, so two submissions never cosign from the
 * same state), and the one persistence path: a cosignature is appended to `<prefix>.checkpoints`
 * and acknowledged before the state counts it, so a crash can never let it cosign a fork.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256Hex } from '@xr/crypto';
import { ensureLogAppendTime, type EventLog, type LogRecord } from '@xr/event-log';
import { CHECKPOINT_KIND_HEADER, journalVerifier, parseJournalOrigin, witnessKeyName, witnessVerifier, type CheckpointKind, type Trust } from '@xr/exchange';
import type { Counters, Logger } from '@xr/observability';
import { openNote, parseCheckpoint, type NoteVerifier } from '@xr/tlog';
import type { Bridge } from './bridge.js';
import { judge, type ForkEvidence, type Verdict, type WitnessIdentity } from './judge.js';
import { absorb, type OriginState } from './state.js';

export interface WitnessOptions {
  readonly log: EventLog;
  /** `<prefix>.checkpoints`. */
  readonly topic: string;
  readonly prefix: string;
  /** This gateway's region. */
  readonly region: string;
  /** The region's Ed25519 signing key (the current one). */
  readonly privateKey: KeyObject;
  readonly trust: Trust;
  readonly logger?: Logger;
  readonly counters?: Counters;
  /** Default the system clock. */
  readonly clock?: () => Date;
}

export interface Submission {
  /** The add-checkpoint body, as received. */
  readonly body: Uint8Array;
  /** When the log stamped it (a record's timestamp) or when it arrived (HTTP), in ms: judges the log key. */
  readonly receivedAt: number;
  /** The topic follower: trust on first use (see `JudgeInput.firstUse`). */
  readonly firstUse?: boolean;
  /** Where it came from, for logs: `topic@<offset>` or `http`. */
  readonly source: string;
  /** The topic follower's bridges over checkpoints it could not cosign (see `extendBridge`). */
  readonly bridge?: (origin: string) => Bridge | undefined;
}

/** What `Witness.load` took back. */
export interface Restored {
  /** Own cosignature records taken back. */
  readonly restored: number;
  /** The topic's end offset when it was read: everything before it is taken back. */
  readonly end: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const BATCH = 500;

export class Witness {
  private readonly states = new Map<string, OriginState>();
  private readonly identity: WitnessIdentity;
  private readonly verifierCache = new Map<string, NoteVerifier>();
  private queue: Promise<unknown> = Promise.resolve();
  private own: { fingerprint: string; verifiers: NoteVerifier[] } | undefined;
  /** SHA-256 of the conflicting bodies already written as fork evidence. */
  private readonly reported = new Set<string>();

  constructor(private readonly o: WitnessOptions) {
    this.identity = { name: witnessKeyName(o.prefix, o.region), privateKey: o.privateKey };
  }

  get name(): string {
    return this.identity.name;
  }

  /** The latest cosigned size per origin (a copy). */
  sizes(): Map<string, number> {
    return new Map([...this.states].map(([origin, s]) => [origin, s.latest.size]));
  }

  state(origin: string): OriginState | undefined {
    return this.states.get(origin);
  }

  /**
   * Reads `<prefix>.checkpoints` from offset 0 to its current end and takes back this witness's
   * cosignatures and fork evidence (`restore`). Called before the witness judges anything — by the
   * topic follower's start and, without one, by the gateway before it serves `POST /add-checkpoint`
   * — so a restart never cosigns a checkpoint that conflicts with one it cosigned before.
   */
  async load(): Promise<Restored> {
    const { log, topic } = this.o;
    const { partitions } = await ensureLogAppendTime(log, topic, 1);
    if (partitions !== 1) throw new Error(`checkpoints topic ${topic} has ${partitions} partitions; it must have exactly 1`);
    const end = await log.endOffset(topic, 0);
    let restored = 0;
    for (let at = 0; at < end; ) {
      const records = await log.read(topic, 0, at, Math.min(BATCH, end - at));
      if (records.length === 0) break;
      for (const r of records) if (r.offset < end && this.restore(r)) restored += 1;
      at = records[records.length - 1]!.offset + 1;
    }
    this.o.logger?.info({ restored, origins: this.states.size, end }, 'witness state restored from its own cosignatures');
    return { restored, end };
  }

  /**
   * Takes back a cosignature record of this witness (any of the region's keys, old ones included):
   * returns true when it was one and the state now counts it.
   */
  restore(record: LogRecord): boolean {
    if (record.headers[CHECKPOINT_KIND_HEADER] === 'fork') this.restoreFork(record);
    if (record.headers[CHECKPOINT_KIND_HEADER] !== 'cosignature') return false;
    const note = openNote(record.value, this.ownVerifiers());
    if (!note.ok) return false;
    const checkpoint = parseCheckpoint(note.value.text);
    if (!checkpoint.ok || !parseJournalOrigin(this.o.prefix, checkpoint.value.origin)) return false;
    const origin = checkpoint.value.origin;
    const current = this.states.get(origin);
    if (current?.recent.get(checkpoint.value.size)?.note === decoder.decode(record.value)) return true; // read again
    // In place: a judgment only reads a state while it runs (synchronously) and returns a copy.
    this.states.set(origin, absorb(current, { size: checkpoint.value.size, root: checkpoint.value.rootHash, note: decoder.decode(record.value) }));
    return true;
  }

  /** Its cosignature verifiers: the current key and every key the region ever had (a restart after a rotation). */
  private ownVerifiers(): NoteVerifier[] {
    const keys = [createPublicKey(this.o.privateKey), ...this.o.trust.regionKeys(this.o.region).map((k) => k.publicKey)];
    const fingerprint = keys.map((k) => k.export({ format: 'jwk' }).x).join(',');
    if (this.own?.fingerprint !== fingerprint) {
      const unique = new Map(keys.map((key) => witnessVerifier(this.o.prefix, this.o.region, key)).map((v) => [v.keyId, v]));
      this.own = { fingerprint, verifiers: [...unique.values()] };
    }
    return this.own.verifiers;
  }

  /** Fork evidence this witness already wrote is not written again when the follower re-reads the topic. */
  private restoreFork(record: LogRecord): void {
    try {
      const evidence = JSON.parse(decoder.decode(record.value)) as { witness?: unknown; conflicting?: unknown };
      if (evidence.witness === this.identity.name && typeof evidence.conflicting === 'string') this.reported.add(sha256Hex(evidence.conflicting));
    } catch {
      // Not evidence of ours.
    }
  }

  /** The log's checkpoint verifiers for an origin at `receivedAt`: a partner region's keys valid then. */
  verifiers(origin: string, receivedAt: number): NoteVerifier[] | undefined {
    const named = parseJournalOrigin(this.o.prefix, origin);
    if (!named || named.region === this.o.region || !this.o.trust.regions().has(named.region)) return undefined;
    const at = new Date(receivedAt).toISOString();
    const verifiers: NoteVerifier[] = [];
    for (const key of this.o.trust.regionKeys(named.region)) {
      if (!this.o.trust.keyFor(key.kid, at, receivedAt).ok) continue;
      let v = this.verifierCache.get(key.kid);
      if (!v) {
        v = journalVerifier(this.o.prefix, named.region, key.publicKey);
        this.verifierCache.set(key.kid, v);
      }
      verifiers.push(v);
    }
    return verifiers;
  }

  /** Judges a submission in the witness's queue; a cosignature or fork evidence is persisted before it resolves. */
  submit(submission: Submission): Promise<Verdict> {
    const run = this.queue.then(() => this.judgeAndPersist(submission));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async judgeAndPersist(s: Submission): Promise<Verdict> {
    const now = this.o.clock?.() ?? new Date();
    const verdict = judge({
      body: s.body,
      state: (origin) => this.states.get(origin),
      verifiers: (origin) => this.verifiers(origin, s.receivedAt),
      witness: this.identity,
      now: Math.max(1, Math.floor(now.getTime() / 1000)),
      ...(s.firstUse ? { firstUse: true } : {}),
      ...(s.bridge ? { bridge: s.bridge } : {}),
    });
    if (verdict.status === 200) {
      await this.append(verdict.origin, 'cosignature', encoder.encode(verdict.note));
      this.states.set(verdict.origin, verdict.state);
      this.o.counters?.inc('xr_checkpoint_cosignatures_total', { origin: verdict.origin });
      this.o.logger?.debug({ origin: verdict.origin, size: verdict.checkpoint.size, source: s.source }, 'checkpoint cosigned');
      return verdict;
    }
    if ((verdict.status === 409 || verdict.status === 422) && verdict.fork) await this.raiseFork(verdict.origin, verdict.fork, s, now);
    return verdict;
  }

  private async raiseFork(origin: string, fork: ForkEvidence, s: Submission, now: Date): Promise<void> {
    const digest = sha256Hex(s.body);
    if (this.reported.has(digest)) return;
    const evidence = canonicalJson({ at: now.toISOString(), code: fork.code, cosigned: fork.cosigned, conflicting: decoder.decode(s.body), origin, witness: this.identity.name });
    await this.append(origin, 'fork', encoder.encode(evidence));
    this.reported.add(digest);
    this.o.counters?.inc('xr_checkpoint_forks_total', { origin });
    this.o.logger?.error({ code: 'XR_CHECKPOINT_FORK', reason: fork.code, origin, source: s.source }, 'checkpoint conflicts with one this witness cosigned: fork evidence written, not cosigned');
  }

  private async append(origin: string, kind: CheckpointKind, value: Uint8Array): Promise<void> {
    await this.o.log.append(this.o.topic, [{ id: sha256Hex(value), key: origin, value, partition: 0, headers: { [CHECKPOINT_KIND_HEADER]: kind } }]);
  }
}

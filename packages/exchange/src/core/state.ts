/**
 * Everything the gateway knows, folded from its journal and nothing else: per partition the chain
 * head, the next journal offset and how far the inbox has been journaled; per event the hash of
 * its bytes (a redelivery or a replay?); per case its record count and its state; per event of
 * ours its sequence number, client request and answer (the RequestLedger); per partition the
 * RFC 6962 Merkle tree of its record bytes (what the checkpoints sign). A restart replays the
 * journal through `apply`, so it rebuilds exactly the state the running process had.
 */
import { GENESIS_HASH, isRequest, type CaseState, type Envelope, type JournalRecord } from '@xr/domain';
import { MerkleTree } from '@xr/tlog';
import { encodeEnvelope, hashRecord } from '../journal-codec.js';
import { CaseProjection } from '../projection.js';
import { RequestLedger, type OwnEvent } from '../requests.js';

export interface ChainHead {
  /** SHA-256 (hex) of the last record's bytes in the partition (GENESIS_HASH before the first). */
  readonly prev: string;
  /** The offset the next journal record of the partition gets. */
  readonly next: number;
  /** The inbox offset after the last one journaled from this partition. */
  readonly inboxNext: number;
}

/** What a reader may do with a partition's tree: sizes, roots and proofs, never an append. */
export type JournalTree = Pick<MerkleTree, 'size' | 'root' | 'consistencyProof' | 'inclusionProof'>;

/**
 * Everything `apply` folded, as plain data: what a snapshot stores (core/snapshot.ts). From
 * `image()` the maps are the live ones, to be read while nothing is applied.
 */
export interface StateImage {
  readonly heads: readonly ChainHead[];
  readonly trees: readonly MerkleTree[];
  readonly issued: readonly number[];
  /** Per partition, the partners our journaled events there go to (whose outbox cursors matter at start). */
  readonly targets: readonly ReadonlySet<string>[];
  readonly events: ReadonlyMap<string, string>;
  readonly caseCounts: ReadonlyMap<string, number>;
  readonly cases: ReadonlyMap<string, CaseState>;
  readonly lastSeqs: ReadonlyMap<string, number>;
  readonly own: ReadonlyMap<string, OwnEvent>;
}

/** A state image loaded from a snapshot, for `restore`: its maps are handed over, not copied. */
export interface LoadedImage extends StateImage {
  readonly events: Map<string, string>;
  readonly caseCounts: Map<string, number>;
  readonly cases: Map<string, CaseState>;
  readonly lastSeqs: Map<string, number>;
  readonly own: Map<string, OwnEvent>;
}

export class JournalBreak extends Error {
  readonly code = 'XR_JOURNAL_CHAIN_BROKEN';
  constructor(
    readonly partition: number,
    readonly offset: number,
    why: string,
  ) {
    super(`journal partition ${partition} offset ${offset}: ${why}; refusing to build on a journal that does not verify`);
    this.name = 'JournalBreak';
  }
}

export class GatewayState {
  private readonly heads: ChainHead[];
  /** Per partition, leaf i = SHA-256(0x00 ‖ bytes of the record at offset i). */
  private readonly trees: MerkleTree[];
  /** event id → SHA-256 of the event's bytes as first journaled. */
  private events = new Map<string, string>();
  /** case id → number of this case's records in the journal. */
  private caseCounts = new Map<string, number>();
  /** Per partition: certificates this region issued there (their status-list indexes derive from it). */
  private readonly issued: number[];
  /** Per partition: the partners our events there go to. */
  private readonly targets: Set<string>[];
  readonly cases = new CaseProjection();
  readonly ledger: RequestLedger;

  constructor(
    readonly self: string,
    readonly partitions: number,
  ) {
    this.heads = Array.from({ length: partitions }, () => ({ prev: GENESIS_HASH, next: 0, inboxNext: 0 }));
    this.issued = Array.from({ length: partitions }, () => 0);
    this.trees = Array.from({ length: partitions }, () => new MerkleTree());
    this.targets = Array.from({ length: partitions }, () => new Set<string>());
    this.ledger = new RequestLedger(self);
  }

  /** Whether nothing has been folded in yet (a snapshot may only be restored then). */
  get empty(): boolean {
    return this.heads.every((h) => h.next === 0);
  }

  /** The partners our journaled events in a partition go to. */
  partnersIn(partition: number): ReadonlySet<string> {
    const targets = this.targets[partition];
    if (!targets) throw new RangeError(`no journal partition ${partition}`);
    return targets;
  }

  /** Everything folded so far, live: read it only while nothing is applied (a snapshot holds the pipeline). */
  image(): StateImage {
    const ledger = this.ledger.image();
    return { heads: this.heads, trees: this.trees, issued: this.issued, targets: this.targets, events: this.events, caseCounts: this.caseCounts, cases: this.cases.entries(), lastSeqs: ledger.lastSeqs, own: ledger.own };
  }

  /**
   * Takes over a loaded snapshot (its maps and trees, not copies), in place of folding the journal
   * up to its heads: only on an empty state, and only once the caller has checked the snapshot
   * against the journal (shell/snapshots.ts).
   */
  restore(image: LoadedImage): void {
    if (!this.empty) throw new Error('a snapshot is only restored into an empty state');
    if ([image.heads, image.trees, image.issued, image.targets].some((a) => a.length !== this.partitions)) throw new RangeError(`a snapshot of ${image.heads.length} partitions cannot be restored into ${this.partitions}`);
    for (let p = 0; p < this.partitions; p++) {
      if (image.trees[p]!.size !== image.heads[p]!.next) throw new RangeError(`partition ${p}: a tree of ${image.trees[p]!.size} leaves for a journal of ${image.heads[p]!.next} records`);
      this.heads[p] = { ...image.heads[p]! };
      this.trees[p] = image.trees[p]!;
      this.issued[p] = image.issued[p]!;
      this.targets[p] = new Set(image.targets[p]);
    }
    this.events = image.events;
    this.caseCounts = image.caseCounts;
    this.cases.restore(image.cases);
    this.ledger.restore({ lastSeqs: image.lastSeqs, own: image.own });
  }

  head(partition: number): ChainHead {
    const head = this.heads[partition];
    if (!head) throw new RangeError(`no journal partition ${partition}`);
    return head;
  }

  /** The partition's Merkle tree: its size is always the partition's journaled record count. */
  tree(partition: number): JournalTree {
    const tree = this.trees[partition];
    if (!tree) throw new RangeError(`no journal partition ${partition}`);
    return tree;
  }

  /** SHA-256 of the bytes an event id was first journaled with. */
  seen(eventId: string): string | undefined {
    return this.events.get(eventId);
  }

  caseCount(caseId: string): number {
    return this.caseCounts.get(caseId) ?? 0;
  }

  /** How many certificates this region issued in a partition's journal. */
  certificatesIssued(partition: number): number {
    return this.issued[partition] ?? 0;
  }

  /**
   * Folds one journal record in: `bytes` are the record as stored at `offset` of `partition`.
   * A record that does not follow its predecessor (offset, `prev`) is a broken chain: thrown,
   * never applied.
   */
  apply(partition: number, offset: number, record: JournalRecord, bytes: Uint8Array): void {
    const head = this.head(partition);
    if (record.n !== offset || offset !== head.next) throw new JournalBreak(partition, offset, `record says n=${record.n}, the chain expects ${head.next}`);
    if (record.prev !== head.prev) throw new JournalBreak(partition, offset, `prev ${record.prev} is not the hash of the record before it (${head.prev})`);
    this.trees[partition]!.appendData(bytes);
    this.heads[partition] = { prev: hashRecord(bytes), next: offset + 1, inboxNext: Math.max(head.inboxNext, (record.inbox?.offset ?? -1) + 1) };
    if (!this.events.has(record.event.id)) this.events.set(record.event.id, hashRecord(encodeEnvelope(record.event)));
    this.caseCounts.set(record.event.caseId, record.caseSeq);
    if (record.event.type === 'certificate.issued' && record.event.source === this.self) this.issued[partition] = (this.issued[partition] ?? 0) + 1;
    if (this.outbound(record.event)) this.targets[partition]!.add(record.event.target);
    this.ledger.apply(record);
    if (projects(this.self, record.event, this.cases.get(record.event.caseId))) this.cases.apply(record.event);
  }

  /** Whether a journaled event goes to a partner (the outbox delivers it). */
  outbound(event: Envelope): boolean {
    return event.source === this.self && event.target !== this.self;
  }
}

/**
 * Whether an event changes this region's copy of its case. Our own requests to the handling
 * region wait for its answer (case.request-accepted applies them); a refusal of a case we never
 * held has nothing to change.
 */
export function projects(self: string, event: Envelope, state: { readonly handlingRegion: string } | undefined): boolean {
  if (event.source === self && isRequest(event.type) && state?.handlingRegion !== self) return false;
  return !(event.type === 'case.request-refused' && !state);
}

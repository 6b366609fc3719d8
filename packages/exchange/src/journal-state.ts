/**
 * What the gateway keeps in memory about its journal: per partition the chain head, the next
 * offset and how far the inbox has been consumed; per event, the hash of its bytes (to tell a
 * harmless redelivery from a replay with other content).
 */
import { GENESIS_HASH } from '@xr/domain';

export interface ChainHead {
  prev: string;
  next: number;
  /** The inbox offset after the last one journaled from this partition. */
  inboxNext: number;
}

export class JournalState {
  readonly heads: ChainHead[];
  /** event id → SHA-256 of the event's bytes as first journaled. */
  readonly events = new Map<string, string>();
  /** case id → number of this case's records in the journal. */
  readonly caseCounts = new Map<string, number>();

  constructor(partitions: number) {
    this.heads = Array.from({ length: partitions }, () => ({ prev: GENESIS_HASH, next: 0, inboxNext: 0 }));
  }

  head(partition: number): ChainHead {
    const head = this.heads[partition];
    if (!head) throw new RangeError(`no journal partition ${partition}`);
    return head;
  }
}

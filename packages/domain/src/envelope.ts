/**
 * The signed unit that travels between regions. Its canonical JSON (RFC 8785) is what is stored in
 * Kafka and what the sender's detached JWS covers.
 */
export interface Envelope<P = Record<string, unknown>> {
  /** UUIDv7 when made fresh (time-ordered), UUIDv8 when derived from a cause or a client request id (no time in it). */
  readonly id: string;
  readonly type: string;
  /** Schema version of the payload. */
  readonly v: number;
  /** Same forms as `id`: UUIDv7, or UUIDv8 when a SubmitCase request id fixed it. */
  readonly caseId: string;
  /** The sender's per-case sequence number, from 1: gaps and reorders are visible. */
  readonly seq: number;
  /** GB/T 2260 code of the sending region. */
  readonly source: string;
  /** GB/T 2260 code of the region the event is for. */
  readonly target: string;
  /** RFC 3339 time the sender made the event. */
  readonly time: string;
  readonly payload: P;
}

/**
 * A record of a region's journal: an event it accepted or emitted, chained (`prev`) to the record
 * before it in the same partition. The record is not signed; the event in it carries its sender's
 * signature (`eventJws`, or `eventSeal` when the sender seals batches), which anyone can verify again.
 */
export interface JournalRecord {
  readonly event: Envelope;
  /** The sender's detached JWS over the event's canonical bytes, as received (exactly one of this and `eventSeal`). */
  readonly eventJws?: string;
  /** The event's seal as received: a C2SP tlog-proof of its bytes in the sender's signed batch (see docs/WIRE.md). */
  readonly eventSeal?: string;
  /** SHA-256 (hex) of the previous journal record's bytes in this partition; 64 zeros for the first. */
  readonly prev: string;
  /** Position in this journal's partition, from 0; equals the Kafka offset. */
  readonly n: number;
  /** Position of this case's events in this journal, from 1. */
  readonly caseSeq: number;
  /** The inbox position consumed to produce this record, when it came from the inbox. */
  readonly inbox?: { readonly partition: number; readonly offset: number };
  /**
   * For our own event made by a client request: the RPC and the fingerprint of what the client
   * sent, so a request id reused for something else is told apart after a restart too.
   */
  readonly request?: { readonly rpc: string; readonly fingerprint: string };
  readonly recordedAt: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The log side of C2SP tlog-witness: submits this region's new checkpoints to one outside witness
 * (`POST <url>/add-checkpoint`, proving consistency from the size that witness last cosigned),
 * verifies the cosignature it answers with and writes it to `<prefix>.checkpoints`. A 409 names
 * the witness's size: one retry proves from there. Anything else is warned about and tried again
 * with the next checkpoint. Never on the pipeline's path: at most one request in flight, and only
 * the newest checkpoint of each origin waits (a slow witness holds up nothing but itself).
 */
import type { EventLog } from '@xr/event-log';
import type { Counters, Logger } from '@xr/observability';
import type { NoteVerifier } from '@xr/tlog';
import { addCheckpointBody, checkpointRecord, cosignedNote, MAX_WITNESS_RESPONSE, parseTlogSize, type SignedCheckpoint } from '../core/checkpoints.js';
import type { JournalTree } from '../core/state.js';

export interface OutsideWitness {
  /** A label for logs and metrics (tlog-policy's witness name). */
  readonly name: string;
  /** Its cosignature (type 0x04) verifier key, parsed. */
  readonly verifier: NoteVerifier;
  /** The witness's URL prefix; the client POSTs to `<url>/add-checkpoint`. */
  readonly url: string;
}

export interface WitnessClientOptions {
  readonly witness: OutsideWitness;
  readonly log: EventLog;
  readonly topic: string;
  readonly tree: (partition: number) => JournalTree;
  /** The region's checkpoint verifiers (the witness's answer must leave our signature verifying). */
  readonly logVerifiers: readonly NoteVerifier[];
  readonly logger: Logger;
  readonly counters: Counters;
  readonly timeoutMs: number;
}

type Answer = { readonly status: number; readonly text: string } | { readonly error: string };

export class WitnessClient {
  /** origin → the size this witness last cosigned (as far as we know). */
  private readonly cosigned = new Map<string, number>();
  /** origin → the newest checkpoint not yet submitted. */
  private readonly pending = new Map<string, SignedCheckpoint>();
  private draining: Promise<void> | undefined;

  constructor(private readonly o: WitnessClientOptions) {}

  get name(): string {
    return this.o.witness.name;
  }

  /** Records a size the witness cosigned (read back from the topic at start). */
  noteCosigned(origin: string, size: number): void {
    this.cosigned.set(origin, Math.max(size, this.cosigned.get(origin) ?? 0));
  }

  /** Whether a note signature is this witness's (same key name and key id). */
  verifierMatches(signature: { readonly name: string; readonly keyId: number }): boolean {
    return signature.name === this.o.witness.verifier.name && signature.keyId === this.o.witness.verifier.keyId;
  }

  lastCosigned(origin: string): number | undefined {
    return this.cosigned.get(origin);
  }

  /** Queues a new checkpoint for this witness (replacing an older one of the same origin not sent yet). */
  offer(checkpoint: SignedCheckpoint): void {
    this.pending.set(checkpoint.origin, checkpoint);
    this.kick();
  }

  /** Resolves when nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Drops what is queued (at shutdown, after the grace period). */
  clear(): void {
    this.pending.clear();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.pending.size > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.pending.entries().next(); !next.done; next = this.pending.entries().next()) {
      const [origin, checkpoint] = next.value;
      this.pending.delete(origin);
      try {
        await this.submit(checkpoint);
      } catch (error) {
        this.warn(checkpoint, { err: error instanceof Error ? error.message : String(error) }, 'could not submit a checkpoint to a witness; trying with the next one');
      }
    }
  }

  private async submit(checkpoint: SignedCheckpoint): Promise<void> {
    let old = this.cosigned.get(checkpoint.origin) ?? 0;
    if (old >= checkpoint.size) return;
    for (let attempt = 0; attempt < 2; attempt++) {
      const body = addCheckpointBody(this.o.tree(checkpoint.partition), checkpoint, old);
      if (!body.ok) return this.warn(checkpoint, { code: body.code, old }, `cannot prove the checkpoint from the witness's size: ${body.message}`);
      const answer = await this.post(body.value);
      if ('error' in answer) return this.warn(checkpoint, { err: answer.error }, 'witness unreachable; trying with the next checkpoint');
      if (answer.status === 200) return this.cosign(checkpoint, answer.text);
      if (answer.status === 409 && attempt === 0) {
        const theirs = parseTlogSize(answer.text);
        if (theirs === undefined || theirs > checkpoint.size) return this.warn(checkpoint, { status: 409, size: theirs ?? 'unreadable' }, 'the witness has cosigned a size this checkpoint cannot be proved from');
        this.noteCosigned(checkpoint.origin, theirs);
        old = theirs;
        continue;
      }
      return this.warn(checkpoint, { status: answer.status, answer: answer.text.slice(0, 200) }, 'the witness refused the checkpoint; trying with the next one');
    }
  }

  private async cosign(checkpoint: SignedCheckpoint, response: string): Promise<void> {
    const note = cosignedNote(checkpoint, response, this.o.logVerifiers, this.o.witness.verifier);
    if (!note.ok) return this.warn(checkpoint, { code: note.code }, note.message);
    await this.o.log.append(this.o.topic, [checkpointRecord('cosignature', checkpoint.origin, note.value)]);
    this.noteCosigned(checkpoint.origin, checkpoint.size);
    this.o.counters.inc('xr_cosignatures_total', { witness: this.o.witness.name });
    this.o.logger.debug({ witness: this.o.witness.name, origin: checkpoint.origin, size: checkpoint.size }, 'checkpoint cosigned by an outside witness');
  }

  private async post(body: string): Promise<Answer> {
    try {
      const response = await fetch(`${this.o.witness.url.replace(/\/+$/, '')}/add-checkpoint`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      return { status: response.status, text: await readCapped(response) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  private warn(checkpoint: SignedCheckpoint, details: Record<string, unknown>, message: string): void {
    this.o.counters.inc('xr_witness_failures_total', { witness: this.o.witness.name });
    this.o.logger.warn({ witness: this.o.witness.name, origin: checkpoint.origin, size: checkpoint.size, ...details }, message);
  }
}

/** The response body as text, at most MAX_WITNESS_RESPONSE bytes (a hostile witness cannot fill our memory). */
async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_WITNESS_RESPONSE) {
      await reader.cancel();
      throw new Error(`witness answer larger than ${MAX_WITNESS_RESPONSE} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

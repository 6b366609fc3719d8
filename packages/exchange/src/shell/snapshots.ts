/**
 * Snapshots of the gateway state in a local directory, so a start replays only the journal's tail
 * (core/snapshot.ts has the format). One file per journal, `<dir>/<journal topic>.snapshot`:
 *
 * - written every `intervalMs` when the journal grew, and at a clean stop, while the pipeline is
 *   held (no batch folded meanwhile, so the file is one consistent state at one journal position);
 *   to a temporary file, fsynced, renamed over the old one, the directory fsynced: a crash at any
 *   point leaves the previous snapshot or the new one, never half of one;
 * - authenticated: an HMAC-SHA256 over the whole file, keyed from the region's signing key (HKDF),
 *   so a file edited by hand, cut short or written under another key does not load;
 * - checked against the journal before it is trusted: per partition, the record at the covered
 *   position − 1 must hash to the snapshot's chain head (and its leaf to the tree's last leaf). A
 *   snapshot of another journal, or of a journal since truncated or rewritten, is refused.
 *
 * A refused snapshot is logged (XR_SNAPSHOT_REFUSED with the reason) and counted, and the gateway
 * replays its journal from offset 0, as it would without one.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual, type Hmac } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { SigningKey } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import type { Counters, Logger } from '@xr/observability';
import { leafHash } from '@xr/tlog';
import { FRAME, FRAME_HEADER_BYTES, MAX_FRAME_BYTES, SNAPSHOT_MAGIC, SnapshotDecoder, SnapshotRefused, frame, snapshotFrames, type SnapshotHeader } from '../core/snapshot.js';
import type { GatewayState, LoadedImage } from '../core/state.js';
import { hashRecord } from '../journal-codec.js';

export const DEFAULT_SNAPSHOT_INTERVAL_MS = 300_000;
const MAC_BYTES = 32;
const WRITE_BUFFER_BYTES = 4 * 1024 * 1024;

/** The snapshot MAC key: HKDF-SHA256 of the region's private signing key. */
export function snapshotKey(signer: SigningKey): Uint8Array {
  const d = signer.privateKey.export({ format: 'jwk' }).d;
  if (typeof d !== 'string') throw new TypeError('the signing key has no private part');
  return new Uint8Array(hkdfSync('sha256', Buffer.from(d, 'base64url'), new Uint8Array(0), 'xr-gateway-snapshot/v1', 32));
}

export interface SnapshotOptions {
  readonly dir: string;
  readonly region: string;
  /** The journal topic (its name is part of the file name and is checked at load). */
  readonly journal: string;
  readonly partitions: number;
  readonly state: GatewayState;
  /** HMAC key (snapshotKey of the signing key). */
  readonly key: Uint8Array;
  /** Where the journal is read to check a snapshot (only `read`). */
  readonly log: Pick<EventLog, 'read'>;
  readonly logger: Logger;
  readonly counters: Counters;
  /** Runs `write` while the pipeline folds nothing (Pipeline.exclusive). */
  readonly hold: <T>(write: () => Promise<T>) => Promise<T>;
  readonly intervalMs?: number;
  readonly clock?: () => Date;
}

export interface SnapshotWritten {
  readonly bytes: number;
  readonly ms: number;
  readonly heads: readonly number[];
}

export class Snapshots {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  /** The journal positions the newest snapshot covers (loaded or written). */
  private covered: readonly number[] | undefined;

  constructor(private readonly o: SnapshotOptions) {}

  get file(): string {
    return join(this.o.dir, `${this.o.journal}.snapshot`);
  }

  /**
   * At start, on an empty state: loads the snapshot, checks it against the journal and restores
   * the state from it. True when restored; false (logged) when there is none or it was refused.
   */
  async restore(): Promise<boolean> {
    const started = performance.now();
    let loaded: { header: SnapshotHeader; image: LoadedImage } | undefined;
    try {
      loaded = await this.load();
      if (!loaded) {
        this.o.logger.info({ file: this.file }, 'no state snapshot; replaying the journal from offset 0');
        return false;
      }
      await this.check(loaded.header, loaded.image);
    } catch (error) {
      const refused = error instanceof SnapshotRefused ? error : new SnapshotRefused('file', `unreadable: ${error instanceof Error ? error.message : String(error)}`);
      this.o.counters.inc('xr_snapshots_refused_total', { field: refused.field });
      this.o.logger.warn({ code: refused.code, field: refused.field, file: this.file }, `state snapshot refused (${refused.message}); replaying the journal from offset 0`);
      return false;
    }
    this.o.state.restore(loaded.image);
    this.covered = loaded.header.heads.map((h) => h.next);
    this.o.logger.info({ file: this.file, writtenAt: loaded.header.writtenAt, heads: this.covered, cases: loaded.image.cases.size, ms: Math.round(performance.now() - started) }, 'state restored from snapshot; replaying the journal tail');
    return true;
  }

  /** Starts the timer (after the pipeline has started). */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Stops the timer and writes a last snapshot (call it once the pipeline has stopped). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running.catch(() => undefined);
    await this.writeIfGrown();
  }

  /** Writes a snapshot now (holding the pipeline). */
  async write(): Promise<SnapshotWritten> {
    return this.o.hold(() => this.writeFile());
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.writeIfGrown().finally(() => this.schedule());
    }, this.o.intervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS);
    this.timer.unref();
  }

  /** A snapshot when the journal grew since the last one; never rejects (a failure is logged and retried next time). */
  private async writeIfGrown(): Promise<void> {
    const heads = Array.from({ length: this.o.partitions }, (_, p) => this.o.state.head(p).next);
    if (this.covered && heads.every((n, p) => n === this.covered![p])) return;
    if (!this.covered && heads.every((n) => n === 0)) return;
    try {
      const written = await this.write();
      this.o.counters.inc('xr_snapshots_written_total');
      this.o.counters.observe('xr_snapshot_write_seconds', {}, written.ms / 1000);
      this.o.logger.info({ file: this.file, bytes: written.bytes, ms: Math.round(written.ms), heads: written.heads }, 'state snapshot written');
    } catch (error) {
      this.o.counters.inc('xr_snapshot_failures_total');
      this.o.logger.warn({ file: this.file, err: error instanceof Error ? error.message : String(error) }, 'could not write the state snapshot; the previous one stays');
    }
  }

  private async writeFile(): Promise<SnapshotWritten> {
    const started = performance.now();
    await mkdir(this.o.dir, { recursive: true });
    await this.removeTemporaries();
    const temp = `${this.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const image = this.o.state.image();
    const heads = image.heads.map((h) => h.next);
    const mac = createHmac('sha256', this.o.key);
    const handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    let bytes = 0;
    try {
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      const flush = async (): Promise<void> => {
        if (pendingBytes === 0) return;
        const chunk = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await handle.write(chunk);
      };
      for (const part of snapshotFrames(image, { region: this.o.region, journal: this.o.journal, writtenAt: (this.o.clock?.() ?? new Date()).toISOString() })) {
        mac.update(part);
        pending.push(part);
        pendingBytes += part.length;
        bytes += part.length;
        if (pendingBytes >= WRITE_BUFFER_BYTES) await flush();
      }
      const end = frame(FRAME.end, mac.digest());
      pending.push(end);
      pendingBytes += end.length;
      bytes += end.length;
      await flush();
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(temp, this.file);
    await syncDir(this.o.dir);
    this.covered = heads;
    return { bytes, ms: performance.now() - started, heads };
  }

  /** Temporary files a crash left behind (never the snapshot itself). */
  private async removeTemporaries(): Promise<void> {
    const prefix = `${this.o.journal}.snapshot.tmp-`;
    for (const name of await readdir(this.o.dir)) if (name.startsWith(prefix)) await unlink(join(this.o.dir, name)).catch(() => undefined);
  }

  /** The snapshot file read, authenticated and decoded; undefined when there is none. */
  private async load(): Promise<{ header: SnapshotHeader; image: LoadedImage } | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const reader = new Reader(handle);
      const mac = createHmac('sha256', this.o.key);
      const magic = await reader.take(SNAPSHOT_MAGIC.length);
      if (!magic || !Buffer.from(magic).equals(SNAPSHOT_MAGIC)) throw new SnapshotRefused('version', 'not a snapshot of this format version');
      mac.update(magic);
      const decoder = new SnapshotDecoder({ region: this.o.region, journal: this.o.journal, partitions: this.o.partitions });
      for (;;) {
        const next = await readFrame(reader);
        if (next.kind === FRAME.end) {
          checkMac(mac, next.payload);
          if (!(await reader.atEnd())) throw new SnapshotRefused('file', 'bytes after the end frame');
          break;
        }
        mac.update(next.head).update(next.payload);
        decoder.push(next.kind, next.payload);
      }
      const image = decoder.finish();
      return { header: decoder.head!, image };
    } finally {
      await handle.close();
    }
  }

  /** Per partition, the journal record before the covered position must be the one the snapshot says. */
  private async check(header: SnapshotHeader, image: LoadedImage): Promise<void> {
    for (const [p, head] of header.heads.entries()) {
      if (head.next === 0) continue;
      const record = (await this.o.log.read(this.o.journal, p, head.next - 1, 1)).find((r) => r.offset === head.next - 1);
      if (!record) throw new SnapshotRefused('journal', `partition ${p} has no record at offset ${head.next - 1}: the journal is shorter than the snapshot`);
      if (hashRecord(record.value) !== head.prev) throw new SnapshotRefused('journal', `partition ${p}: the record at offset ${head.next - 1} is not the one the snapshot covers (another journal, or a rewritten one)`);
      if (!Buffer.from(leafHash(record.value)).equals(image.trees[p]!.hashAt(0, head.next - 1))) throw new SnapshotRefused('trees', `partition ${p}: the tree's last leaf is not the journal record's`);
    }
  }
}

function checkMac(mac: Hmac, stored: Uint8Array): void {
  const computed = mac.digest();
  if (stored.length !== MAC_BYTES || !timingSafeEqual(computed, stored)) throw new SnapshotRefused('mac', 'the MAC does not verify: the file was changed, cut short, or written under another signing key');
}

async function readFrame(reader: Reader): Promise<{ kind: number; head: Uint8Array; payload: Uint8Array }> {
  const head = await reader.take(FRAME_HEADER_BYTES);
  if (!head) throw new SnapshotRefused('file', 'the file ends before its end frame (cut short)');
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const kind = view.getUint8(0);
  const length = view.getUint32(1);
  if (length > MAX_FRAME_BYTES) throw new SnapshotRefused('file', `a frame of ${length} bytes`);
  const payload = await reader.take(length);
  if (!payload) throw new SnapshotRefused('file', 'the file ends inside a frame (cut short)');
  return { kind, head: Uint8Array.from(head), payload };
}

/** Sequential reads of exact lengths. */
class Reader {
  private position = 0;
  constructor(private readonly handle: FileHandle) {}

  /** `n` bytes, or undefined when the file ends first. */
  async take(n: number): Promise<Uint8Array | undefined> {
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const { bytesRead } = await this.handle.read(out, filled, n - filled, this.position);
      if (bytesRead === 0) return undefined;
      filled += bytesRead;
      this.position += bytesRead;
    }
    return out;
  }

  async atEnd(): Promise<boolean> {
    const { bytesRead } = await this.handle.read(Buffer.alloc(1), 0, 1, this.position);
    return bytesRead === 0;
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

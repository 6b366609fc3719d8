/**
 * One partition of the embedded log: an append-only file of JSON lines, one record each, kept in
 * memory for reads. A torn last line (a crash mid-write) is cut off when the file is opened.
 */
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import type { LogRecord } from '@xr/event-log';

interface StoredLine {
  readonly o: number;
  readonly t: number;
  readonly i: string;
  readonly k: string;
  readonly h: Record<string, string>;
  readonly v: string;
}

export class PartitionFile {
  readonly records: LogRecord[] = [];
  private handle: FileHandle | undefined;
  /** Lines appended but not yet handed to the file, and the write that will carry them. */
  private pendingText = '';
  private queued: Promise<void> | undefined;
  /** The last write (settled or not): the next one starts after it. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly path: string,
    private readonly fsync: boolean,
  ) {}

  static async open(topic: string, partition: number, path: string, fsync: boolean): Promise<PartitionFile> {
    const file = new PartitionFile(topic, partition, path, fsync);
    await file.load();
    file.handle = await open(path, 'a');
    return file;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let good = 0;
    for (const line of text.split('\n')) {
      if (line === '') break;
      let stored: StoredLine;
      try {
        stored = JSON.parse(line) as StoredLine;
      } catch {
        break;
      }
      if (stored.o !== this.records.length) break;
      this.records.push(this.toRecord(stored));
      good += Buffer.byteLength(line, 'utf8') + 1;
    }
    if (good < Buffer.byteLength(text, 'utf8')) await truncate(this.path, good);
  }

  private toRecord(s: StoredLine, value?: Uint8Array): LogRecord {
    return {
      topic: this.topic,
      partition: this.partition,
      offset: s.o,
      id: s.i,
      key: s.k,
      headers: s.h,
      timestamp: s.t,
      value: value ?? new Uint8Array(Buffer.from(s.v, 'base64')),
    };
  }

  get end(): number {
    return this.records.length;
  }

  /**
   * Appends in order; resolves when the lines are written (and synced when configured). Appends
   * made while a write is in flight are written together by the next one (one write, one sync).
   */
  append(items: readonly { id: string; key: string; value: Uint8Array; headers: Record<string, string> }[]): Promise<LogRecord[]> {
    const handle = this.handle;
    if (!handle) return Promise.reject(new Error(`partition ${this.topic}/${this.partition} is closed`));
    const now = Date.now();
    const made: LogRecord[] = [];
    let text = '';
    for (const item of items) {
      const bytes = Buffer.from(item.value.buffer, item.value.byteOffset, item.value.byteLength);
      const stored: StoredLine = { o: this.records.length + made.length, t: now, i: item.id, k: item.key, h: item.headers, v: bytes.toString('base64') };
      text += `${JSON.stringify(stored)}\n`;
      // A copy: the caller may reuse its buffer.
      made.push(this.toRecord(stored, new Uint8Array(bytes)));
    }
    this.records.push(...made);
    this.pendingText += text;
    if (!this.queued) {
      const write = this.writing.then(async () => {
        this.queued = undefined;
        const chunk = this.pendingText;
        this.pendingText = '';
        await handle.write(chunk);
        if (this.fsync) await handle.datasync();
      });
      this.queued = write;
      this.writing = write.catch(() => undefined);
    }
    return this.queued.then(() => made);
  }

  async close(): Promise<void> {
    // Until no write is left: one queued while we waited is awaited too.
    for (let last = this.writing; ; last = this.writing) {
      await last;
      if (last === this.writing) break;
    }
    await this.handle?.close();
    this.handle = undefined;
  }
}

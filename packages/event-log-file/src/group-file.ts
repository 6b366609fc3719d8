/**
 * The committed positions of one consumer group (`_groups/<group>.json`), kept in memory once
 * read and written back whole (temp file, then rename). One write is in flight at a time; commits
 * made meanwhile are carried by the next write, so a burst of commits costs one or two writes
 * instead of a read, a write and a rename each.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';

export class GroupFile {
  private positions: Record<string, number> | undefined;
  private loading: Promise<Record<string, number>> | undefined;
  /** The write not yet started: it will carry every position set before it starts. */
  private queued: Promise<void> | undefined;
  /** The last write (settled or not): the next one starts after it. */
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  private load(): Promise<Record<string, number>> {
    this.loading ??= readFile(this.file, 'utf8').then(
      (text) => JSON.parse(text) as Record<string, number>,
      () => ({}),
    ).then((positions) => (this.positions = positions));
    return this.loading;
  }

  async get(key: string): Promise<number | undefined> {
    return (await this.load())[key];
  }

  /** Sets the position at once (what `get` answers); resolves once a write carrying it is on disk. */
  async set(key: string, offset: number): Promise<void> {
    const positions = await this.load();
    positions[key] = offset;
    if (this.queued) return this.queued;
    const write = this.last.then(async () => {
      this.queued = undefined;
      const tmp = `${this.file}.tmp`;
      await writeFile(tmp, JSON.stringify(this.positions));
      await rename(tmp, this.file);
    });
    this.queued = write;
    this.last = write.catch(() => undefined);
    return write;
  }

  /** Resolves once every write started or queued has settled. */
  async settled(): Promise<void> {
    await this.last;
  }
}

/**
 * The embedded event log: a directory of append-only files that behaves like a small Kafka for
 * one process on one machine. Durable across restarts; one process owns a directory at a time.
 */
import { EventEmitter } from 'node:events';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ID_HEADER, partitionFor } from '@xr/event-log';
import type { AppendResult, ConsumeOptions, EventLog, LogRecord, RecordInput, Subscription, TopicDescription, TopicSpec } from '@xr/event-log';
import { acquireDirLock, type DirLock } from './dir-lock.js';
import { GroupFile } from './group-file.js';
import { PartitionFile } from './partition-file.js';

export interface FileEventLogOptions {
  readonly dir: string;
  /** fdatasync after every append (slower, survives power loss). Default false. */
  readonly fsync?: boolean;
  /** Delay before a failed batch is offered again. Default 200 ms. */
  readonly retryDelayMs?: number;
}

interface Topic {
  readonly partitions: PartitionFile[];
}

const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

export class FileEventLog implements EventLog {
  readonly kind = 'file' as const;
  private readonly topics = new Map<string, Topic>();
  private readonly appended = new EventEmitter();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private constructor(
    private readonly options: FileEventLogOptions,
    private readonly lock: DirLock,
  ) {
    this.appended.setMaxListeners(0);
  }

  static async open(options: FileEventLogOptions): Promise<FileEventLog> {
    await mkdir(join(options.dir, '_groups'), { recursive: true });
    const lock = await acquireDirLock(options.dir);
    const log = new FileEventLog(options, lock);
    try {
      for (const entry of await readdir(options.dir, { withFileTypes: true })) {
        if (entry.isDirectory() && TOPIC_NAME.test(entry.name) && entry.name !== '_groups') await log.load(entry.name);
      }
    } catch (error) {
      await lock.release();
      throw error;
    }
    return log;
  }

  private async load(topic: string): Promise<Topic | undefined> {
    let meta: TopicSpec;
    try {
      meta = JSON.parse(await readFile(join(this.options.dir, topic, 'meta.json'), 'utf8')) as TopicSpec;
    } catch {
      return undefined;
    }
    const partitions: PartitionFile[] = [];
    for (let p = 0; p < meta.partitions; p += 1) {
      partitions.push(await PartitionFile.open(topic, p, join(this.options.dir, topic, `${p}.log`), this.options.fsync ?? false));
    }
    const loaded = { partitions };
    this.topics.set(topic, loaded);
    return loaded;
  }

  private topic(name: string): Topic {
    const topic = this.topics.get(name);
    if (!topic) throw new Error(`unknown topic ${name}`);
    return topic;
  }

  private part(name: string, partition: number): PartitionFile {
    const part = this.topic(name).partitions[partition];
    if (!part) throw new Error(`topic ${name} has no partition ${partition}`);
    return part;
  }

  async createTopic(name: string, spec: TopicSpec): Promise<void> {
    if (!TOPIC_NAME.test(name) || name === '_groups') throw new Error(`invalid topic name ${name}`);
    if (!Number.isInteger(spec.partitions) || spec.partitions < 1) throw new Error(`invalid partition count ${spec.partitions}`);
    if (this.topics.has(name)) return;
    const dir = join(this.options.dir, name);
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, 'meta.json.tmp');
    // No timestamp type to keep: this log stamps every record with its append time.
    await writeFile(tmp, JSON.stringify({ partitions: spec.partitions }));
    await rename(tmp, join(dir, 'meta.json'));
    if (!this.topics.has(name)) await this.load(name);
  }

  /** Every topic is LogAppendTime: the log stamps each record as it appends it (a producer cannot set a timestamp). */
  async describeTopic(name: string): Promise<TopicDescription> {
    return { partitions: this.topic(name).partitions.length, timestampType: 'LogAppendTime' };
  }

  async partitions(name: string): Promise<number> {
    return this.topic(name).partitions.length;
  }

  async append(name: string, records: readonly RecordInput[]): Promise<AppendResult[]> {
    const topic = this.topic(name);
    const results: AppendResult[] = [];
    const byPartition = new Map<number, { id: string; key: string; value: Uint8Array; headers: Record<string, string> }[]>();
    for (const r of records) {
      const partition = r.partition ?? partitionFor(r.key, topic.partitions.length);
      const part = this.part(name, partition);
      const queue = byPartition.get(partition) ?? [];
      byPartition.set(partition, queue);
      results.push({ partition, offset: part.end + queue.length });
      queue.push({ id: r.id, key: r.key, value: r.value, headers: { ...r.headers, [ID_HEADER]: r.id } });
    }
    // The partitions' files are written concurrently; each wakes its readers once its lines are written.
    await Promise.all(
      [...byPartition].map(async ([partition, items]) => {
        await this.part(name, partition).append(items);
        this.appended.emit(`${name}/${partition}`);
      }),
    );
    return results;
  }

  async read(name: string, partition: number, fromOffset: number, limit?: number): Promise<LogRecord[]> {
    const records = this.part(name, partition).records;
    const end = limit === undefined ? records.length : Math.min(records.length, fromOffset + limit);
    return records.slice(fromOffset, end);
  }

  async poll(name: string, partition: number, fromOffset: number, maxWaitMs: number, limit?: number): Promise<LogRecord[]> {
    // A closed log refuses, as a disconnected broker would: answering [] at once made every
    // follower's loop (registry, status, witness) spin without ever letting a timer run.
    if (this.closed) throw new Error(`event log ${this.options.dir} is closed`);
    const part = this.part(name, partition);
    if (fromOffset >= part.end && maxWaitMs > 0) {
      const event = `${name}/${partition}`;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.appended.off(event, done);
          resolve();
        };
        const timer = setTimeout(done, maxWaitMs);
        this.appended.on(event, done);
      });
    }
    return this.read(name, partition, fromOffset, limit);
  }

  async endOffset(name: string, partition: number): Promise<number> {
    return this.part(name, partition).end;
  }

  private readonly groups = new Map<string, GroupFile>();

  private group(group: string): GroupFile {
    let file = this.groups.get(group);
    if (!file) {
      file = new GroupFile(join(this.options.dir, '_groups', `${encodeURIComponent(group)}.json`));
      this.groups.set(group, file);
    }
    return file;
  }

  /** The position is the group's at once; resolves once it is written (commits in a burst share one write). */
  commit(group: string, name: string, partition: number, offset: number): Promise<void> {
    return this.group(group).set(`${name}/${partition}`, offset);
  }

  async committed(group: string, name: string, partition: number): Promise<number | undefined> {
    return this.group(group).get(`${name}/${partition}`);
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    const topic = this.topic(options.topic);
    let stopping = false;
    const wakers = new Set<() => void>();
    const loops = topic.partitions.map(async (part) => {
      const event = `${options.topic}/${part.partition}`;
      let position = (await this.committed(options.group, options.topic, part.partition)) ?? 0;
      while (!stopping) {
        if (position >= part.end) {
          await new Promise<void>((resolve) => {
            const wake = (): void => {
              this.appended.off(event, wake);
              wakers.delete(wake);
              resolve();
            };
            wakers.add(wake);
            this.appended.on(event, wake);
            if (position < part.end || stopping) wake();
          });
          continue;
        }
        const records = part.records.slice(position, position + 500);
        try {
          await options.onBatch({ topic: options.topic, partition: part.partition, records });
          position += records.length;
          // Committed (what `committed` answers) at once; the next batch does not wait for the
          // file: a crash before it is written redelivers the batch, as a crash just before the
          // commit always could. A failed write is reported, and the next commit writes again.
          this.commit(options.group, options.topic, part.partition, position).catch((error: unknown) => options.onError?.(error));
        } catch (error) {
          options.onError?.(error);
          await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 200));
        }
      }
    });
    const subscription: Subscription = {
      stop: async () => {
        stopping = true;
        for (const wake of [...wakers]) wake();
        await Promise.all(loops);
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const sub of [...this.subscriptions]) await sub.stop();
    for (const group of this.groups.values()) await group.settled();
    for (const topic of this.topics.values()) for (const part of topic.partitions) await part.close();
    await this.lock.release();
  }

  /** Removes the whole directory (tests and `demo --fresh`). */
  static async destroy(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }
}

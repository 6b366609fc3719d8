/**
 * The auditor's current view: an `AuditIndex` replayed from the log, replaced by a fresh replay
 * when the log has grown (checked every `refreshMs`). Readers take `current`; a follower waits for
 * `next()`. A replay that fails keeps the last good view and is logged.
 *
 * Known cost: each refresh replays the whole log (it re-verifies nothing but re-hashes every
 * record). An incremental index is the next step when logs grow large (issue #11).
 */
import { AuditIndex, type AuditSource } from '@xr/audit';
import type { PublicJwk } from '@xr/crypto';
import type { Logger } from '@xr/observability';

export class IndexHolder {
  private index: AuditIndex;
  private timer: NodeJS.Timeout | undefined;
  private size = -1;
  private waiters: (() => void)[] = [];
  private refreshing = false;

  private constructor(
    private readonly source: AuditSource & { recordCount?: (topic: string) => Promise<number> },
    private readonly trustAnchors: PublicJwk[],
    private readonly logger: Logger,
    first: AuditIndex,
  ) {
    this.index = first;
  }

  static async open(source: AuditSource, trustAnchors: PublicJwk[], logger: Logger): Promise<IndexHolder> {
    const holder = new IndexHolder(source, trustAnchors, logger, await AuditIndex.load(source, { trustAnchors }));
    holder.size = await holder.logSize();
    return holder;
  }

  get current(): AuditIndex {
    return this.index;
  }

  /** Resolves after the next refresh that found new records. */
  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  start(refreshMs: number): void {
    this.timer = setInterval(() => void this.refresh(), refreshMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const w of this.waiters.splice(0)) w();
  }

  /** Replays again when the log grew; returns whether it did. */
  async refresh(): Promise<boolean> {
    if (this.refreshing) return false;
    this.refreshing = true;
    try {
      const size = await this.logSize();
      if (size === this.size) return false;
      this.index = await AuditIndex.load(this.source, { trustAnchors: this.trustAnchors });
      this.size = size;
      for (const w of this.waiters.splice(0)) w();
      return true;
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'audit index refresh failed; serving the last one');
      return false;
    } finally {
      this.refreshing = false;
    }
  }

  /** Records in every audited topic: what changes when the log grows. */
  private async logSize(): Promise<number> {
    const source = this.source;
    if (!source.recordCount) return Date.now(); // no cheap size: always refresh
    const prefix = source.prefix;
    const regions = await source.regions();
    const topics = [`${prefix}.registry`, `${prefix}.checkpoints`, ...regions.flatMap((r) => [`${prefix}.journal.${r}`, `${prefix}.quarantine.${r}`])];
    const counts = await Promise.all(topics.map((t) => source.recordCount!(t)));
    return counts.reduce((a, b) => a + b, 0);
  }
}

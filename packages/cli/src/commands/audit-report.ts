/** How `xr audit verify` shows progress and its report, for people (default) and machines (`--json`). */
import type { AuditReport } from '@xr/audit';
import type { CliIo } from '../io.js';

const num = (n: number): string => n.toLocaleString('en-US');

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Progress on stderr: a bar redrawn in place on a terminal, a plain line every few seconds otherwise. */
export function progress(io: CliIo, now: () => number = () => performance.now()): { update: (p: { records: number; total?: number }) => void; done: () => void } {
  const start = now();
  let last = start;
  let drawn = false;
  return {
    update: ({ records, total }) => {
      const t = now();
      if (t - last < (io.stderrIsTTY ? 100 : 2_000)) return;
      last = t;
      const rate = records / Math.max((t - start) / 1000, 0.001);
      const known = total !== undefined && total > 0;
      const eta = known ? ` ETA ${duration(((total - records) / Math.max(rate, 1)) * 1000)}` : '';
      if (io.stderrIsTTY) {
        const width = 24;
        const done = known ? Math.min(width, Math.round((records / total) * width)) : 0;
        const bar = known ? `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${Math.floor((records / total) * 100)}% ` : '';
        io.stderr(`\r${bar}${num(records)}${known ? `/${num(total)}` : ''} records ${num(Math.round(rate))}/s${eta}\u001b[K`);
        drawn = true;
      } else {
        io.stderr(`xr audit: ${num(records)}${known ? ` of ${num(total)}` : ''} records, ${num(Math.round(rate))}/s${eta}\n`);
      }
    },
    done: () => {
      if (drawn) io.stderr('\r\u001b[K');
    },
  };
}

export function humanReport(r: AuditReport): string {
  const s = r.stats;
  const lines = [
    `${r.ok ? 'CLEAN' : `${r.anomalies.length} ANOMAL${r.anomalies.length === 1 ? 'Y' : 'IES'}`} — prefix ${r.prefix}, regions ${r.regions.join(', ') || 'none'}`,
    `  ${num(s.journalRecords)} journal records, ${num(s.signaturesVerified)} signatures, ${num(s.registryRecords)} registry records, ${num(s.checkpointRecords)} checkpoint records, ${num(s.quarantineRecords)} quarantined; ${(s.elapsedMs / 1000).toFixed(1)} s, ${num(s.recordsPerSecond)} records/s`,
  ];
  if (s.uncheckpointed > 0) lines.push(`  ${num(s.uncheckpointed)} journal records are after their origin's newest checkpoint (not yet signed)`);
  for (const o of r.origins) lines.push(`  ${o.origin}: ${num(o.records)} records, checkpointed ${num(o.checkpointed)}, witnesses ${o.witnesses.length}/${o.quorum}${o.witnesses.length > 0 ? ` (${o.witnesses.join(', ')})` : ''}`);
  for (const a of r.anomalies) {
    const where = `${a.topic}/${a.partition}@${a.offset}`;
    const ids = [a.caseId ? `case ${a.caseId}` : '', a.eventId ? `event ${a.eventId}` : ''].filter(Boolean).join(' ');
    lines.push(`  ${a.code}  ${where}${ids ? `  ${ids}` : ''}\n      ${a.message}`);
  }
  return `${lines.join('\n')}\n`;
}

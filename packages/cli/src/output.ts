/** Human-readable output: aligned tables (CJK characters count two columns). Machine output is JSON. */
import type { AdminCalendarYear__Output, AdminWitnessPolicy__Output, AdminQuarantineEntry__Output as QuarantineEntry__Output, Partner__Output, RegistryChange__Output } from '@xr/proto';

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

const short = (s: string): string => s.replace(/^(PARTNER|KEY)_STATUS_/, '').toLowerCase().replace('_', '-');

export function partnersTable(partners: readonly Partner__Output[]): string {
  if (partners.length === 0) return 'no partners registered\n';
  return table(
    ['REGION', 'NAME', 'STATUS', 'KEYS', 'RECOGNISES'],
    partners.map((p) => [
      p.region,
      p.name,
      short(p.status) + (p.suspendedReason ? ` (${p.suspendedReason})` : ''),
      p.keys.map((k) => `${k.jwk?.kid ?? '?'}:${short(k.status)}`).join(' '),
      p.recognitions.map((r) => `${r.issuer}[${r.certificateTypes.join(',')}]`).join(' '),
    ]),
  );
}

export function changeText(what: string, change: RegistryChange__Output): string {
  const head = change.recordId === '' ? `${what}: already in effect, nothing written` : `${what}: record ${change.recordId} at offset ${change.offset}${change.duplicate ? ' (already written by this request)' : ''}`;
  return `${head}\n${change.partner ? partnersTable([change.partner]) : ''}`;
}

export function quarantineTable(entries: readonly QuarantineEntry__Output[], total: number): string {
  if (entries.length === 0) return `quarantine is empty (${total} entries)\n`;
  return (
    table(
      ['#', 'AT', 'CODE', 'FIELD', 'FROM', 'EVENT', 'MESSAGE'],
      entries.map((e) => [String(e.quarantineOffset), e.at, e.code, e.field, `${e.topic}/${e.partition}@${e.offset}`, e.eventId, e.message]),
    ) + `${entries.length} of ${total} entries\n`
  );
}

export function calendarsTable(years: readonly AdminCalendarYear__Output[]): string {
  return table(
    ['YEAR', 'BASIS', 'DAYS OFF', 'WORKED', 'NOTICE'],
    years.map((y) => [
      String(y.year),
      y.basis,
      String(y.periods.reduce((n, p) => n + p.daysOff.length, 0)),
      String(y.periods.reduce((n, p) => n + p.worked.length, 0)),
      y.notice ? `${y.notice.title} (${y.notice.date})` : y.basis === 'provisional' ? '— statutory days only, until the notice is published' : '',
    ]),
  );
}

/** A witness policy: what it is (set or default, by which record), then the C2SP tlog-policy file. */
export function witnessPolicyText(p: AdminWitnessPolicy__Output): string {
  return p.isDefault ? p.tlogPolicy : `${p.tlogPolicy}# set by registry record ${p.recordId} at ${p.setAt}\n`;
}

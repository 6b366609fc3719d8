/** gRPC messages ↔ holiday schedules (calendar.published payloads) and the calendar's years. */
import { BUILT_IN_YEARS, HOLIDAY_LAW_UNTIL, fail, provisionalYear, type CalendarYear, type Result } from '@xr/domain';
import type { CalendarPublished, RegistryState } from '@xr/registry';
import type { CalendarYear as CalendarYearMessage, ListCalendarsResponse, PublishCalendarRequest__Output } from './admin-proto.js';

/** The payload as the request states it; the schema and the calendar checks follow (fields named as in the request). */
export function calendarFromMessage(r: PublishCalendarRequest__Output): CalendarPublished {
  return {
    year: r.year,
    notice: { title: r.notice?.title ?? '', date: r.notice?.date ?? '' },
    periods: r.periods.map((p) => ({ name: p.name, daysOff: [...p.daysOff], worked: [...p.worked] })),
  };
}

function yearMessage(y: CalendarYear, basis: string, published?: { recordId: string; publishedAt: string }): CalendarYearMessage {
  return {
    year: y.year,
    basis,
    notice: y.notice ? { title: y.notice.title, date: y.notice.date } : null,
    periods: y.periods.map((p) => ({ name: p.name, daysOff: [...p.daysOff], worked: [...p.worked] })),
    recordId: published?.recordId ?? '',
    publishedAt: published?.publishedAt ?? '',
  };
}

/**
 * Every year the gateways count with, as the registry stands: built in, published (replacing a
 * built-in year when both exist), then provisional years up to `untilYear` (default: the year
 * after the last published one).
 */
export function calendarsMessage(state: RegistryState, untilYear: number): Result<ListCalendarsResponse> {
  const years = new Map<number, CalendarYearMessage>();
  for (const y of BUILT_IN_YEARS) years.set(y.year, yearMessage(y, 'built-in'));
  for (const c of state.calendars()) years.set(c.year.year, yearMessage(c.year, 'published', c));
  const last = Math.max(...years.keys());
  const until = untilYear === 0 ? last + 1 : untilYear;
  if (until < last - 200 || until > HOLIDAY_LAW_UNTIL) return fail('XR_BAD_REQUEST', `until_year must be at most ${HOLIDAY_LAW_UNTIL}`, 'until_year');
  for (let year = last + 1; year <= until; year++) {
    const provisional = provisionalYear(year);
    if (provisional) years.set(year, yearMessage(provisional, 'provisional'));
  }
  return { ok: true, value: { years: [...years.entries()].sort(([a], [b]) => a - b).map(([, y]) => y) } };
}

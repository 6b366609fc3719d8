/**
 * The working-day calendar as the registry has it now: the given years (the built-in notices and
 * any configured ones), then every holiday schedule published through the registry (a later
 * publication of a year wins), and provisional years computed from the law for the rest. Made
 * anew only when the registry changes, so every reader of one registry position counts the same
 * days: both regions of a case compute the same deadline from the same signed schedule.
 */
import { createYearlyCalendar, type CalendarYear, type WorkingDayCalendar } from '@xr/domain';
import type { RegistryState } from './state.js';

export function calendarFrom(state: () => RegistryState, base: readonly CalendarYear[]): () => WorkingDayCalendar {
  let madeFor: RegistryState | undefined;
  let made: WorkingDayCalendar | undefined;
  return () => {
    const current = state();
    if (made === undefined || madeFor !== current) {
      const years = [...base, ...current.calendars().map((c) => c.year)];
      const calendar = createYearlyCalendar(years);
      // Every published year was checked when its record was applied; base years at start.
      if (!calendar.ok) throw new Error(`calendar: ${calendar.message}`);
      made = calendar.value;
      madeFor = current;
    }
    return made;
  };
}

/**
 * A case's deadlines are computed once per case state, day and calendar: reads (ListCases' overdue
 * filter over every case, each WatchCase update) do not walk the calendar again, and any of the
 * three changing gives a fresh computation.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_YEARS, createYearlyCalendar, type WorkingDayCalendar } from '@xr/domain';
import { FileEventLog } from '@xr/event-log-file';
import { eventually, gateway, region, submission } from './fixtures.js';

/** The built-in calendar, counting the calls that walk it. */
function countingCalendar(): { calendar: WorkingDayCalendar; walks: () => number } {
  const made = createYearlyCalendar([...BUILT_IN_YEARS]);
  if (!made.ok) throw new Error(made.message);
  const inner = made.value;
  let walks = 0;
  const calendar: WorkingDayCalendar = {
    isWorkingDay: (d) => inner.isWorkingDay(d),
    addWorkingDays: (s, n) => ((walks += 1), inner.addWorkingDays(s, n)),
    workingDaysBetween: (a, b) => ((walks += 1), inner.workingDaysBetween(a, b)),
    deadlineWithSuspensions: (s, n, x) => ((walks += 1), inner.deadlineWithSuspensions(s, n, x)),
    provisional: (a, b) => inner.provisional(a, b),
    basisOf: (y) => inner.basisOf(y),
  };
  return { calendar, walks: () => walks };
}

describe('deadlines of a case', () => {
  it('are computed once per case state, day and calendar', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-deadlines-'));
    const log = await FileEventLog.open({ dir });
    const liaocheng = region('371500');
    const qingdao = region('370200');
    let current = countingCalendar();
    const a = gateway(liaocheng, [qingdao], log, undefined, { calendar: () => current.calendar, clock: () => new Date('2026-12-03T02:00:00Z') });
    const b = gateway(qingdao, [liaocheng], log);
    try {
      await a.start();
      await b.start();
      const caseId = a.newCaseId();
      expect(await a.request({ type: 'case.submitted', v: 1, caseId, target: '370200', payload: submission('370200') })).toMatchObject({ ok: true });
      await eventually(() => a.getCase(caseId)?.status === 'received');
      const state = a.getCase(caseId)!;
      const first = a.deadlines(state);
      expect(first?.supplementNoticeDue).toBeDefined();
      const walked = current.walks();
      expect(walked).toBeGreaterThan(0);
      for (let i = 0; i < 100; i += 1) expect(a.deadlines(state)).toBe(first);
      expect(current.walks()).toBe(walked);
      // Another day, or another calendar (a notice published), is computed afresh.
      expect(a.deadlines(state, '2026-12-20')).toBeDefined();
      expect(current.walks()).toBeGreaterThan(walked);
      current = countingCalendar();
      expect(a.deadlines(state)).toEqual(first);
      expect(current.walks()).toBeGreaterThan(0);
    } finally {
      await a.stop();
      await b.stop();
      await log.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

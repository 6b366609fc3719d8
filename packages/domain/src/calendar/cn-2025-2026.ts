import type { CalendarYear, HolidayPeriod } from './calendar-year.js';
import type { CalendarSpec } from './working-days.js';

/**
 * Public holidays and 调休 working weekends announced by the General Office of the
 * State Council:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号,
 *   2024-11-12; first year with 春节 and 劳动节 one statutory day longer).
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by 新华社).
 * Each period lists every day off, weekends included. Add a year only from its notice.
 */
export const CN_HOLIDAY_PERIODS: readonly HolidayPeriod[] = [
  // 2025
  { name: '2025 元旦', daysOff: ['2025-01-01'], worked: [] },
  {
    name: '2025 春节',
    daysOff: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'],
    worked: ['2025-01-26', '2025-02-08'],
  },
  { name: '2025 清明节', daysOff: ['2025-04-04', '2025-04-05', '2025-04-06'], worked: [] },
  {
    name: '2025 劳动节',
    daysOff: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
    worked: ['2025-04-27'],
  },
  { name: '2025 端午节', daysOff: ['2025-05-31', '2025-06-01', '2025-06-02'], worked: [] },
  {
    name: '2025 国庆节、中秋节',
    daysOff: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
    worked: ['2025-09-28', '2025-10-11'],
  },
  // 2026
  { name: '2026 元旦', daysOff: ['2026-01-01', '2026-01-02', '2026-01-03'], worked: ['2026-01-04'] },
  {
    name: '2026 春节',
    daysOff: [
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
      '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ],
    worked: ['2026-02-14', '2026-02-28'],
  },
  { name: '2026 清明节', daysOff: ['2026-04-04', '2026-04-05', '2026-04-06'], worked: [] },
  {
    name: '2026 劳动节',
    daysOff: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
    worked: ['2026-05-09'],
  },
  { name: '2026 端午节', daysOff: ['2026-06-19', '2026-06-20', '2026-06-21'], worked: [] },
  { name: '2026 中秋节', daysOff: ['2026-09-25', '2026-09-26', '2026-09-27'], worked: [] },
  {
    name: '2026 国庆节',
    daysOff: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    worked: ['2026-09-20', '2026-10-10'],
  },
];

/** Mainland China, 2025-01-01 to 2026-12-31; computations reaching 2027 give XR_CALENDAR_OUT_OF_RANGE. */
export const CN_2025_2026: CalendarSpec = {
  holidays: CN_HOLIDAY_PERIODS.flatMap((p) => p.daysOff),
  workingWeekends: CN_HOLIDAY_PERIODS.flatMap((p) => p.worked),
  coverage: { from: '2025-01-01', to: '2026-12-31' },
};

/** The built-in years, the starting content of every gateway's calendar (the registry adds later years). */
export const BUILT_IN_YEARS: readonly CalendarYear[] = [
  {
    year: 2025,
    basis: 'published',
    notice: { title: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', date: '2024-11-12' },
    periods: CN_HOLIDAY_PERIODS.filter((p) => p.name.startsWith('2025')),
  },
  {
    year: 2026,
    basis: 'published',
    notice: { title: '国务院办公厅关于2026年部分节假日安排的通知', date: '2025-11-04' },
    periods: CN_HOLIDAY_PERIODS.filter((p) => p.name.startsWith('2026')),
  },
];

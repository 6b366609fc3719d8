// Original file: xr/admin/v1/admin.proto

import type { HolidayNotice as _xr_admin_v1_HolidayNotice, HolidayNotice__Output as _xr_admin_v1_HolidayNotice__Output } from '../../../xr/admin/v1/HolidayNotice.js';
import type { HolidayPeriod as _xr_admin_v1_HolidayPeriod, HolidayPeriod__Output as _xr_admin_v1_HolidayPeriod__Output } from '../../../xr/admin/v1/HolidayPeriod.js';

export interface CalendarYear {
  'year'?: (number);
  /**
   * "built-in" (shipped with the gateway), "published" (through the registry) or "provisional"
   * (no notice yet: the law's statutory days only).
   */
  'basis'?: (string);
  'notice'?: (_xr_admin_v1_HolidayNotice | null);
  'periods'?: (_xr_admin_v1_HolidayPeriod)[];
  /**
   * Registry record that published it (basis "published").
   */
  'recordId'?: (string);
  'publishedAt'?: (string);
}

export interface CalendarYear__Output {
  'year': (number);
  /**
   * "built-in" (shipped with the gateway), "published" (through the registry) or "provisional"
   * (no notice yet: the law's statutory days only).
   */
  'basis': (string);
  'notice': (_xr_admin_v1_HolidayNotice__Output | null);
  'periods': (_xr_admin_v1_HolidayPeriod__Output)[];
  /**
   * Registry record that published it (basis "published").
   */
  'recordId': (string);
  'publishedAt': (string);
}

// Original file: xr/admin/v1/admin.proto

import type { HolidayNotice as _xr_admin_v1_HolidayNotice, HolidayNotice__Output as _xr_admin_v1_HolidayNotice__Output } from '../../../xr/admin/v1/HolidayNotice.js';
import type { HolidayPeriod as _xr_admin_v1_HolidayPeriod, HolidayPeriod__Output as _xr_admin_v1_HolidayPeriod__Output } from '../../../xr/admin/v1/HolidayPeriod.js';

export interface PublishCalendarRequest {
  'requestId'?: (string);
  'year'?: (number);
  'notice'?: (_xr_admin_v1_HolidayNotice | null);
  'periods'?: (_xr_admin_v1_HolidayPeriod)[];
}

export interface PublishCalendarRequest__Output {
  'requestId': (string);
  'year': (number);
  'notice': (_xr_admin_v1_HolidayNotice__Output | null);
  'periods': (_xr_admin_v1_HolidayPeriod__Output)[];
}

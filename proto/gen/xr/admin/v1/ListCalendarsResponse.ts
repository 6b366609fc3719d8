// Original file: xr/admin/v1/admin.proto

import type { CalendarYear as _xr_admin_v1_CalendarYear, CalendarYear__Output as _xr_admin_v1_CalendarYear__Output } from '../../../xr/admin/v1/CalendarYear.js';

export interface ListCalendarsResponse {
  'years'?: (_xr_admin_v1_CalendarYear)[];
}

export interface ListCalendarsResponse__Output {
  'years': (_xr_admin_v1_CalendarYear__Output)[];
}

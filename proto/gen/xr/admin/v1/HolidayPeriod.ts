// Original file: xr/admin/v1/admin.proto


export interface HolidayPeriod {
  /**
   * e.g. "2027 春节".
   */
  'name'?: (string);
  /**
   * Every day off of the period, weekend days included (YYYY-MM-DD).
   */
  'daysOff'?: (string)[];
  /**
   * 调休: Saturdays and Sundays worked for this period.
   */
  'worked'?: (string)[];
}

export interface HolidayPeriod__Output {
  /**
   * e.g. "2027 春节".
   */
  'name': (string);
  /**
   * Every day off of the period, weekend days included (YYYY-MM-DD).
   */
  'daysOff': (string)[];
  /**
   * 调休: Saturdays and Sundays worked for this period.
   */
  'worked': (string)[];
}

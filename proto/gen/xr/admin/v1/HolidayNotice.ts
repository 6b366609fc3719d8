// Original file: xr/admin/v1/admin.proto


export interface HolidayNotice {
  /**
   * e.g. 国务院办公厅关于2027年部分节假日安排的通知.
   */
  'title'?: (string);
  /**
   * The day it was issued, YYYY-MM-DD.
   */
  'date'?: (string);
}

export interface HolidayNotice__Output {
  /**
   * e.g. 国务院办公厅关于2027年部分节假日安排的通知.
   */
  'title': (string);
  /**
   * The day it was issued, YYYY-MM-DD.
   */
  'date': (string);
}

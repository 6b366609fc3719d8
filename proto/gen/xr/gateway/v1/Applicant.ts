// Original file: xr/gateway/v1/cases.proto


export interface Applicant {
  /**
   * "person" or "organisation".
   */
  'kind'?: (string);
  'name'?: (string);
  /**
   * "resident-id" (居民身份证号码, GB 11643) or "uscc" (统一社会信用代码, GB 32100).
   */
  'idType'?: (string);
  'idNumber'?: (string);
}

export interface Applicant__Output {
  /**
   * "person" or "organisation".
   */
  'kind': (string);
  'name': (string);
  /**
   * "resident-id" (居民身份证号码, GB 11643) or "uscc" (统一社会信用代码, GB 32100).
   */
  'idType': (string);
  'idNumber': (string);
}

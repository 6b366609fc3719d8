// Original file: xr/gateway/v1/cases.proto


export interface ListCasesRequest {
  /**
   * Only cases in one of these statuses (all when empty).
   */
  'statuses'?: (string)[];
  /**
   * Only cases where this region receives ("receiving") or handles ("handling"); both when empty.
   */
  'side'?: (string);
  /**
   * At most this many (default 100, at most 1000).
   */
  'pageSize'?: (number);
  /**
   * From a previous response's next_page_token.
   */
  'pageToken'?: (string);
  /**
   * Only cases past a running deadline (补正告知, decision or delivery), counted in working days.
   */
  'overdue'?: (boolean);
  /**
   * Only cases with a deadline running out within 3 working days (or past it).
   */
  'atRisk'?: (boolean);
}

export interface ListCasesRequest__Output {
  /**
   * Only cases in one of these statuses (all when empty).
   */
  'statuses': (string)[];
  /**
   * Only cases where this region receives ("receiving") or handles ("handling"); both when empty.
   */
  'side': (string);
  /**
   * At most this many (default 100, at most 1000).
   */
  'pageSize': (number);
  /**
   * From a previous response's next_page_token.
   */
  'pageToken': (string);
  /**
   * Only cases past a running deadline (补正告知, decision or delivery), counted in working days.
   */
  'overdue': (boolean);
  /**
   * Only cases with a deadline running out within 3 working days (or past it).
   */
  'atRisk': (boolean);
}

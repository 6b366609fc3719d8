// Original file: xr/gateway/v1/cases.proto


export interface RateCaseRequest {
  'requestId'?: (string);
  'caseId'?: (string);
  /**
   * very-satisfied 非常满意, satisfied 满意, basically-satisfied 基本满意, dissatisfied 不满意, very-dissatisfied 非常不满意.
   */
  'level'?: (string);
  'comment'?: (string);
}

export interface RateCaseRequest__Output {
  'requestId': (string);
  'caseId': (string);
  /**
   * very-satisfied 非常满意, satisfied 满意, basically-satisfied 基本满意, dissatisfied 不满意, very-dissatisfied 非常不满意.
   */
  'level': (string);
  'comment': (string);
}

// Original file: xr/gateway/v1/cases.proto


export interface Intake {
  /**
   * 形式审查 passed at the receiving window.
   */
  'formCheckPassed'?: (boolean);
  /**
   * 身份核验 passed at the receiving window.
   */
  'identityVerified'?: (boolean);
  /**
   * When the window took the papers (RFC 3339); now when empty.
   */
  'receivedAt'?: (string);
  'window'?: (string);
}

export interface Intake__Output {
  /**
   * 形式审查 passed at the receiving window.
   */
  'formCheckPassed': (boolean);
  /**
   * 身份核验 passed at the receiving window.
   */
  'identityVerified': (boolean);
  /**
   * When the window took the papers (RFC 3339); now when empty.
   */
  'receivedAt': (string);
  'window': (string);
}

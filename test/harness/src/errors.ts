/** Stable codes for every way the harness can fail to provide a broker. */
export const HARNESS_ERROR_CODES = [
  'XR_HARNESS_NO_BROKER',
  'XR_HARNESS_FETCH_FAILED',
  'XR_HARNESS_FORMAT_FAILED',
  'XR_HARNESS_BROKER_EXITED',
  'XR_HARNESS_START_TIMEOUT',
  'XR_HARNESS_TEMPLATE',
] as const;

export type HarnessErrorCode = (typeof HARNESS_ERROR_CODES)[number];

export class HarnessError extends Error {
  override readonly name = 'HarnessError';
  readonly code: HarnessErrorCode;

  constructor(code: HarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

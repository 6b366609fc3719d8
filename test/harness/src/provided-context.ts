/**
 * Types what global-setup.ts provides to tests: `inject('kafkaBrokers')` is a string.
 * Imported by index.ts, so importing '@xr/kafka-harness' anywhere brings the type along.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Comma-separated bootstrap addresses of the run's broker, e.g. "127.0.0.1:40123". */
    kafkaBrokers: string;
  }
}

export {};

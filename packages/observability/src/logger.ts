/**
 * Structured logs with pino. Personal data never reaches a log: fields that may carry it are
 * censored by path, whatever a caller passes. Log ids, codes and counts, never payloads.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

const PERSONAL = ['name', 'idNumber', 'applicant', 'address', 'phone', 'holder', 'payload', 'materials'];

/** Paths censored at any of the first three levels of a log object. */
export const REDACTED_PATHS: readonly string[] = PERSONAL.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerSettings {
  readonly level?: LoggerOptions['level'];
  /** The process's role, logged as `service` (a top-level `name` is personal data and censored). */
  readonly name?: string;
  /** Extra fields on every line, e.g. { region: '371500' }. */
  readonly base?: Record<string, unknown>;
  /** Where lines go; default stdout. */
  readonly destination?: DestinationStream;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    base: { ...(settings.name ? { service: settings.name } : {}), ...settings.base },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

/**
 * Command lines: `xr <group> <command> [options]`, options parsed strictly with node:util parseArgs.
 * Global options: --admin-url host:port (XR_ADMIN_URL), --token (XR_TOKEN), --json, --help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usage } from './problem.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_OPTIONS = {
  'admin-url': { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export type Values = Record<string, string | boolean | string[] | undefined>;

/** Splits the leading command words (`admin`, `register`) from the options that follow. */
export function commandWords(argv: readonly string[], max: number): { words: string[]; rest: string[] } {
  const words: string[] = [];
  let i = 0;
  while (i < argv.length && words.length < max && !argv[i]!.startsWith('-')) words.push(argv[i++]!);
  return { words, rest: argv.slice(i) };
}

export function parseOptions(args: readonly string[], options: OptionSpec): Values {
  return parseCommandLine(args, options, false).values;
}

/** Options (strict, with the global ones) and, when allowed, positional arguments; a bad line is a usage error naming the option. */
export function parseCommandLine(args: readonly string[], options: OptionSpec, allowPositionals = true): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...GLOBAL_OPTIONS, ...options }, strict: true, allowPositionals });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const named = /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
    const field = named?.replace(/^(-{1,2}[^\s<]+).*/, '$1');
    throw usage(message.split('. To specify')[0] ?? message, field);
  }
}

export function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw usage(`--${name} is required`, `--${name}`);
  return value.trim();
}

/** Every value of a repeatable option (`multiple: true`), in order. */
export function repeated(values: Values, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

export function optional(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

export function integer(values: Values, name: string, min: number, max: number, fallback: number): number {
  const text = optional(values, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) throw usage(`--${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(text)}`, `--${name}`);
  return n;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 time with an offset, or `now`. */
export function time(values: Values, name: string, now: () => Date = () => new Date()): string {
  const text = required(values, name);
  if (text === 'now') return now().toISOString();
  if (!RFC3339.test(text) || Number.isNaN(Date.parse(text))) throw usage(`--${name} must be an RFC 3339 time with an offset (2025-06-01T00:00:00+08:00) or "now", not ${JSON.stringify(text)}`, `--${name}`);
  return text;
}

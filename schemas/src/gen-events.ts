/**
 * `pnpm gen` (this file run with tsx): writes the case-event types rendered from
 * schemas/events/*.json into packages/domain/src/generated/events.ts.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderEventTypes, type EventSchemaFile } from './event-types.js';

const EVENTS_DIR = new URL('../events/', import.meta.url);

/** Where the generated module lives (under version control). */
export const GENERATED_EVENTS_FILE = fileURLToPath(new URL('../../packages/domain/src/generated/events.ts', import.meta.url));

export function eventSchemaFiles(): EventSchemaFile[] {
  return readdirSync(EVENTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(readFileSync(new URL(file, EVENTS_DIR), 'utf8')) as Record<string, unknown> }));
}

/** The module as the schemas say it should be now. */
export function generatedEvents(): string {
  return renderEventTypes(eventSchemaFiles());
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(new URL('.', pathToFileURL(GENERATED_EVENTS_FILE)), { recursive: true });
  writeFileSync(GENERATED_EVENTS_FILE, generatedEvents());
  process.stdout.write(`wrote ${GENERATED_EVENTS_FILE}\n`);
}

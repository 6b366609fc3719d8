export { validateCalendarYear, validateCatalog, validateEnvelope, validateEvent, eventTypes, compileSchema } from './registry.js';
export type { CalendarYearSpec, Validated } from './registry.js';

export { validateCalendarYear, validateCatalog, validateEnvelope, validateEvent, eventTypes, compileSchema } from './registry.js';
export type { CalendarYearSpec, Validated } from './registry.js';
export { registryPayloadVersions, registryRecordTypes, validateRegistryRecord } from './registry-records.js';
export type { RegistryRecordDocument } from './registry-records.js';

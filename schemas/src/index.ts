export { chinaDayOf, validateCalendarYear, validateCatalog, validateEnvelope, validateEvent, eventTypes, compileSchema } from './registry.js';
export type { CalendarYearSpec, Validated } from './registry.js';
export { configErrorLines, schemaProblem, schemaViolations } from './schema-errors.js';
export type { Violation, ViolationStyle } from './schema-errors.js';
export { electronicLicenceContextDocument, electronicLicenceSchemaDocument, validateElectronicLicence, validateStatusListCredential } from './credentials.js';
export { registryPayloadVersions, registryRecordTypes, validateRegistryRecord } from './registry-records.js';
export type { RegistryRecordDocument } from './registry-records.js';
export { validateStatusRecord } from './status-records.js';
export type { StatusRecordDocument } from './status-records.js';

export { validateCatalog, validateEnvelope, validateEvent, eventTypes, compileSchema } from './registry.js';
export type { Validated } from './registry.js';

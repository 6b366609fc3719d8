/** JSON Schema validation of an event: the envelope, then the payload's schema for its type and version. */
import { validateEvent } from '@xr/schemas';
import { submittedEnvelope } from './fixtures.js';
import { rateResult, rateSync, type BenchResult, type Budget } from './measure.js';

export function schemaBench(budget: Budget): BenchResult[] {
  const event = submittedEnvelope();
  const first = validateEvent(event);
  if (!first.ok) throw new Error(`the benchmark's event is not valid: ${first.code} ${first.message}`);
  const rate = rateSync(() => validateEvent(event).ok, budget);
  return [rateResult('schema.validate-event', 'ops/s', rate, 'validateEvent on a case.submitted envelope (ajv; resident-id checksum, GB/T 2260 and date-time formats)')];
}

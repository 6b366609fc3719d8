import { describe, expect, it } from 'vitest';
import { decodeStatusDetails, encodeStatusDetails } from '../src/index.js';

describe('rich gRPC error details', () => {
  it('round-trip a stable reason and field violations through google.rpc.Status', () => {
    const bytes = encodeStatusDetails({ code: 3, message: 'XR_SCHEMA_INVALID: bad', reason: 'XR_SCHEMA_INVALID', domain: 'xr-gateway', violations: [{ field: 'applicant.id_number', description: 'is not a valid cn-resident-id' }] });
    expect(decodeStatusDetails(bytes)).toEqual({ code: 3, message: 'XR_SCHEMA_INVALID: bad', reason: 'XR_SCHEMA_INVALID', domain: 'xr-gateway', violations: [{ field: 'applicant.id_number', description: 'is not a valid cn-resident-id' }] });
  });
});

/** Codes to statuses with rich details, and a server that binds and drains, over a real socket. */
import { Client, credentials, Server, ServerCredentials, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { XR_ERROR_CODES, fail } from '@xr/domain';
import { decodeStatusDetails } from '@xr/proto';
import { ERROR_DOMAIN, RETRYABLE_STATUSES, defaultFieldMapper, drain, isRetryable, listen, toServiceError } from '../src/index.js';

function details(error: ReturnType<typeof toServiceError>) {
  const bin = error.metadata?.get('grpc-status-details-bin')[0];
  if (!(bin instanceof Buffer)) throw new Error('no grpc-status-details-bin');
  return decodeStatusDetails(bin);
}

describe('toServiceError', () => {
  it('gives every stable code a status', () => {
    for (const code of XR_ERROR_CODES) expect(typeof toServiceError(fail(code, 'x')).code, code).toBe('number');
  });

  it('maps the code to a status, names the field in the message, the metadata and a BadRequest violation', () => {
    const error = toServiceError(fail('XR_SCHEMA_INVALID', 'invalid case.submitted payload', '/payload/applicant/idNumber'));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.details).toBe('XR_SCHEMA_INVALID: invalid case.submitted payload (field applicant.id_number)');
    expect(error.metadata?.get('xr-code')).toEqual(['XR_SCHEMA_INVALID']);
    expect(error.metadata?.get('xr-field')).toEqual(['applicant.id_number']);
    expect(details(error)).toEqual({
      code: status.INVALID_ARGUMENT,
      message: error.details,
      reason: 'XR_SCHEMA_INVALID',
      domain: ERROR_DOMAIN,
      violations: [{ field: 'applicant.id_number', description: 'invalid case.submitted payload' }],
    });
  });

  it('lists every violation through the caller’s field mapper, and omits the field when there is none', () => {
    const upper = (pointer: string) => pointer.toUpperCase();
    const error = toServiceError(fail('XR_SCHEMA_INVALID', 'bad', '/a', [{ field: '/a', message: 'one' }, { field: '/b', message: 'two' }]), upper);
    expect(details(error).violations).toEqual([{ field: '/A', description: 'one' }, { field: '/B', description: 'two' }]);
    const bare = toServiceError(fail('XR_CASE_NOT_FOUND', 'no case'));
    expect(bare.code).toBe(status.NOT_FOUND);
    expect(bare.details).toBe('XR_CASE_NOT_FOUND: no case');
    expect(bare.metadata?.get('xr-field')).toEqual([]);
    expect(details(bare).violations).toEqual([]);
  });

  it('maps payload pointers to snake_case request fields by default', () => {
    expect(defaultFieldMapper('/payload/intake/receivedAt')).toBe('intake.received_at');
    expect(defaultFieldMapper('/caseId')).toBe('case_id');
  });

  it('says which outcomes a client may retry', () => {
    expect(isRetryable('XR_UNAVAILABLE')).toBe(true);
    expect(isRetryable('XR_CASE_ILLEGAL_TRANSITION')).toBe(false);
    expect(RETRYABLE_STATUSES.has(status.UNAVAILABLE)).toBe(true);
  });
});

describe('listen and drain', () => {
  it('binds a free port, then closes so that new calls fail', async () => {
    const server = new Server();
    const port = await listen(server, '127.0.0.1:0', ServerCredentials.createInsecure());
    expect(port).toBeGreaterThan(0);
    await drain(server, 1_000);
    const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
    const ready = await new Promise<Error | undefined>((resolve) => client.waitForReady(Date.now() + 300, resolve));
    client.close();
    expect(ready).toBeInstanceOf(Error);
  });

  it('refuses an address it cannot bind', async () => {
    await expect(listen(new Server(), 'not an address', ServerCredentials.createInsecure())).rejects.toThrow();
  });
});

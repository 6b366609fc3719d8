/** Registry problems at the gRPC edge: their codes are domain codes, mapped to statuses by @xr/grpc-kit. */
import type { ServiceError } from '@grpc/grpc-js';
import { toServiceError } from '@xr/grpc-kit';
import type { Problem } from '@xr/domain';

/**
 * A pointer into a registry record → the request field to blame: `/payload/keys/keys/0/kid` →
 * `keys[0].kid`, `/payload/newKey/kid` → `new_key.kid`, `/payload/catalog` → `catalog_json`.
 */
export function requestField(pointer: string): string {
  if (pointer === '/id') return 'request_id';
  if (pointer.startsWith('headers.')) return pointer;
  const path = pointer.replace(/^\/payload/, '').replace(/^\/keys\/keys(?=\/|$)/, '/keys').replace(/^\/catalog(?=\/|$)/, '/catalog_json');
  let out = '';
  for (const segment of path.split('/').filter((s) => s !== '')) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += `${out === '' ? '' : '.'}${segment.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
  }
  return out;
}

export function serviceError(p: Problem): Partial<ServiceError> {
  return toServiceError(p, requestField);
}

/**
 * Event and case ids (docs/WIRE.md, "Ids"). Fresh ones are UUIDv7 (RFC 9562, time-ordered).
 * Derived ones are name-based UUIDv8 (SHA-256), fixed by what they derive from, so a retry makes
 * the same id; they carry no time. Each kind has its own namespace, so kinds never collide.
 */
import { createHash } from 'node:crypto';
import { uuidV8FromName } from '@xr/crypto';
import { v7 } from 'uuid';

/** The namespaces, each the name-based UUIDv8 of the DNS namespace and `<kind>.ids.xr-gateway.cn`. */
export const ID_NAMESPACES = {
  /** Our reactions to an event (签收, answers to requests): name `<cause id>/<index>`. */
  reaction: 'b80a9a41-9775-807b-9f21-60368e4f2eaf',
  /** The event a client request makes: name `<region>/<request id>`. */
  event: '52c39eae-e162-8758-aeb4-46b9c36ca7e0',
  /** The case id a client's SubmitCase request makes: name `<region>/<request id>`. */
  case: '56f4ce09-a726-8940-9fed-eaaf8470cf80',
  /** A certificate status record: name `<certificate.issued event id>` for its issuance, `<region>/<request key>` for a change a client asked for. */
  status: '0d5ae2e2-e561-8128-b431-9e24fb675d31',
} as const;

export type RequestIdKind = 'event' | 'case' | 'status';

/** A new UUIDv7: unique, and ordered by the time it was made. */
export function newId(): string {
  return v7();
}

/**
 * The id of what a client request makes (its event, or the case a submission opens): fixed by the
 * region and the request id, so a request retried after a crash or a timeout makes the same event
 * (and the same case), never a second one.
 */
export function requestId(region: string, request: string, kind: RequestIdKind = 'event'): string {
  return uuidV8FromName(ID_NAMESPACES[kind], `${region}/${request}`);
}

/** The id of our `index`-th reaction (from 0) to the event `cause`. */
export function derivedId(cause: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`derivedId: index must be a whole number ≥ 0, got ${index}`);
  return uuidV8FromName(ID_NAMESPACES.reaction, `${cause}/${index}`);
}

/**
 * The id a client request made before ids were UUIDv8 (a UUIDv7-shaped SHA-256 of
 * `<region>\0<kind>\0<request id>`). Journals written then hold these: the gateway looks for
 * one before it makes a new id, so a request retried across the upgrade still finds its event or
 * case instead of making a second one. Never made for new requests.
 */
export function legacyRequestId(region: string, request: string, kind: RequestIdKind = 'event'): string {
  const hash = createHash('sha256').update(`${region}\u0000${kind}\u0000${request}`).digest('hex');
  const variant = ((parseInt(hash[16]!, 16) & 0x3) | 0x8).toString(16);
  const hex = `${hash.slice(0, 12)}7${hash.slice(12, 15)}${variant}${hash.slice(17, 32)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

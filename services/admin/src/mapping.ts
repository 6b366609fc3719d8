/** gRPC messages ↔ registry payloads and views. */
import type { PublicJwk } from '@xr/crypto';
import { fail, type Result } from '@xr/domain';
import { keyStatus, type PartnerView, type RegistryPayloads } from '@xr/registry';
import type { Jwk, Jwk__Output, Partner } from './admin-proto.js';

type Parsed<T> = Result<T>;

/** Leaves out empty strings (proto3's absent): the schema then names what is missing. */
function present<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as Partial<T>;
}

export function jwkFromMessage(m: Jwk__Output | null | undefined): PublicJwk {
  return present({ kty: m?.kty, crv: m?.crv, x: m?.x, kid: m?.kid, alg: m?.alg, use: m?.use }) as unknown as PublicJwk;
}

export function jwkToMessage(jwk: PublicJwk): Jwk {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid, alg: jwk.alg ?? '', use: jwk.use ?? '' };
}

export interface RegisterMessage {
  readonly region: string;
  readonly name: string;
  readonly keys: readonly Jwk__Output[];
  readonly catalogJson: string;
  readonly contact: { readonly name: string; readonly phone: string; readonly email: string } | null;
}

export function registrationFromMessage(m: RegisterMessage): Parsed<RegistryPayloads['partner.registered']> {
  let catalog: Record<string, unknown> | undefined;
  if (m.catalogJson !== '') {
    try {
      catalog = JSON.parse(m.catalogJson) as Record<string, unknown>;
    } catch {
      return fail('XR_BAD_REQUEST', 'catalog_json is not JSON', '/payload/catalog');
    }
    if (!catalog || typeof catalog !== 'object' || Array.isArray(catalog)) return fail('XR_BAD_REQUEST', 'catalog_json must be a JSON object', '/payload/catalog');
  }
  const contact = present({ name: m.contact?.name, phone: m.contact?.phone, email: m.contact?.email });
  return {
    ok: true,
    value: { region: m.region, name: m.name, keys: { keys: m.keys.map(jwkFromMessage) }, ...(catalog ? { catalog } : {}), contact },
  };
}

export function partnerToMessage(p: PartnerView, now: string): Partner {
  return {
    region: p.region,
    name: p.name,
    status: p.status === 'active' ? 'PARTNER_STATUS_ACTIVE' : 'PARTNER_STATUS_SUSPENDED',
    suspendedReason: p.suspendedReason ?? '',
    keys: p.keys.map((k) => ({
      jwk: jwkToMessage(k.jwk),
      status: `KEY_STATUS_${keyStatus(k, now).toUpperCase().replace('-', '_')}` as 'KEY_STATUS_ACTIVE',
      validUntil: k.validUntil ?? '',
      revokedAt: k.revokedAt ?? '',
    })),
    contact: { name: p.contact.name ?? '', phone: p.contact.phone ?? '', email: p.contact.email ?? '' },
    catalogJson: p.catalog === undefined ? '' : JSON.stringify(p.catalog),
    recognitions: p.recognitions.map((r) => ({ issuer: r.issuer, certificateTypes: [...r.certificateTypes] })),
    registeredAt: p.registeredAt,
    updatedAt: p.updatedAt,
  };
}

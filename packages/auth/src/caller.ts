/** Who is calling: one subject acting for one region in one role. */
import { isRegionCode } from '@xr/domain';

export const ROLES = ['system', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The region of an admin or auditor who acts for every region. Never valid for `system`. */
export const ALL_REGIONS = '*';

export interface Caller {
  /** `sub` of the token, or the certificate's subject. */
  readonly subject: string;
  /** `iss` of the token, or `x509:<issuer CN>` for a client certificate. */
  readonly issuer: string;
  readonly role: Role;
  /** 6-digit GB/T 2260 code, or `*` (admin and auditor only). */
  readonly region: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Why a role and region cannot go together, or undefined when they can. */
export function roleRegionProblem(role: Role, region: string): string | undefined {
  if (region === ALL_REGIONS) return role === 'system' ? 'a system caller acts for one region, never *' : undefined;
  return isRegionCode(region) ? undefined : `region ${JSON.stringify(region.slice(0, 16))} is not a GB/T 2260 code`;
}

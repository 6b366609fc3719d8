/**
 * The 证照标识 (GB/T 36904) as a credential id. Checking and building the identifier is the domain's
 * (`checkCertId`, `makeCertId`: structure, embedded USCCs, ISO/IEC 7064 MOD 37,36 check character);
 * here only its URN form.
 */
import { checkCertId, makeCertId, type Check, type CertIdInfo } from '@xr/domain';
import { LICENCE_URN_PREFIX } from './model.js';

/** A full 证照标识 from its fields, computing the MOD 37,36 check character. */
export function makeLicenceId(typeCode: string, issuerUscc: string, serial: string, version: string): Check<string> {
  return makeCertId({ typeCode, issuerUscc, serial, version });
}

/** `urn:gbt36904:<证照标识>` */
export function licenceUrn(licenceId: string): string {
  return `${LICENCE_URN_PREFIX}${licenceId}`;
}

/** The 证照标识 inside a credential id, checked; a missing prefix is XR_CERT_ID_FORMAT. */
export function checkLicenceUrn(id: string): Check<CertIdInfo> {
  if (!id.startsWith(LICENCE_URN_PREFIX)) return { ok: false, code: 'XR_CERT_ID_FORMAT', message: `a credential id is ${LICENCE_URN_PREFIX} followed by the 证照标识` };
  return checkCertId(id.slice(LICENCE_URN_PREFIX.length));
}

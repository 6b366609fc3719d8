import { MOD_37_36_ALPHABET, mod37_36 } from './iso-7064.js';
import { fail, ok, type Check } from './result.js';
import { checkUscc } from './uscc.js';

/**
 * 电子证照标识 (GB/T 36904-2018 电子证照 标识规范; GB/T 36903 is the metadata standard):
 *   1.2.156.3005.2.<证照类型代码: 定义机构 USCC + 3 digits>.<颁发机构 USCC>.<流水号>.<版本号, 3 digits>.<校验位>
 * The check is ISO/IEC 7064 MOD 37,36 over the four middle fields with the dots removed.
 * Upper-case canonical form only.
 */
export const CERT_ID_PREFIX = '1.2.156.3005.2';

export interface CertIdFields {
  /** 21 characters: the defining authority's USCC followed by 3 digits. */
  readonly typeCode: string;
  readonly issuerUscc: string;
  /** 流水号, digits and upper-case letters. */
  readonly serial: string;
  /** 3 digits, e.g. '001'. */
  readonly version: string;
}

export interface CertIdInfo extends CertIdFields {
  readonly certId: string;
  readonly check: string;
  /** The defining authority (证照定义机构) USCC, first 18 characters of the type code. */
  readonly definingUscc: string;
}

const TYPE_CODE_PATTERN = /^[0-9A-Z]{18}\d{3}$/;
const SERIAL_PATTERN = /^[0-9A-Z]+$/;
const VERSION_PATTERN = /^\d{3}$/;
/** A sanity bound on input size, not a limit from the standard. */
const MAX_LENGTH = 256;

function checkFields(fields: CertIdFields): Check<CertIdFields> {
  if (!TYPE_CODE_PATTERN.test(fields.typeCode)) {
    return fail('XR_CERT_ID_FORMAT', 'type code must be an 18-character USCC followed by 3 digits');
  }
  if (!/^[0-9A-Z]{18}$/.test(fields.issuerUscc)) return fail('XR_CERT_ID_FORMAT', 'issuer must be an 18-character USCC');
  if (!SERIAL_PATTERN.test(fields.serial)) return fail('XR_CERT_ID_FORMAT', 'serial must be digits and upper-case letters');
  if (!VERSION_PATTERN.test(fields.version)) return fail('XR_CERT_ID_FORMAT', 'version must be 3 digits');
  return ok(fields);
}

function checkEmbeddedUsccs(fields: CertIdFields): Check<CertIdFields> {
  const defining = checkUscc(fields.typeCode.slice(0, 18));
  if (!defining.ok) return fail('XR_CERT_ID_USCC', `type code's defining authority USCC is invalid: ${defining.message}`);
  const issuer = checkUscc(fields.issuerUscc);
  if (!issuer.ok) return fail('XR_CERT_ID_USCC', `issuer USCC is invalid: ${issuer.message}`);
  return ok(fields);
}

/** MOD 37,36 check character for well-formed fields. */
export function computeCertIdCheck(fields: CertIdFields): Check<string> {
  const checked = checkFields(fields);
  if (!checked.ok) return checked;
  return ok(mod37_36(`${fields.typeCode}${fields.issuerUscc}${fields.serial}${fields.version}`));
}

/** Builds a full identifier, refusing fields that are ill-formed or carry invalid USCCs. */
export function makeCertId(fields: CertIdFields): Check<string> {
  const check = computeCertIdCheck(fields);
  if (!check.ok) return check;
  const usccs = checkEmbeddedUsccs(fields);
  if (!usccs.ok) return usccs;
  return ok(`${CERT_ID_PREFIX}.${fields.typeCode}.${fields.issuerUscc}.${fields.serial}.${fields.version}.${check.value}`);
}

export function checkCertId(certId: string): Check<CertIdInfo> {
  if (certId.length > MAX_LENGTH) return fail('XR_CERT_ID_FORMAT', `longer than ${MAX_LENGTH} characters`);
  if (!certId.startsWith(`${CERT_ID_PREFIX}.`)) return fail('XR_CERT_ID_FORMAT', `must start with ${CERT_ID_PREFIX}.`);
  const parts = certId.slice(CERT_ID_PREFIX.length + 1).split('.');
  const [typeCode, issuerUscc, serial, version, check] = parts;
  if (parts.length !== 5 || typeCode === undefined || issuerUscc === undefined || serial === undefined || version === undefined || check === undefined) {
    return fail('XR_CERT_ID_FORMAT', 'expected 5 fields after the prefix: type code, issuer, serial, version, check');
  }
  const fields: CertIdFields = { typeCode, issuerUscc, serial, version };
  const expected = computeCertIdCheck(fields);
  if (!expected.ok) return expected;
  if (check.length !== 1 || !MOD_37_36_ALPHABET.includes(check)) {
    return fail('XR_CERT_ID_FORMAT', 'check must be one digit or upper-case letter');
  }
  if (check !== expected.value) return fail('XR_CERT_ID_CHECKSUM', 'check character does not match (ISO/IEC 7064 MOD 37,36)');
  const usccs = checkEmbeddedUsccs(fields);
  if (!usccs.ok) return usccs;
  return ok({ ...fields, certId, check, definingUscc: typeCode.slice(0, 18) });
}

export function isCertId(certId: string): boolean {
  return checkCertId(certId).ok;
}

/**
 * JSON Schemas of the e-certificate payloads (credential/*.json beside this package, draft 2020-12),
 * compiled once on the shared ajv: the 电子证照 credential and the Bitstring Status List credential,
 * each the payload of a vc+jwt compact JWS. Failures are values naming every offending field as a
 * JSON Pointer into the payload.
 */
import type { Result } from '@xr/domain';
import { compileSchema, loadSchema } from './registry.js';
import { schemaProblem } from './schema-errors.js';

const licence = compileSchema<unknown>(loadSchema('credential/electronic-licence.v1.json'));
const statusList = compileSchema<unknown>(loadSchema('credential/bitstring-status-list.v1.json'));

/** The payload of an ElectronicLicenceCredential (schemas/credential/electronic-licence.v1.json). */
export function validateElectronicLicence(payload: unknown): Result<Readonly<Record<string, unknown>>> {
  if (!licence(payload)) return schemaProblem('XR_CERT_MALFORMED', 'invalid ElectronicLicenceCredential', licence.errors);
  return { ok: true, value: payload as Readonly<Record<string, unknown>> };
}

/** The payload of a BitstringStatusListCredential (schemas/credential/bitstring-status-list.v1.json). */
export function validateStatusListCredential(payload: unknown): Result<Readonly<Record<string, unknown>>> {
  if (!statusList(payload)) return schemaProblem('XR_CERT_MALFORMED', 'invalid BitstringStatusListCredential', statusList.errors);
  return { ok: true, value: payload as Readonly<Record<string, unknown>> };
}

/**
 * The JSON-LD 1.1 context document of the 电子证照 terms (credential/electronic-licence.v1.context.jsonld),
 * the one a credential names as its second `@context`, https://schemas.xr-gateway.cn/credential/electronic-licence/v1:
 * for whoever serves that URL, and for a verifier's offline document loader. A fresh copy each call.
 */
export function electronicLicenceContextDocument(): Record<string, unknown> {
  return loadSchema('credential/electronic-licence.v1.context.jsonld');
}

/** The credential's JSON Schema as a document (credential/electronic-licence.v1.json). A fresh copy each call. */
export function electronicLicenceSchemaDocument(): Record<string, unknown> {
  return loadSchema('credential/electronic-licence.v1.json');
}

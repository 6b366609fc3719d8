/** What `xr cert` prints: verdicts with every reason and its code, status changes, the decoded view as JSON. */
import { checkLicenceUrn, decodeJws, showCertificate, type OpenedStatusList, type Verdict } from '@xr/credentials';
import { maskResidentId, type Problem } from '@xr/domain';
import type { CertificateStatusChange__Output, CertificateVerdict__Output } from '@xr/proto';
import type { OfflineRegistry } from './cert-offline.js';

const reasonLine = (r: { code: string; message: string; field?: string }): string => `  ✗ ${r.code}${r.field ? ` at ${r.field}` : ''}: ${r.message}\n`;

export function gatewayVerdictText(v: CertificateVerdict__Output): string {
  const what = v.certificateId === '' ? 'a credential that cannot be read' : `${v.certificateId} ${v.name} (${v.typeCode}) issued in ${v.issuerRegion}, valid ${v.validFrom} – ${v.validUntil || '长期'}`;
  const head = `${v.valid ? 'VALID' : 'REFUSED'}: ${what}\n  verified by ${v.verifiedBy}; status as of ${v.statusAsOf || '—'} (status topic position ${v.statusPosition})\n`;
  return head + v.reasons.map(reasonLine).join('');
}

export interface OfflineView {
  readonly region: string | undefined;
  readonly registry: OfflineRegistry;
  readonly lists: readonly OpenedStatusList[];
  readonly reveal: boolean;
}

export function offlineVerdictText(jws: string, verdict: Verdict, view: OfflineView): string {
  const lines = showCertificate(jws, { reveal: view.reveal, verdict });
  lines.push(
    `离线 Offline: registry ${view.registry.applied} records applied${view.registry.refused.length > 0 ? `, ${view.registry.refused.length} refused (${[...new Set(view.registry.refused.map((r) => r.code))].join(', ')})` : ''}`,
    ...view.lists.map((l) => `  status list ${l.url} (${l.purpose}) as of ${l.asOf}`),
    view.region === undefined ? '  recognition (互认) not judged: no --region' : `  recognition (互认) judged for region ${view.region}`,
  );
  return `${lines.join('\n')}\n`;
}

export function changeText(command: 'revoke' | 'suspend' | 'reinstate', c: CertificateStatusChange__Output): string {
  const done = { revoke: 'revoked', suspend: 'suspended', reinstate: 'reinstated' }[command];
  return c.unchanged
    ? `${c.certificateId}: already ${c.status} (nothing written; status record at offset ${c.offset}, ${c.at})\n`
    : `${c.certificateId}: ${done}, now ${c.status}; status record at offset ${c.offset}, ${c.at}\n`;
}

export interface ShownJson {
  readonly decoded: boolean;
  readonly problems?: readonly Problem[];
  readonly header?: unknown;
  readonly payload?: unknown;
  readonly licenceId: { readonly ok: true; readonly certId: string; readonly check: string; readonly typeCode: string; readonly issuerUscc: string; readonly version: string } | { readonly ok: false; readonly code: string; readonly message: string };
}

/** The decoded credential for `--json`: header, payload (a 公民身份号码 holder code masked unless revealed), and the 证照标识 check. */
export function shownJson(jws: string, reveal: boolean): ShownJson {
  const decoded = decodeJws(jws);
  if (!decoded.ok) return { decoded: false, problems: decoded.problems, licenceId: { ok: false, code: 'XR_CERT_MALFORMED', message: 'the credential cannot be decoded' } };
  const payload = decoded.value.payload as Record<string, unknown>;
  const subject = payload['credentialSubject'];
  let shownPayload: unknown = payload;
  if (!reveal && subject && typeof subject === 'object' && !Array.isArray(subject)) {
    const s = subject as Record<string, unknown>;
    if (s['holderCodeType'] === '111' && typeof s['holderCode'] === 'string') shownPayload = { ...payload, credentialSubject: { ...s, holderCode: maskResidentId(s['holderCode']) } };
  }
  const id = typeof payload['id'] === 'string' ? checkLicenceUrn(payload['id']) : undefined;
  const licenceId: ShownJson['licenceId'] =
    id === undefined ? { ok: false, code: 'XR_CERT_MALFORMED', message: 'no id' } : id.ok ? { ok: true, certId: id.value.certId, check: id.value.check, typeCode: id.value.typeCode, issuerUscc: id.value.issuerUscc, version: id.value.version } : { ok: false, code: id.code, message: id.message };
  return { decoded: true, header: decoded.value.header, payload: shownPayload, licenceId };
}

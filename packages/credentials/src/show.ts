/**
 * A readable view of a presented e-certificate (for `xr cert show`): every field with its Chinese and
 * English label and the 证照标识 check. It decodes without trusting: nothing is verified here unless a
 * verdict is passed in, and a mangled credential still shows what can be read. The 公民身份号码 of the
 * holder is masked unless `reveal` is set.
 */
import { maskResidentId, type Problem } from '@xr/domain';
import { decodeJws } from './compact-jws.js';
import { checkLicenceUrn } from './licence-id.js';
import { HOLDER_CODE_TYPES, parseIssuerId } from './model.js';
import type { Verdict } from './verify.js';

export interface ShowOptions {
  /** Show the holder's 公民身份号码 in full. */
  readonly reveal?: boolean;
  /** A verdict of `verifyCertificate` for the same credential, shown at the end. */
  readonly verdict?: Verdict;
}

const MAX_SHOWN = 200;

function at(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) v = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** A value as text, bounded; `—` when absent. */
function text(value: unknown): string {
  if (value === undefined) return '—';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
}

function line(zh: string, en: string, value: string): string {
  return `${`${zh} ${en}:`.padEnd(28)} ${value}`;
}

function reasonLines(reasons: readonly Problem[]): string[] {
  return reasons.map((r) => `  ✗ ${r.code}${r.field === undefined ? '' : ` at ${r.field}`}: ${r.message}`);
}

function idLine(id: unknown): string[] {
  if (typeof id !== 'string') return [line('证照标识', 'Licence id', '— (missing)')];
  const check = checkLicenceUrn(id);
  if (!check.ok) return [line('证照标识', 'Licence id', text(id)), `  ✗ ${check.code}: ${check.message}`];
  return [line('证照标识', 'Licence id', check.value.certId), `  ✓ check character ${check.value.check} (ISO/IEC 7064 MOD 37,36); version ${check.value.version}; 定义机构 defining authority ${check.value.definingUscc}`];
}

function holderCode(subject: unknown, reveal: boolean): string {
  const code = at(subject, 'holderCode');
  const type = at(subject, 'holderCodeType');
  const name = typeof type === 'string' && Object.hasOwn(HOLDER_CODE_TYPES, type) ? HOLDER_CODE_TYPES[type as keyof typeof HOLDER_CODE_TYPES] : 'other';
  const shown = typeof code === 'string' && type === '111' && !reveal ? maskResidentId(code) : text(code);
  return `${shown} (${text(type)} ${name})`;
}

function statusLines(entries: unknown): string[] {
  if (!Array.isArray(entries)) return [line('状态', 'Status entries', '—')];
  return entries.map((e, i) => line(i === 0 ? '状态' : '', i === 0 ? 'Status entries' : '', `${text(at(e, 'statusPurpose'))} #${text(at(e, 'statusListIndex'))} in ${text(at(e, 'statusListCredential'))}`));
}

/** The lines of the view. */
export function showCertificate(jws: unknown, options: ShowOptions = {}): string[] {
  const decoded = decodeJws(jws);
  if (!decoded.ok) return ['电子证照 Electronic licence: cannot be decoded', ...reasonLines(decoded.problems)];
  const { header, payload } = decoded.value;
  const subject = at(payload, 'credentialSubject');
  const issuerId = at(payload, 'issuer', 'id');
  const issuer = typeof issuerId === 'string' ? parseIssuerId(issuerId) : undefined;
  const iat = at(payload, 'iat');
  const until = at(payload, 'validUntil');
  const lines = [
    `电子证照 Electronic licence (typ ${text(header['typ'])}, alg ${text(header['alg'])}, kid ${text(header['kid'])})`,
    ...idLine(at(payload, 'id')),
    line('证照名称', 'Licence name', text(at(subject, 'licenceName'))),
    line('证照类型代码', 'Licence type code', text(at(subject, 'licenceTypeCode'))),
    line('证照编号', 'Licence number', text(at(subject, 'licenceNumber'))),
    line('颁发日期', 'Issue date', text(at(subject, 'issueDate'))),
    line('颁发机构', 'Issuer', `${text(at(payload, 'issuer', 'name'))} (${issuer ? `region ${issuer.region}, USCC ${issuer.uscc}` : text(issuerId)})`),
    line('持证主体', 'Holder', text(at(subject, 'holderName'))),
    line('持证主体代码', 'Holder code', holderCode(subject, options.reveal === true)),
    line('有效期', 'Valid', `from ${text(at(payload, 'validFrom'))} ${until === undefined ? '(长期 no end date)' : `until ${text(until)}`}`),
    line('关联事项', 'Item', `${text(at(subject, 'itemCode'))}${at(subject, 'itemName') === undefined ? '' : ` ${text(at(subject, 'itemName'))}`}`),
    line('关联办件', 'Case', text(at(subject, 'caseId'))),
    ...statusLines(at(payload, 'credentialStatus')),
    line('签发时间', 'Signed at (iat)', Number.isSafeInteger(iat) && (iat as number) >= 0 && (iat as number) <= 253_402_300_799 ? new Date((iat as number) * 1000).toISOString() : text(iat)),
  ];
  const verdict = options.verdict;
  if (verdict) {
    lines.push(verdict.valid ? `核验 Verification: valid${verdict.statusAsOf ? ` (status as of ${verdict.statusAsOf})` : ''}` : '核验 Verification: refused', ...reasonLines(verdict.reasons));
  }
  return lines;
}

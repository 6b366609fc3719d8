/**
 * CertificateService: a party's systems fetch their case's 电子证照; anyone here verifies a
 * presented credential (a verdict with every reason, never an error for a bad credential) or
 * fetches this region's status list; the issuing region's systems revoke, suspend and reinstate
 * what it issued. The desk (@xr/certificates) does the work; this maps requests and answers.
 */
import type { ServerUnaryCall, sendUnaryData } from '@grpc/grpc-js';
import { authorizeCase } from '@xr/auth';
import type { CertificateDesk, StatusChangeKind } from '@xr/certificates';
import { fail, type Result } from '@xr/domain';
import type { ExchangeGateway } from '@xr/exchange';
import { callLogger, toServiceError } from '@xr/grpc-kit';
import type { Logger } from '@xr/observability';
import type {
  Certificate,
  CertificateServiceHandlers,
  CertificateStatusChange,
  CertificateVerdict,
  ChangeCertificateStatusRequest__Output,
  GetCertificateRequest__Output,
  GetStatusListRequest__Output,
  StatusList,
  VerifyCertificateRequest__Output,
} from '@xr/proto';
import { requestKeyOf } from './request-key.js';

type Handler<Req, Res> = (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void;

function unary<Req, Res>(logger: Logger, rpc: string, handle: (call: ServerUnaryCall<Req, Res>) => Promise<Result<Res>> | Result<Res>): Handler<Req, Res> {
  return (call, callback) => {
    const log = callLogger(logger, call.metadata);
    Promise.resolve()
      .then(() => handle(call))
      .then(
        (outcome) => {
          if (outcome.ok) return callback(null, outcome.value);
          log.info({ rpc, code: outcome.code, field: outcome.field }, 'certificate request refused');
          callback(toServiceError(outcome, (f) => f), null);
        },
        (error: unknown) => {
          log.error({ rpc, err: error instanceof Error ? error.message : String(error) }, 'certificate request failed');
          callback(toServiceError(fail('XR_INTERNAL', 'internal error')), null);
        },
      );
  };
}

const MAX_CREDENTIAL = 64 * 1024;

export function certificateServiceHandlers(gateway: ExchangeGateway, desk: CertificateDesk, logger: Logger): CertificateServiceHandlers {
  const change = (kind: StatusChangeKind) =>
    unary<ChangeCertificateStatusRequest__Output, CertificateStatusChange>(logger, kind, async (call) => {
      const r = call.request;
      if (!r.requestId || r.requestId.length > 128) return fail('XR_BAD_REQUEST', 'request_id is required (at most 128 characters)', 'request_id');
      if (!r.certificateId) return fail('XR_BAD_REQUEST', 'certificate_id is required', 'certificate_id');
      const done = await desk.change(kind, r.certificateId, r.reason, requestKeyOf(call, r.requestId));
      if (!done.ok) return done;
      callLogger(logger, call.metadata).info({ certificateId: done.value.certificateId, status: done.value.status, offset: done.value.offset, unchanged: done.value.unchanged }, 'certificate status changed');
      return { ok: true, value: { ...done.value } };
    });

  return {
    GetCertificate: unary<GetCertificateRequest__Output, Certificate>(logger, 'GetCertificate', (call) => {
      const found = gateway.getCase(call.request.caseId);
      if (!found) return fail('XR_CASE_NOT_FOUND', `no case ${call.request.caseId}`, 'case_id');
      const seen = authorizeCase(call, { receiving: found.receivingRegion, handling: found.handlingRegion });
      if (!seen.ok) return seen;
      const c = found.certificate;
      if (!c) return fail('XR_CERT_NOT_FOUND', `case ${found.caseId} has no certificate (not approved, or its item yields none)`, 'case_id');
      return {
        ok: true,
        value: { id: c.id, typeCode: c.typeCode, name: c.name, number: c.number, credential: c.credential, digest: c.digest, statusIndex: c.statusIndex, validFrom: c.validFrom, validUntil: c.validUntil ?? '', issuerRegion: found.handlingRegion, caseId: found.caseId, status: desk.statusOf(c.id) ?? 'unknown' },
      };
    }),

    VerifyCertificate: unary<VerifyCertificateRequest__Output, CertificateVerdict>(logger, 'VerifyCertificate', (call) => {
      const jws = call.request.credential;
      if (jws === '') return fail('XR_BAD_REQUEST', 'credential is required (the compact JWS as presented)', 'credential');
      if (jws.length > MAX_CREDENTIAL) return fail('XR_BAD_REQUEST', `credential is at most ${MAX_CREDENTIAL} characters`, 'credential');
      const v = desk.verify(jws);
      const s = v.credential?.credentialSubject;
      return {
        ok: true,
        value: {
          valid: v.valid,
          reasons: v.reasons.map((r) => ({ code: r.code, message: r.message, field: r.field ?? '' })),
          certificateId: v.certificateId ?? '',
          issuerRegion: v.issuerRegion ?? '',
          typeCode: typeof s?.licenceTypeCode === 'string' ? s.licenceTypeCode : '',
          name: typeof s?.licenceName === 'string' ? s.licenceName : '',
          validFrom: typeof v.credential?.validFrom === 'string' ? v.credential.validFrom : '',
          validUntil: typeof v.credential?.validUntil === 'string' ? v.credential.validUntil : '',
          verifiedBy: gateway.region,
          statusPosition: v.statusPosition,
          statusAsOf: v.statusAsOf,
        },
      };
    }),

    GetStatusList: unary<GetStatusListRequest__Output, StatusList>(logger, 'GetStatusList', (call) => {
      const r = call.request;
      const list = desk.statusList(r.purpose, r.list, r.issuerUscc === '' ? undefined : r.issuerUscc);
      if (!list.ok) return list;
      return { ok: true, value: { credential: list.value.credential, purpose: list.value.purpose, list: list.value.list, issuerRegion: gateway.region, issuerUscc: list.value.issuerUscc, statusPosition: list.value.position, statusAsOf: list.value.asOf } };
    }),

    RevokeCertificate: change('revoked'),
    SuspendCertificate: change('suspended'),
    ReinstateCertificate: change('reinstated'),
  };
}

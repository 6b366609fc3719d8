/** A promisified AdminService client. */
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  decodeStatusDetails,
  loadAdminService,
  type ListCalendarsRequest,
  type ListCalendarsResponse__Output,
  type ListPartnersRequest,
  type ListPartnersResponse__Output,
  type ListQuarantineRequest,
  type ListQuarantineResponse__Output,
  type PublishCalendarRequest,
  type RegisterPartnerRequest,
  type RegistryChange__Output,
  type ResumePartnerRequest,
  type RevokeKeyRequest,
  type RotateKeyRequest,
  type SetRecognitionRequest,
  type SetWitnessPolicyRequest,
  type GetWitnessPolicyRequest,
  type AdminWitnessPolicy__Output,
  type SuspendPartnerRequest,
} from '@xr/proto';
import { CliFailure } from './problem.js';

/** Request and response of each RPC. */
export interface AdminMethods {
  RegisterPartner: [RegisterPartnerRequest, RegistryChange__Output];
  RotateKey: [RotateKeyRequest, RegistryChange__Output];
  RevokeKey: [RevokeKeyRequest, RegistryChange__Output];
  SuspendPartner: [SuspendPartnerRequest, RegistryChange__Output];
  ResumePartner: [ResumePartnerRequest, RegistryChange__Output];
  SetRecognition: [SetRecognitionRequest, RegistryChange__Output];
  ListPartners: [ListPartnersRequest, ListPartnersResponse__Output];
  ListQuarantine: [ListQuarantineRequest, ListQuarantineResponse__Output];
  PublishCalendar: [PublishCalendarRequest, RegistryChange__Output];
  ListCalendars: [ListCalendarsRequest, ListCalendarsResponse__Output];
  SetWitnessPolicy: [SetWitnessPolicyRequest, RegistryChange__Output];
  GetWitnessPolicy: [GetWitnessPolicyRequest, AdminWitnessPolicy__Output];
}

export interface AdminCaller {
  call<M extends keyof AdminMethods>(method: M, request: AdminMethods[M][0]): Promise<AdminMethods[M][1]>;
  close(): void;
}

/** The problem a failed call carries: the registry or domain code, the message, the request field. */
export function problemOf(error: ServiceError, address: string, service = 'the admin service'): CliFailure {
  const bin = error.metadata?.get('grpc-status-details-bin')[0];
  if (Buffer.isBuffer(bin)) {
    const details = decodeStatusDetails(bin);
    const field = error.metadata.get('xr-field')[0] ?? details.violations[0]?.field;
    const code = details.reason;
    const message = error.details.replace(/^XR_[A-Z_]+: (\[XR_[A-Z_]+\] )?/, '').replace(/ \(field [^)]*\)$/, '');
    return new CliFailure({ code, message, ...(typeof field === 'string' && field !== '' ? { field } : {}) });
  }
  if (error.code === status.UNAVAILABLE || error.code === status.DEADLINE_EXCEEDED) {
    return new CliFailure({ code: 'XR_UNAVAILABLE', message: `cannot reach ${service} at ${address}: ${error.details}` });
  }
  return new CliFailure({ code: 'XR_INTERNAL', message: `${status[error.code] ?? error.code}: ${error.details}` });
}

export function adminCaller(address: string, token: string | undefined, timeoutMs = 20_000): AdminCaller {
  const Service = loadAdminService().AdminService;
  const client = new Service(address, credentials.createInsecure());
  return {
    call: (method, request) =>
      new Promise((resolve, reject) => {
        const metadata = new Metadata();
        if (token) metadata.set('authorization', `Bearer ${token}`);
        const fn = client[method].bind(client) as unknown as (req: unknown, md: Metadata, options: object, cb: (e: ServiceError | null, r?: unknown) => void) => void;
        fn(request, metadata, { deadline: Date.now() + timeoutMs }, (error, response) => {
          if (error) reject(problemOf(error, address));
          else resolve(response as AdminMethods[typeof method][1]);
        });
      }),
    close: () => client.close(),
  };
}

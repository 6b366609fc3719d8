/** The admin contract, from @xr/proto. */
export { loadAdminService } from '@xr/proto';
export type { AdminCalendarYear as CalendarYear, ListCalendarsResponse, PublishCalendarRequest__Output, AdminWitnessPolicy, PolicyWitness, PolicyWitness__Output } from '@xr/proto';
export type { AdminProto, AdminServiceClient, AdminServiceHandlers, Jwk, Jwk__Output, Partner, RegistryChange, AdminQuarantineEntry as QuarantineEntryMessage } from '@xr/proto';

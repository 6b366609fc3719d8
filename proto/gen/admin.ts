import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AdminServiceClient as _xr_admin_v1_AdminServiceClient, AdminServiceDefinition as _xr_admin_v1_AdminServiceDefinition } from './xr/admin/v1/AdminService.js';
import type { CalendarYear as _xr_admin_v1_CalendarYear, CalendarYear__Output as _xr_admin_v1_CalendarYear__Output } from './xr/admin/v1/CalendarYear.js';
import type { Contact as _xr_admin_v1_Contact, Contact__Output as _xr_admin_v1_Contact__Output } from './xr/admin/v1/Contact.js';
import type { GetWitnessPolicyRequest as _xr_admin_v1_GetWitnessPolicyRequest, GetWitnessPolicyRequest__Output as _xr_admin_v1_GetWitnessPolicyRequest__Output } from './xr/admin/v1/GetWitnessPolicyRequest.js';
import type { HolidayNotice as _xr_admin_v1_HolidayNotice, HolidayNotice__Output as _xr_admin_v1_HolidayNotice__Output } from './xr/admin/v1/HolidayNotice.js';
import type { HolidayPeriod as _xr_admin_v1_HolidayPeriod, HolidayPeriod__Output as _xr_admin_v1_HolidayPeriod__Output } from './xr/admin/v1/HolidayPeriod.js';
import type { Jwk as _xr_admin_v1_Jwk, Jwk__Output as _xr_admin_v1_Jwk__Output } from './xr/admin/v1/Jwk.js';
import type { ListCalendarsRequest as _xr_admin_v1_ListCalendarsRequest, ListCalendarsRequest__Output as _xr_admin_v1_ListCalendarsRequest__Output } from './xr/admin/v1/ListCalendarsRequest.js';
import type { ListCalendarsResponse as _xr_admin_v1_ListCalendarsResponse, ListCalendarsResponse__Output as _xr_admin_v1_ListCalendarsResponse__Output } from './xr/admin/v1/ListCalendarsResponse.js';
import type { ListPartnersRequest as _xr_admin_v1_ListPartnersRequest, ListPartnersRequest__Output as _xr_admin_v1_ListPartnersRequest__Output } from './xr/admin/v1/ListPartnersRequest.js';
import type { ListPartnersResponse as _xr_admin_v1_ListPartnersResponse, ListPartnersResponse__Output as _xr_admin_v1_ListPartnersResponse__Output } from './xr/admin/v1/ListPartnersResponse.js';
import type { ListQuarantineRequest as _xr_admin_v1_ListQuarantineRequest, ListQuarantineRequest__Output as _xr_admin_v1_ListQuarantineRequest__Output } from './xr/admin/v1/ListQuarantineRequest.js';
import type { ListQuarantineResponse as _xr_admin_v1_ListQuarantineResponse, ListQuarantineResponse__Output as _xr_admin_v1_ListQuarantineResponse__Output } from './xr/admin/v1/ListQuarantineResponse.js';
import type { Partner as _xr_admin_v1_Partner, Partner__Output as _xr_admin_v1_Partner__Output } from './xr/admin/v1/Partner.js';
import type { PartnerKey as _xr_admin_v1_PartnerKey, PartnerKey__Output as _xr_admin_v1_PartnerKey__Output } from './xr/admin/v1/PartnerKey.js';
import type { PolicyWitness as _xr_admin_v1_PolicyWitness, PolicyWitness__Output as _xr_admin_v1_PolicyWitness__Output } from './xr/admin/v1/PolicyWitness.js';
import type { PublishCalendarRequest as _xr_admin_v1_PublishCalendarRequest, PublishCalendarRequest__Output as _xr_admin_v1_PublishCalendarRequest__Output } from './xr/admin/v1/PublishCalendarRequest.js';
import type { QuarantineEntry as _xr_admin_v1_QuarantineEntry, QuarantineEntry__Output as _xr_admin_v1_QuarantineEntry__Output } from './xr/admin/v1/QuarantineEntry.js';
import type { Recognition as _xr_admin_v1_Recognition, Recognition__Output as _xr_admin_v1_Recognition__Output } from './xr/admin/v1/Recognition.js';
import type { RegisterPartnerRequest as _xr_admin_v1_RegisterPartnerRequest, RegisterPartnerRequest__Output as _xr_admin_v1_RegisterPartnerRequest__Output } from './xr/admin/v1/RegisterPartnerRequest.js';
import type { RegistryChange as _xr_admin_v1_RegistryChange, RegistryChange__Output as _xr_admin_v1_RegistryChange__Output } from './xr/admin/v1/RegistryChange.js';
import type { ResumePartnerRequest as _xr_admin_v1_ResumePartnerRequest, ResumePartnerRequest__Output as _xr_admin_v1_ResumePartnerRequest__Output } from './xr/admin/v1/ResumePartnerRequest.js';
import type { RevokeKeyRequest as _xr_admin_v1_RevokeKeyRequest, RevokeKeyRequest__Output as _xr_admin_v1_RevokeKeyRequest__Output } from './xr/admin/v1/RevokeKeyRequest.js';
import type { RotateKeyRequest as _xr_admin_v1_RotateKeyRequest, RotateKeyRequest__Output as _xr_admin_v1_RotateKeyRequest__Output } from './xr/admin/v1/RotateKeyRequest.js';
import type { SetRecognitionRequest as _xr_admin_v1_SetRecognitionRequest, SetRecognitionRequest__Output as _xr_admin_v1_SetRecognitionRequest__Output } from './xr/admin/v1/SetRecognitionRequest.js';
import type { SetWitnessPolicyRequest as _xr_admin_v1_SetWitnessPolicyRequest, SetWitnessPolicyRequest__Output as _xr_admin_v1_SetWitnessPolicyRequest__Output } from './xr/admin/v1/SetWitnessPolicyRequest.js';
import type { SuspendPartnerRequest as _xr_admin_v1_SuspendPartnerRequest, SuspendPartnerRequest__Output as _xr_admin_v1_SuspendPartnerRequest__Output } from './xr/admin/v1/SuspendPartnerRequest.js';
import type { WitnessPolicy as _xr_admin_v1_WitnessPolicy, WitnessPolicy__Output as _xr_admin_v1_WitnessPolicy__Output } from './xr/admin/v1/WitnessPolicy.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  xr: {
    admin: {
      v1: {
        AdminService: SubtypeConstructor<typeof grpc.Client, _xr_admin_v1_AdminServiceClient> & { service: _xr_admin_v1_AdminServiceDefinition }
        CalendarYear: MessageTypeDefinition<_xr_admin_v1_CalendarYear, _xr_admin_v1_CalendarYear__Output>
        Contact: MessageTypeDefinition<_xr_admin_v1_Contact, _xr_admin_v1_Contact__Output>
        GetWitnessPolicyRequest: MessageTypeDefinition<_xr_admin_v1_GetWitnessPolicyRequest, _xr_admin_v1_GetWitnessPolicyRequest__Output>
        HolidayNotice: MessageTypeDefinition<_xr_admin_v1_HolidayNotice, _xr_admin_v1_HolidayNotice__Output>
        HolidayPeriod: MessageTypeDefinition<_xr_admin_v1_HolidayPeriod, _xr_admin_v1_HolidayPeriod__Output>
        Jwk: MessageTypeDefinition<_xr_admin_v1_Jwk, _xr_admin_v1_Jwk__Output>
        KeyStatus: EnumTypeDefinition
        ListCalendarsRequest: MessageTypeDefinition<_xr_admin_v1_ListCalendarsRequest, _xr_admin_v1_ListCalendarsRequest__Output>
        ListCalendarsResponse: MessageTypeDefinition<_xr_admin_v1_ListCalendarsResponse, _xr_admin_v1_ListCalendarsResponse__Output>
        ListPartnersRequest: MessageTypeDefinition<_xr_admin_v1_ListPartnersRequest, _xr_admin_v1_ListPartnersRequest__Output>
        ListPartnersResponse: MessageTypeDefinition<_xr_admin_v1_ListPartnersResponse, _xr_admin_v1_ListPartnersResponse__Output>
        ListQuarantineRequest: MessageTypeDefinition<_xr_admin_v1_ListQuarantineRequest, _xr_admin_v1_ListQuarantineRequest__Output>
        ListQuarantineResponse: MessageTypeDefinition<_xr_admin_v1_ListQuarantineResponse, _xr_admin_v1_ListQuarantineResponse__Output>
        Partner: MessageTypeDefinition<_xr_admin_v1_Partner, _xr_admin_v1_Partner__Output>
        PartnerKey: MessageTypeDefinition<_xr_admin_v1_PartnerKey, _xr_admin_v1_PartnerKey__Output>
        PartnerStatus: EnumTypeDefinition
        PolicyWitness: MessageTypeDefinition<_xr_admin_v1_PolicyWitness, _xr_admin_v1_PolicyWitness__Output>
        PublishCalendarRequest: MessageTypeDefinition<_xr_admin_v1_PublishCalendarRequest, _xr_admin_v1_PublishCalendarRequest__Output>
        QuarantineEntry: MessageTypeDefinition<_xr_admin_v1_QuarantineEntry, _xr_admin_v1_QuarantineEntry__Output>
        Recognition: MessageTypeDefinition<_xr_admin_v1_Recognition, _xr_admin_v1_Recognition__Output>
        RegisterPartnerRequest: MessageTypeDefinition<_xr_admin_v1_RegisterPartnerRequest, _xr_admin_v1_RegisterPartnerRequest__Output>
        RegistryChange: MessageTypeDefinition<_xr_admin_v1_RegistryChange, _xr_admin_v1_RegistryChange__Output>
        ResumePartnerRequest: MessageTypeDefinition<_xr_admin_v1_ResumePartnerRequest, _xr_admin_v1_ResumePartnerRequest__Output>
        RevokeKeyRequest: MessageTypeDefinition<_xr_admin_v1_RevokeKeyRequest, _xr_admin_v1_RevokeKeyRequest__Output>
        RotateKeyRequest: MessageTypeDefinition<_xr_admin_v1_RotateKeyRequest, _xr_admin_v1_RotateKeyRequest__Output>
        SetRecognitionRequest: MessageTypeDefinition<_xr_admin_v1_SetRecognitionRequest, _xr_admin_v1_SetRecognitionRequest__Output>
        SetWitnessPolicyRequest: MessageTypeDefinition<_xr_admin_v1_SetWitnessPolicyRequest, _xr_admin_v1_SetWitnessPolicyRequest__Output>
        SuspendPartnerRequest: MessageTypeDefinition<_xr_admin_v1_SuspendPartnerRequest, _xr_admin_v1_SuspendPartnerRequest__Output>
        WitnessPolicy: MessageTypeDefinition<_xr_admin_v1_WitnessPolicy, _xr_admin_v1_WitnessPolicy__Output>
      }
    }
  }
}


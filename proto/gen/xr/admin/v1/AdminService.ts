// Original file: xr/admin/v1/admin.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetWitnessPolicyRequest as _xr_admin_v1_GetWitnessPolicyRequest, GetWitnessPolicyRequest__Output as _xr_admin_v1_GetWitnessPolicyRequest__Output } from '../../../xr/admin/v1/GetWitnessPolicyRequest.js';
import type { ListCalendarsRequest as _xr_admin_v1_ListCalendarsRequest, ListCalendarsRequest__Output as _xr_admin_v1_ListCalendarsRequest__Output } from '../../../xr/admin/v1/ListCalendarsRequest.js';
import type { ListCalendarsResponse as _xr_admin_v1_ListCalendarsResponse, ListCalendarsResponse__Output as _xr_admin_v1_ListCalendarsResponse__Output } from '../../../xr/admin/v1/ListCalendarsResponse.js';
import type { ListPartnersRequest as _xr_admin_v1_ListPartnersRequest, ListPartnersRequest__Output as _xr_admin_v1_ListPartnersRequest__Output } from '../../../xr/admin/v1/ListPartnersRequest.js';
import type { ListPartnersResponse as _xr_admin_v1_ListPartnersResponse, ListPartnersResponse__Output as _xr_admin_v1_ListPartnersResponse__Output } from '../../../xr/admin/v1/ListPartnersResponse.js';
import type { ListQuarantineRequest as _xr_admin_v1_ListQuarantineRequest, ListQuarantineRequest__Output as _xr_admin_v1_ListQuarantineRequest__Output } from '../../../xr/admin/v1/ListQuarantineRequest.js';
import type { ListQuarantineResponse as _xr_admin_v1_ListQuarantineResponse, ListQuarantineResponse__Output as _xr_admin_v1_ListQuarantineResponse__Output } from '../../../xr/admin/v1/ListQuarantineResponse.js';
import type { PublishCalendarRequest as _xr_admin_v1_PublishCalendarRequest, PublishCalendarRequest__Output as _xr_admin_v1_PublishCalendarRequest__Output } from '../../../xr/admin/v1/PublishCalendarRequest.js';
import type { RegisterPartnerRequest as _xr_admin_v1_RegisterPartnerRequest, RegisterPartnerRequest__Output as _xr_admin_v1_RegisterPartnerRequest__Output } from '../../../xr/admin/v1/RegisterPartnerRequest.js';
import type { RegistryChange as _xr_admin_v1_RegistryChange, RegistryChange__Output as _xr_admin_v1_RegistryChange__Output } from '../../../xr/admin/v1/RegistryChange.js';
import type { ResumePartnerRequest as _xr_admin_v1_ResumePartnerRequest, ResumePartnerRequest__Output as _xr_admin_v1_ResumePartnerRequest__Output } from '../../../xr/admin/v1/ResumePartnerRequest.js';
import type { RevokeKeyRequest as _xr_admin_v1_RevokeKeyRequest, RevokeKeyRequest__Output as _xr_admin_v1_RevokeKeyRequest__Output } from '../../../xr/admin/v1/RevokeKeyRequest.js';
import type { RotateKeyRequest as _xr_admin_v1_RotateKeyRequest, RotateKeyRequest__Output as _xr_admin_v1_RotateKeyRequest__Output } from '../../../xr/admin/v1/RotateKeyRequest.js';
import type { SetRecognitionRequest as _xr_admin_v1_SetRecognitionRequest, SetRecognitionRequest__Output as _xr_admin_v1_SetRecognitionRequest__Output } from '../../../xr/admin/v1/SetRecognitionRequest.js';
import type { SetWitnessPolicyRequest as _xr_admin_v1_SetWitnessPolicyRequest, SetWitnessPolicyRequest__Output as _xr_admin_v1_SetWitnessPolicyRequest__Output } from '../../../xr/admin/v1/SetWitnessPolicyRequest.js';
import type { SuspendPartnerRequest as _xr_admin_v1_SuspendPartnerRequest, SuspendPartnerRequest__Output as _xr_admin_v1_SuspendPartnerRequest__Output } from '../../../xr/admin/v1/SuspendPartnerRequest.js';
import type { WitnessPolicy as _xr_admin_v1_WitnessPolicy, WitnessPolicy__Output as _xr_admin_v1_WitnessPolicy__Output } from '../../../xr/admin/v1/WitnessPolicy.js';

export interface AdminServiceClient extends grpc.Client {
  /**
   * A region's witness policy as the registry stands now: the one set, or the default (every
   * other registered, not suspended region, quorum 1), also as a C2SP tlog-policy file.
   */
  GetWitnessPolicy(argument: _xr_admin_v1_GetWitnessPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_WitnessPolicy__Output>): grpc.ClientUnaryCall;
  GetWitnessPolicy(argument: _xr_admin_v1_GetWitnessPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_WitnessPolicy__Output>): grpc.ClientUnaryCall;
  GetWitnessPolicy(argument: _xr_admin_v1_GetWitnessPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_WitnessPolicy__Output>): grpc.ClientUnaryCall;
  GetWitnessPolicy(argument: _xr_admin_v1_GetWitnessPolicyRequest, callback: grpc.requestCallback<_xr_admin_v1_WitnessPolicy__Output>): grpc.ClientUnaryCall;
  /**
   * A region's witness policy as the registry stands now: the one set, or the default (every
   * other registered, not suspended region, quorum 1), also as a C2SP tlog-policy file.
   */
  getWitnessPolicy(argument: _xr_admin_v1_GetWitnessPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_WitnessPolicy__Output>): grpc.ClientUnaryCall;
  getWitnessPolicy(argument: _xr_admin_v1_GetWitnessPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_WitnessPolicy__Output>): grpc.ClientUnaryCall;
  getWitnessPolicy(argument: _xr_admin_v1_GetWitnessPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_WitnessPolicy__Output>): grpc.ClientUnaryCall;
  getWitnessPolicy(argument: _xr_admin_v1_GetWitnessPolicyRequest, callback: grpc.requestCallback<_xr_admin_v1_WitnessPolicy__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every year the gateways' calendar covers, and how: built in, published, or provisional.
   */
  ListCalendars(argument: _xr_admin_v1_ListCalendarsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListCalendarsResponse__Output>): grpc.ClientUnaryCall;
  ListCalendars(argument: _xr_admin_v1_ListCalendarsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_ListCalendarsResponse__Output>): grpc.ClientUnaryCall;
  ListCalendars(argument: _xr_admin_v1_ListCalendarsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListCalendarsResponse__Output>): grpc.ClientUnaryCall;
  ListCalendars(argument: _xr_admin_v1_ListCalendarsRequest, callback: grpc.requestCallback<_xr_admin_v1_ListCalendarsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every year the gateways' calendar covers, and how: built in, published, or provisional.
   */
  listCalendars(argument: _xr_admin_v1_ListCalendarsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListCalendarsResponse__Output>): grpc.ClientUnaryCall;
  listCalendars(argument: _xr_admin_v1_ListCalendarsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_ListCalendarsResponse__Output>): grpc.ClientUnaryCall;
  listCalendars(argument: _xr_admin_v1_ListCalendarsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListCalendarsResponse__Output>): grpc.ClientUnaryCall;
  listCalendars(argument: _xr_admin_v1_ListCalendarsRequest, callback: grpc.requestCallback<_xr_admin_v1_ListCalendarsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every registered partner as the registry stands now.
   */
  ListPartners(argument: _xr_admin_v1_ListPartnersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListPartnersResponse__Output>): grpc.ClientUnaryCall;
  ListPartners(argument: _xr_admin_v1_ListPartnersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_ListPartnersResponse__Output>): grpc.ClientUnaryCall;
  ListPartners(argument: _xr_admin_v1_ListPartnersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListPartnersResponse__Output>): grpc.ClientUnaryCall;
  ListPartners(argument: _xr_admin_v1_ListPartnersRequest, callback: grpc.requestCallback<_xr_admin_v1_ListPartnersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every registered partner as the registry stands now.
   */
  listPartners(argument: _xr_admin_v1_ListPartnersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListPartnersResponse__Output>): grpc.ClientUnaryCall;
  listPartners(argument: _xr_admin_v1_ListPartnersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_ListPartnersResponse__Output>): grpc.ClientUnaryCall;
  listPartners(argument: _xr_admin_v1_ListPartnersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListPartnersResponse__Output>): grpc.ClientUnaryCall;
  listPartners(argument: _xr_admin_v1_ListPartnersRequest, callback: grpc.requestCallback<_xr_admin_v1_ListPartnersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The newest entries of xr.quarantine.<region>, oldest first (no record contents).
   */
  ListQuarantine(argument: _xr_admin_v1_ListQuarantineRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListQuarantineResponse__Output>): grpc.ClientUnaryCall;
  ListQuarantine(argument: _xr_admin_v1_ListQuarantineRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_ListQuarantineResponse__Output>): grpc.ClientUnaryCall;
  ListQuarantine(argument: _xr_admin_v1_ListQuarantineRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListQuarantineResponse__Output>): grpc.ClientUnaryCall;
  ListQuarantine(argument: _xr_admin_v1_ListQuarantineRequest, callback: grpc.requestCallback<_xr_admin_v1_ListQuarantineResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The newest entries of xr.quarantine.<region>, oldest first (no record contents).
   */
  listQuarantine(argument: _xr_admin_v1_ListQuarantineRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListQuarantineResponse__Output>): grpc.ClientUnaryCall;
  listQuarantine(argument: _xr_admin_v1_ListQuarantineRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_ListQuarantineResponse__Output>): grpc.ClientUnaryCall;
  listQuarantine(argument: _xr_admin_v1_ListQuarantineRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_ListQuarantineResponse__Output>): grpc.ClientUnaryCall;
  listQuarantine(argument: _xr_admin_v1_ListQuarantineRequest, callback: grpc.requestCallback<_xr_admin_v1_ListQuarantineResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * calendar.published: a year's public holidays and 调休 working weekends, as the State
   * Council's notice states them. Every gateway counts working days with it from then on; the
   * same schedule again changes nothing, another one for the year replaces it.
   */
  PublishCalendar(argument: _xr_admin_v1_PublishCalendarRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  PublishCalendar(argument: _xr_admin_v1_PublishCalendarRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  PublishCalendar(argument: _xr_admin_v1_PublishCalendarRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  PublishCalendar(argument: _xr_admin_v1_PublishCalendarRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  /**
   * calendar.published: a year's public holidays and 调休 working weekends, as the State
   * Council's notice states them. Every gateway counts working days with it from then on; the
   * same schedule again changes nothing, another one for the year replaces it.
   */
  publishCalendar(argument: _xr_admin_v1_PublishCalendarRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  publishCalendar(argument: _xr_admin_v1_PublishCalendarRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  publishCalendar(argument: _xr_admin_v1_PublishCalendarRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  publishCalendar(argument: _xr_admin_v1_PublishCalendarRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * partner.registered: a new partner region, its public keys, item catalog and contact.
   */
  RegisterPartner(argument: _xr_admin_v1_RegisterPartnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RegisterPartner(argument: _xr_admin_v1_RegisterPartnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RegisterPartner(argument: _xr_admin_v1_RegisterPartnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RegisterPartner(argument: _xr_admin_v1_RegisterPartnerRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  /**
   * partner.registered: a new partner region, its public keys, item catalog and contact.
   */
  registerPartner(argument: _xr_admin_v1_RegisterPartnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  registerPartner(argument: _xr_admin_v1_RegisterPartnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  registerPartner(argument: _xr_admin_v1_RegisterPartnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  registerPartner(argument: _xr_admin_v1_RegisterPartnerRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * partner.resumed.
   */
  ResumePartner(argument: _xr_admin_v1_ResumePartnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  ResumePartner(argument: _xr_admin_v1_ResumePartnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  ResumePartner(argument: _xr_admin_v1_ResumePartnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  ResumePartner(argument: _xr_admin_v1_ResumePartnerRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  /**
   * partner.resumed.
   */
  resumePartner(argument: _xr_admin_v1_ResumePartnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  resumePartner(argument: _xr_admin_v1_ResumePartnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  resumePartner(argument: _xr_admin_v1_ResumePartnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  resumePartner(argument: _xr_admin_v1_ResumePartnerRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * key.revoked: records signed by the key at or after effective_at are refused.
   */
  RevokeKey(argument: _xr_admin_v1_RevokeKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RevokeKey(argument: _xr_admin_v1_RevokeKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RevokeKey(argument: _xr_admin_v1_RevokeKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RevokeKey(argument: _xr_admin_v1_RevokeKeyRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  /**
   * key.revoked: records signed by the key at or after effective_at are refused.
   */
  revokeKey(argument: _xr_admin_v1_RevokeKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  revokeKey(argument: _xr_admin_v1_RevokeKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  revokeKey(argument: _xr_admin_v1_RevokeKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  revokeKey(argument: _xr_admin_v1_RevokeKeyRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * key.rotated: a new key; the region's older keys verify records signed before overlap_until.
   */
  RotateKey(argument: _xr_admin_v1_RotateKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RotateKey(argument: _xr_admin_v1_RotateKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RotateKey(argument: _xr_admin_v1_RotateKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  RotateKey(argument: _xr_admin_v1_RotateKeyRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  /**
   * key.rotated: a new key; the region's older keys verify records signed before overlap_until.
   */
  rotateKey(argument: _xr_admin_v1_RotateKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  rotateKey(argument: _xr_admin_v1_RotateKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  rotateKey(argument: _xr_admin_v1_RotateKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  rotateKey(argument: _xr_admin_v1_RotateKeyRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * recognition.set: the certificate types region accepts from issuer (empty = none).
   */
  SetRecognition(argument: _xr_admin_v1_SetRecognitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SetRecognition(argument: _xr_admin_v1_SetRecognitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SetRecognition(argument: _xr_admin_v1_SetRecognitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SetRecognition(argument: _xr_admin_v1_SetRecognitionRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  /**
   * recognition.set: the certificate types region accepts from issuer (empty = none).
   */
  setRecognition(argument: _xr_admin_v1_SetRecognitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  setRecognition(argument: _xr_admin_v1_SetRecognitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  setRecognition(argument: _xr_admin_v1_SetRecognitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  setRecognition(argument: _xr_admin_v1_SetRecognitionRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * witness.policy.set: a checkpoint of region's journal counts as witnessed once quorum of the
   * witnesses have cosigned it (C2SP tlog-policy, one k-of-n group); replaces region's policy.
   */
  SetWitnessPolicy(argument: _xr_admin_v1_SetWitnessPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SetWitnessPolicy(argument: _xr_admin_v1_SetWitnessPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SetWitnessPolicy(argument: _xr_admin_v1_SetWitnessPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SetWitnessPolicy(argument: _xr_admin_v1_SetWitnessPolicyRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  /**
   * witness.policy.set: a checkpoint of region's journal counts as witnessed once quorum of the
   * witnesses have cosigned it (C2SP tlog-policy, one k-of-n group); replaces region's policy.
   */
  setWitnessPolicy(argument: _xr_admin_v1_SetWitnessPolicyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  setWitnessPolicy(argument: _xr_admin_v1_SetWitnessPolicyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  setWitnessPolicy(argument: _xr_admin_v1_SetWitnessPolicyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  setWitnessPolicy(argument: _xr_admin_v1_SetWitnessPolicyRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  
  /**
   * partner.suspended: nothing from the region is accepted until it is resumed.
   */
  SuspendPartner(argument: _xr_admin_v1_SuspendPartnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SuspendPartner(argument: _xr_admin_v1_SuspendPartnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SuspendPartner(argument: _xr_admin_v1_SuspendPartnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  SuspendPartner(argument: _xr_admin_v1_SuspendPartnerRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  /**
   * partner.suspended: nothing from the region is accepted until it is resumed.
   */
  suspendPartner(argument: _xr_admin_v1_SuspendPartnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  suspendPartner(argument: _xr_admin_v1_SuspendPartnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  suspendPartner(argument: _xr_admin_v1_SuspendPartnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  suspendPartner(argument: _xr_admin_v1_SuspendPartnerRequest, callback: grpc.requestCallback<_xr_admin_v1_RegistryChange__Output>): grpc.ClientUnaryCall;
  
}

export interface AdminServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * A region's witness policy as the registry stands now: the one set, or the default (every
   * other registered, not suspended region, quorum 1), also as a C2SP tlog-policy file.
   */
  GetWitnessPolicy: grpc.handleUnaryCall<_xr_admin_v1_GetWitnessPolicyRequest__Output, _xr_admin_v1_WitnessPolicy>;
  
  /**
   * Every year the gateways' calendar covers, and how: built in, published, or provisional.
   */
  ListCalendars: grpc.handleUnaryCall<_xr_admin_v1_ListCalendarsRequest__Output, _xr_admin_v1_ListCalendarsResponse>;
  
  /**
   * Every registered partner as the registry stands now.
   */
  ListPartners: grpc.handleUnaryCall<_xr_admin_v1_ListPartnersRequest__Output, _xr_admin_v1_ListPartnersResponse>;
  
  /**
   * The newest entries of xr.quarantine.<region>, oldest first (no record contents).
   */
  ListQuarantine: grpc.handleUnaryCall<_xr_admin_v1_ListQuarantineRequest__Output, _xr_admin_v1_ListQuarantineResponse>;
  
  /**
   * calendar.published: a year's public holidays and 调休 working weekends, as the State
   * Council's notice states them. Every gateway counts working days with it from then on; the
   * same schedule again changes nothing, another one for the year replaces it.
   */
  PublishCalendar: grpc.handleUnaryCall<_xr_admin_v1_PublishCalendarRequest__Output, _xr_admin_v1_RegistryChange>;
  
  /**
   * partner.registered: a new partner region, its public keys, item catalog and contact.
   */
  RegisterPartner: grpc.handleUnaryCall<_xr_admin_v1_RegisterPartnerRequest__Output, _xr_admin_v1_RegistryChange>;
  
  /**
   * partner.resumed.
   */
  ResumePartner: grpc.handleUnaryCall<_xr_admin_v1_ResumePartnerRequest__Output, _xr_admin_v1_RegistryChange>;
  
  /**
   * key.revoked: records signed by the key at or after effective_at are refused.
   */
  RevokeKey: grpc.handleUnaryCall<_xr_admin_v1_RevokeKeyRequest__Output, _xr_admin_v1_RegistryChange>;
  
  /**
   * key.rotated: a new key; the region's older keys verify records signed before overlap_until.
   */
  RotateKey: grpc.handleUnaryCall<_xr_admin_v1_RotateKeyRequest__Output, _xr_admin_v1_RegistryChange>;
  
  /**
   * recognition.set: the certificate types region accepts from issuer (empty = none).
   */
  SetRecognition: grpc.handleUnaryCall<_xr_admin_v1_SetRecognitionRequest__Output, _xr_admin_v1_RegistryChange>;
  
  /**
   * witness.policy.set: a checkpoint of region's journal counts as witnessed once quorum of the
   * witnesses have cosigned it (C2SP tlog-policy, one k-of-n group); replaces region's policy.
   */
  SetWitnessPolicy: grpc.handleUnaryCall<_xr_admin_v1_SetWitnessPolicyRequest__Output, _xr_admin_v1_RegistryChange>;
  
  /**
   * partner.suspended: nothing from the region is accepted until it is resumed.
   */
  SuspendPartner: grpc.handleUnaryCall<_xr_admin_v1_SuspendPartnerRequest__Output, _xr_admin_v1_RegistryChange>;
  
}

export interface AdminServiceDefinition extends grpc.ServiceDefinition {
  GetWitnessPolicy: MethodDefinition<_xr_admin_v1_GetWitnessPolicyRequest, _xr_admin_v1_WitnessPolicy, _xr_admin_v1_GetWitnessPolicyRequest__Output, _xr_admin_v1_WitnessPolicy__Output>
  ListCalendars: MethodDefinition<_xr_admin_v1_ListCalendarsRequest, _xr_admin_v1_ListCalendarsResponse, _xr_admin_v1_ListCalendarsRequest__Output, _xr_admin_v1_ListCalendarsResponse__Output>
  ListPartners: MethodDefinition<_xr_admin_v1_ListPartnersRequest, _xr_admin_v1_ListPartnersResponse, _xr_admin_v1_ListPartnersRequest__Output, _xr_admin_v1_ListPartnersResponse__Output>
  ListQuarantine: MethodDefinition<_xr_admin_v1_ListQuarantineRequest, _xr_admin_v1_ListQuarantineResponse, _xr_admin_v1_ListQuarantineRequest__Output, _xr_admin_v1_ListQuarantineResponse__Output>
  PublishCalendar: MethodDefinition<_xr_admin_v1_PublishCalendarRequest, _xr_admin_v1_RegistryChange, _xr_admin_v1_PublishCalendarRequest__Output, _xr_admin_v1_RegistryChange__Output>
  RegisterPartner: MethodDefinition<_xr_admin_v1_RegisterPartnerRequest, _xr_admin_v1_RegistryChange, _xr_admin_v1_RegisterPartnerRequest__Output, _xr_admin_v1_RegistryChange__Output>
  ResumePartner: MethodDefinition<_xr_admin_v1_ResumePartnerRequest, _xr_admin_v1_RegistryChange, _xr_admin_v1_ResumePartnerRequest__Output, _xr_admin_v1_RegistryChange__Output>
  RevokeKey: MethodDefinition<_xr_admin_v1_RevokeKeyRequest, _xr_admin_v1_RegistryChange, _xr_admin_v1_RevokeKeyRequest__Output, _xr_admin_v1_RegistryChange__Output>
  RotateKey: MethodDefinition<_xr_admin_v1_RotateKeyRequest, _xr_admin_v1_RegistryChange, _xr_admin_v1_RotateKeyRequest__Output, _xr_admin_v1_RegistryChange__Output>
  SetRecognition: MethodDefinition<_xr_admin_v1_SetRecognitionRequest, _xr_admin_v1_RegistryChange, _xr_admin_v1_SetRecognitionRequest__Output, _xr_admin_v1_RegistryChange__Output>
  SetWitnessPolicy: MethodDefinition<_xr_admin_v1_SetWitnessPolicyRequest, _xr_admin_v1_RegistryChange, _xr_admin_v1_SetWitnessPolicyRequest__Output, _xr_admin_v1_RegistryChange__Output>
  SuspendPartner: MethodDefinition<_xr_admin_v1_SuspendPartnerRequest, _xr_admin_v1_RegistryChange, _xr_admin_v1_SuspendPartnerRequest__Output, _xr_admin_v1_RegistryChange__Output>
}

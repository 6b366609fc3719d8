// Original file: xr/gateway/v1/cases.proto

import type { Applicant as _xr_gateway_v1_Applicant, Applicant__Output as _xr_gateway_v1_Applicant__Output } from '../../../xr/gateway/v1/Applicant.js';
import type { Material as _xr_gateway_v1_Material, Material__Output as _xr_gateway_v1_Material__Output } from '../../../xr/gateway/v1/Material.js';
import type { Intake as _xr_gateway_v1_Intake, Intake__Output as _xr_gateway_v1_Intake__Output } from '../../../xr/gateway/v1/Intake.js';
import type { NamedMaterial as _xr_gateway_v1_NamedMaterial, NamedMaterial__Output as _xr_gateway_v1_NamedMaterial__Output } from '../../../xr/gateway/v1/NamedMaterial.js';
import type { Commitment as _xr_gateway_v1_Commitment, Commitment__Output as _xr_gateway_v1_Commitment__Output } from '../../../xr/gateway/v1/Commitment.js';

export interface SubmitCaseRequest {
  /**
   * The caller's id for this request; retrying with the same id returns the first result.
   */
  'requestId'?: (string);
  /**
   * 政务服务事项编码 of the item, as the handling region catalogues it.
   */
  'itemCode'?: (string);
  'itemName'?: (string);
  'applicant'?: (_xr_gateway_v1_Applicant | null);
  'materials'?: (_xr_gateway_v1_Material)[];
  /**
   * GB/T 2260 code of the region that handles the item (业务属地).
   */
  'handlingRegion'?: (string);
  'intake'?: (_xr_gateway_v1_Intake | null);
  /**
   * 容缺: materials the applicant will hand in later (declared at intake, on a signed commitment).
   */
  'deferredMaterials'?: (_xr_gateway_v1_NamedMaterial)[];
  /**
   * 告知承诺: the applicant's signed promise in place of proof.
   */
  'commitment'?: (_xr_gateway_v1_Commitment | null);
}

export interface SubmitCaseRequest__Output {
  /**
   * The caller's id for this request; retrying with the same id returns the first result.
   */
  'requestId': (string);
  /**
   * 政务服务事项编码 of the item, as the handling region catalogues it.
   */
  'itemCode': (string);
  'itemName': (string);
  'applicant': (_xr_gateway_v1_Applicant__Output | null);
  'materials': (_xr_gateway_v1_Material__Output)[];
  /**
   * GB/T 2260 code of the region that handles the item (业务属地).
   */
  'handlingRegion': (string);
  'intake': (_xr_gateway_v1_Intake__Output | null);
  /**
   * 容缺: materials the applicant will hand in later (declared at intake, on a signed commitment).
   */
  'deferredMaterials': (_xr_gateway_v1_NamedMaterial__Output)[];
  /**
   * 告知承诺: the applicant's signed promise in place of proof.
   */
  'commitment': (_xr_gateway_v1_Commitment__Output | null);
}

// Original file: xr/admin/v1/admin.proto


export interface ListPartnersRequest {
}

export interface ListPartnersRequest__Output {
}

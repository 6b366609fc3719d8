// Original file: xr/gateway/v1/ops.proto


export interface GetStatsRequest {
}

export interface GetStatsRequest__Output {
}

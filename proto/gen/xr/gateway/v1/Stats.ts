// Original file: xr/gateway/v1/ops.proto

import type { Counter as _xr_gateway_v1_Counter, Counter__Output as _xr_gateway_v1_Counter__Output } from '../../../xr/gateway/v1/Counter.js';
import type { Long } from '@grpc/proto-loader';

export interface Stats {
  'region'?: (string);
  'counters'?: (_xr_gateway_v1_Counter)[];
  'cases'?: (number | string | Long);
}

export interface Stats__Output {
  'region': (string);
  'counters': (_xr_gateway_v1_Counter__Output)[];
  'cases': (number);
}

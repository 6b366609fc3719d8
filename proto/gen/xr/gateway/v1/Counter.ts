// Original file: xr/gateway/v1/ops.proto


export interface Counter {
  'name'?: (string);
  'labels'?: ({[key: string]: string});
  'value'?: (number | string);
}

export interface Counter__Output {
  'name': (string);
  'labels': ({[key: string]: string});
  'value': (number);
}

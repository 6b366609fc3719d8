// Original file: xr/gateway/v1/cases.proto


export interface HistoryEntry {
  'eventId'?: (string);
  'type'?: (string);
  'sourceRegion'?: (string);
  'at'?: (string);
  'status'?: (string);
}

export interface HistoryEntry__Output {
  'eventId': (string);
  'type': (string);
  'sourceRegion': (string);
  'at': (string);
  'status': (string);
}

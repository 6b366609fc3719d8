/** Topic names of the exchange. A prefix (default `xr`) keeps test runs and environments apart. */
export interface Topics {
  inbox(region: string): string;
  journal(region: string): string;
  quarantine(region: string): string;
  readonly registry: string;
  readonly status: string;
}

export function topics(prefix = 'xr'): Topics {
  return {
    inbox: (region) => `${prefix}.inbox.${region}`,
    journal: (region) => `${prefix}.journal.${region}`,
    quarantine: (region) => `${prefix}.quarantine.${region}`,
    registry: `${prefix}.registry`,
    status: `${prefix}.status`,
  };
}

/** Header carrying the sender's detached JWS over the record's bytes. */
export const JWS_HEADER = 'xr-jws';

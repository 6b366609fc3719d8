/** Topic names of the exchange. A prefix (default `xr`) keeps test runs and environments apart. */
export interface Topics {
  readonly prefix: string;
  inbox(region: string): string;
  journal(region: string): string;
  quarantine(region: string): string;
  readonly registry: string;
  readonly status: string;
  /** Signed checkpoints of every region's journal partitions, cosignatures and fork evidence (one partition). */
  readonly checkpoints: string;
}

export function topics(prefix = 'xr'): Topics {
  return {
    prefix,
    inbox: (region) => `${prefix}.inbox.${region}`,
    journal: (region) => `${prefix}.journal.${region}`,
    quarantine: (region) => `${prefix}.quarantine.${region}`,
    registry: `${prefix}.registry`,
    status: `${prefix}.status`,
    checkpoints: `${prefix}.checkpoints`,
  };
}

/** Header carrying the sender's detached JWS over the record's bytes. */
export const JWS_HEADER = 'xr-jws';

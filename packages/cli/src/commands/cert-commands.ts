/** The `xr cert` commands, apart from their code: the credentials packages load only when one runs. */
export const CERT_COMMANDS = ['show', 'verify', 'status-list', 'get', 'revoke', 'suspend', 'reinstate'] as const;
export type CertCommand = (typeof CERT_COMMANDS)[number];

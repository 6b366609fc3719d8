/** Note signing helpers for the tamper list (one import site). */
export { cosignatureSigner, ed25519Signer, formatAddCheckpoint, formatCheckpoint, parseNote, signNote } from '@xr/tlog';
export { journalKeyName, witnessKeyName } from '@xr/exchange';

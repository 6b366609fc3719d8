export { CertificateDesk, statusWord } from './desk.js';
export type { CertificateDeskOptions, StatusChangeKind, StatusChangeResult, StatusListAnswer } from './desk.js';
export { licenceIssuer, statusPlace } from './issuer.js';
export type { LicenceIssuerOptions } from './issuer.js';
export { statusLookup, verifyPresented } from './verifier.js';
export type { PresentedVerdict, VerifierContext } from './verifier.js';

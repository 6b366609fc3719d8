export { canonicalBytes, canonicalJson, sha256Hex } from './canonical.js';
export { generateKeyPair, makeKid, parseKid, signingKeyFromJwk, verificationKeyFromJwk } from './keys.js';
export type { PrivateJwk, PublicJwk, SigningKey, VerificationKey } from './keys.js';
export { signDetached, verifyDetached } from './jws.js';
export type { KeyLookup, VerifyResult } from './jws.js';
export { openSigned, openVerified } from './open-signed.js';
export { forgetOwnSignatures, ownSignatureShortcuts } from './own-signatures.js';
export { formatUuid, uuidV8FromName } from './uuid.js';
export type { ClaimedKeyLookup, OpenCode, Opened } from './open-signed.js';

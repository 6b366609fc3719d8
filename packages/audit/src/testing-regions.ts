/** `@xr/audit/testing`: the two regions of the test data (聊城 receives, 青岛 handles) and what a test world holds. */
import type { SigningMode } from '@xr/exchange';
import { generateKeyPair, makeKid, signingKeyFromJwk, type PublicJwk, type SigningKey } from '@xr/crypto';

export const LC = '371500';
export const QD = '370200';

export interface Region {
  readonly code: string;
  readonly signer: SigningKey;
  readonly publicJwk: PublicJwk;
}

export function region(code: string, generation = 1): Region {
  const { privateJwk, publicJwk } = generateKeyPair(makeKid(code, generation));
  return { code, signer: signingKeyFromJwk(privateJwk), publicJwk };
}

export interface World {
  readonly prefix: string;
  readonly admin: SigningKey;
  readonly anchors: PublicJwk[];
  readonly regions: Record<string, Region>;
  readonly caseIds: string[];
  /** How the two gateways signed their events. */
  readonly signing: SigningMode;
}

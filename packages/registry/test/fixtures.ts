import { generateKeyPair, makeKid, signDetached, signingKeyFromJwk, type SigningKey } from '@xr/crypto';
import { adminKid, encodeRecord, RegistryState, TrustAnchor, uuidv7, type RecordOf, type RegistryPayloads, type RegistryRecord, type RegistryRecordType } from '../src/index.js';

export const admin = generateKeyPair(adminKid('ops', 1));
export const adminSigner: SigningKey = signingKeyFromJwk(admin.privateJwk);
export const anchor = new TrustAnchor([admin.publicJwk]);

export const LC = '371500';
export const QD = '370200';
export const WL = '331081';
export const lc1 = generateKeyPair(makeKid(LC, 1));
export const lc2 = generateKeyPair(makeKid(LC, 2));
export const qd1 = generateKeyPair(makeKid(QD, 1));

let tick = Date.parse('2025-03-01T00:00:00Z');

/** A record at a given time (default: one second after the previous one). */
export function rec<T extends RegistryRecordType>(type: T, payload: RegistryPayloads[T], time?: string): RecordOf<T> {
  tick += 1000;
  return { id: uuidv7(tick), type, v: 1, time: time ?? new Date(tick).toISOString(), admin: admin.publicJwk.kid, payload };
}

export function registration(region: string, keys: { publicJwk: RegistryPayloads['partner.registered']['keys']['keys'][number] }[], name = '测试市'): RecordOf<'partner.registered'> {
  return rec('partner.registered', { region, name, keys: { keys: keys.map((k) => k.publicJwk) }, contact: { email: 'ops@example.cn' } });
}

/** Applies records in order; throws on a refusal (for given-steps). */
export function given(...records: RegistryRecord[]): RegistryState {
  let state = RegistryState.empty();
  for (const r of records) {
    const next = state.apply(r);
    if (!next.ok) throw new Error(`given: ${r.type} refused: ${next.code} ${next.message}`);
    state = next.value.state;
  }
  return state;
}

export async function signed(record: unknown, key: SigningKey = adminSigner): Promise<{ value: Uint8Array; jws: string }> {
  const value = encodeRecord(record as RegistryRecord);
  return { value, jws: await signDetached(value, key) };
}

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { journalKeyName, journalOrigin, journalVerifier, parseJournalOrigin, topics, witnessKeyName, witnessVerifier } from '@xr/exchange';

describe('checkpoint names', () => {
  it('names origins and keys as WIRE.md does, and parses an origin back', () => {
    expect(journalOrigin('xr', '371500', 0)).toBe('xr.journal.371500/0');
    expect(journalKeyName('xr', '371500')).toBe('xr.journal.371500');
    expect(witnessKeyName('xr', '370200')).toBe('xr.witness.370200');
    expect(topics('xr').checkpoints).toBe('xr.checkpoints');
    expect(parseJournalOrigin('xr', 'xr.journal.371500/12')).toEqual({ region: '371500', partition: 12 });
    expect(parseJournalOrigin('demo-1a', 'demo-1a.journal.371500/0')).toEqual({ region: '371500', partition: 0 });
    for (const other of ['yy.journal.371500/0', 'xr.journal.371500/01', 'xr.journal.37150/0', 'xr.journal.371500', 'xr.journal.371500/0 ']) expect(parseJournalOrigin('xr', other)).toBeUndefined();
  });

  it('gives the two key types different key ids for one region key', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const log = journalVerifier('xr', '371500', publicKey);
    const witness = witnessVerifier('xr', '371500', publicKey);
    expect([log.type, witness.type]).toEqual([0x01, 0x04]);
    expect(log.keyId).not.toBe(witness.keyId);
    const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
    expect(journalVerifier('xr', '371500', { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: '371500.k1' }).keyId).toBe(log.keyId);
  });
});

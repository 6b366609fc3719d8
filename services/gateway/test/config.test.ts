import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '@xr/crypto';
import { cosignatureVerifier, ed25519Verifier, formatVerifierKey } from '@xr/tlog';
import { parseConfig } from '../src/index.js';

const own = generateKeyPair('371500.k1');
const partner = generateKeyPair('370200.k1');
const base = {
  region: '371500',
  signingKey: own.privateJwk,
  partners: [{ region: '370200', keys: [partner.publicJwk] }],
  eventLog: { kind: 'file', dir: '/tmp/x' },
  grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } },
  auth: { issuers: [{ iss: 'test', keys: [partner.publicJwk] }] },
};

describe('gateway configuration', () => {
  it('fills defaults and lets the environment choose Kafka and the address, keeping TLS settings', () => {
    const config = parseConfig(base, { KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093', XR_GRPC_ADDRESS: '0.0.0.0:7000' });
    expect(config.grpc).toEqual({ address: '0.0.0.0:7000', tls: { mode: 'insecure' } });
    expect(config).toMatchObject({ partitions: 3, topicPrefix: 'xr', logLevel: 'info', eventLog: { kind: 'kafka', brokers: ['127.0.0.1:9092', '127.0.0.1:9093'] } });
    expect(config.limits).toEqual({ recordBytes: 262144, quarantineEntryBytes: 524288 });
    expect(parseConfig({ ...base, limits: { recordBytes: 65536 } }).limits).toEqual({ recordBytes: 65536, quarantineEntryBytes: 524288 });
  });

  it('takes the witness settings: follow by default, an optional host:port for POST /add-checkpoint, nothing else', () => {
    expect(parseConfig(base).witness).toEqual({ follow: true });
    expect(parseConfig({ ...base, witness: { http: '127.0.0.1:0' } }).witness).toEqual({ follow: true, http: '127.0.0.1:0' });
    expect(parseConfig({ ...base, witness: { http: ':8443', follow: false } }).witness).toEqual({ follow: false, http: ':8443' });
    expect(() => parseConfig({ ...base, witness: { http: 'localhost' } })).toThrow(/witness\.http/);
    expect(() => parseConfig({ ...base, witness: { port: 1 } })).toThrow(/witness\.port: is not a known setting/);
  });

  it('takes state snapshots when a directory is given (relative to the configuration file), off otherwise', () => {
    expect(parseConfig(base).snapshots).toBeUndefined();
    expect(parseConfig({ ...base, snapshots: { dir: 'state' } }, {}, '/etc/xr').snapshots).toEqual({ dir: '/etc/xr/state', intervalMs: 300000 });
    expect(parseConfig({ ...base, snapshots: { dir: '/var/lib/xr', intervalMs: 60000 } }).snapshots).toEqual({ dir: '/var/lib/xr', intervalMs: 60000 });
    expect(() => parseConfig({ ...base, snapshots: {} })).toThrow(/snapshots/);
    expect(() => parseConfig({ ...base, snapshots: { dir: 'state', intervalMs: 10 } })).toThrow(/snapshots\.intervalMs/);
  });

  it('names every bad key and what was expected', () => {
    let message = '';
    try {
      parseConfig({ ...base, region: '999999', partitions: 0, colour: 'red' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('region: must match format "gbt2260"');
    expect(message).toContain('partitions: must be >= 1');
    expect(message).toContain('colour: is not a known setting');
  });

  it('needs TLS settings and issuers spelled out: no silent plaintext, no unauthenticated callers', () => {
    const { auth: _auth, ...noAuth } = base;
    expect(() => parseConfig(noAuth)).toThrow(/auth/);
    expect(() => parseConfig({ ...base, grpc: { address: '127.0.0.1:0' } })).toThrow(/grpc.tls/);
  });

  it('refuses a signing key that belongs to another region', () => {
    expect(() => parseConfig({ ...base, signingKey: partner.privateJwk })).toThrow(/signingKey.kid: must name this region/);
  });
});

describe('gateway catalog', () => {
  it('takes a catalog inline or from a file and names a bad item by path', async () => {
    const { SAMPLE_CATALOG_371500 } = await import('@xr/domain/samples');
    expect(parseConfig({ ...base, catalog: SAMPLE_CATALOG_371500 }).catalog).toMatchObject({ region: '371500' });
    const broken = structuredClone(SAMPLE_CATALOG_371500) as unknown as { items: { promisedDays: number }[] };
    broken.items[0]!.promisedDays = 99;
    expect(() => parseConfig({ ...base, catalog: broken })).toThrow(/catalog\.items\.0\.promisedDays/);
    expect(() => parseConfig({ ...base, catalog: 'no-such-file.json' })).toThrow(/catalog: cannot read/);
    expect(() => parseConfig({ ...base, catalog: { ...SAMPLE_CATALOG_371500, region: '370200' } })).toThrow(/catalog.region: is 370200/);
  });
});

describe('gateway checkpoints', () => {
  const witnessKey = generateKeyPairSync('ed25519');
  const cosigner = formatVerifierKey(cosignatureVerifier('supervisor.example/witness', witnessKey.publicKey));
  const noteKey = formatVerifierKey(ed25519Verifier('supervisor.example/log', witnessKey.publicKey));

  it('signs every 2 s with no outside witness by default, and takes witnesses with cosignature keys', () => {
    expect(parseConfig(base).checkpoints).toEqual({ intervalMs: 2000, witnessTimeoutMs: 5000, witnesses: [] });
    const witnesses = [{ name: '省级监管见证', verifierKey: cosigner, url: 'https://witness.example/tlog' }];
    expect(parseConfig({ ...base, checkpoints: { intervalMs: 500, witnesses } }).checkpoints).toEqual({ intervalMs: 500, witnessTimeoutMs: 5000, witnesses });
  });

  it('names a witness key that is malformed, of the wrong type, or a setting it does not know', () => {
    const at = (w: Record<string, unknown>) => () => parseConfig({ ...base, checkpoints: { witnesses: [{ name: 'w', url: 'https://w.example', ...w }] } });
    expect(at({ verifierKey: 'not-a-key' })).toThrow(/checkpoints\.witnesses\[0\]\.verifierKey: a verifier key is/);
    expect(at({ verifierKey: cosigner.replace(/\+[0-9a-f]{8}\+/, '+00000000+') })).toThrow(/verifierKey: the key id does not match/);
    expect(at({ verifierKey: noteKey })).toThrow(/verifierKey: must be a cosignature key \(type 0x04/);
    expect(at({ verifierKey: cosigner, url: 'ftp://w.example' })).toThrow(/checkpoints\.witnesses\.0\.url/);
    expect(at({ verifierKey: cosigner, token: 'x' })).toThrow(/token: is not a known setting/);
    expect(() => parseConfig({ ...base, checkpoints: { intervalMs: 10 } })).toThrow(/checkpoints\.intervalMs: must be >= 100/);
  });
});

import { describe, expect, it } from 'vitest';
import { generateKeyPair, makeKid } from '@xr/crypto';
import { adminKid } from '@xr/registry';
import { parseConfig, requestField } from '../src/index.js';

const admin = generateKeyPair(adminKid('ops', 1));
const issuerKey = generateKeyPair(makeKid('110000', 1));
const base = { adminKey: admin.privateJwk, eventLog: { kind: 'file', dir: '/tmp/x' }, grpc: { address: '127.0.0.1:0', tls: { mode: 'insecure' } }, auth: { issuers: [{ iss: 'test', keys: [issuerKey.publicJwk] }] } };

describe('admin configuration', () => {
  it('fills defaults and lets the environment choose Kafka', () => {
    expect(parseConfig(base, { KAFKA_BROKERS: '127.0.0.1:9092' })).toMatchObject({ trustAnchors: [], topicPrefix: 'xr', requestTimeoutMs: 15_000, eventLog: { kind: 'kafka', brokers: ['127.0.0.1:9092'] } });
  });

  it('names every bad key', () => {
    const region = generateKeyPair(makeKid('371500', 1));
    let message = '';
    try {
      parseConfig({ ...base, adminKey: region.privateJwk, trustAnchors: [admin.privateJwk], colour: 'red' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('adminKey.kid: must match pattern');
    expect(message).toContain('trustAnchors.0.d: is not a known setting');
    expect(message).toContain('colour: is not a known setting');
  });
});

describe('requestField', () => {
  it('maps record pointers to request fields', () => {
    expect(requestField('/payload/keys/keys/0/kid')).toBe('keys[0].kid');
    expect(requestField('/payload/newKey/x')).toBe('new_key.x');
    expect(requestField('/payload/certificateTypes/2')).toBe('certificate_types[2]');
    expect(requestField('/payload/contact/email')).toBe('contact.email');
    expect(requestField('/payload/catalog')).toBe('catalog_json');
    expect(requestField('/id')).toBe('request_id');
  });
});

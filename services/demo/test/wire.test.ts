/**
 * A third party checks what `pnpm demo` produced, as docs/WIRE.md specifies it, with `node:crypto`
 * and nothing of ours: the demo runs as a child process on the embedded log and writes its records,
 * the admin trust anchor and the regions' verifier keys; this file verifies every registry record
 * against the anchor, every inbox event and every journaled event against its sender's key, the
 * journal chains, the ids (UUIDv7 or v8, reactions recomputed from their cause), and that the one
 * forged record fails and was quarantined.
 * (Imports: node built-ins and vitest only.)
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Exported {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly value: string;
}
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** RFC 8785 for what JSON.parse gives: keys sorted by UTF-16 code units, ES number and string forms. */
function jcs(v: Json): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${jcs(v[k]!)}`)
    .join(',')}}`;
}

/** RFC 7797 detached JWS, `b64: false`: the signing input is the protected header, '.', then the raw payload bytes. */
function verifyJws(jws: string, payload: Buffer, keys: ReadonlyMap<string, KeyObject>): { ok: boolean; kid?: string; why?: string } {
  const [protectedB64, empty, sigB64] = jws.split('.');
  if (protectedB64 === undefined || empty !== '' || sigB64 === undefined) return { ok: false, why: 'not detached compact' };
  const header = JSON.parse(Buffer.from(protectedB64, 'base64url').toString('utf8')) as { alg?: string; kid?: string; b64?: boolean; crit?: string[] };
  if (header.alg !== 'EdDSA' || header.b64 !== false || !header.crit?.includes('b64')) return { ok: false, why: `header ${JSON.stringify(header)}` };
  const key = header.kid === undefined ? undefined : keys.get(header.kid);
  if (!key) return { ok: false, kid: header.kid, why: 'unknown kid' };
  const input = Buffer.concat([Buffer.from(`${protectedB64}.`, 'ascii'), payload]);
  return { ok: verify(null, input, key, Buffer.from(sigB64, 'base64url')), kid: header.kid };
}

function keySet(path: string): Map<string, KeyObject> {
  const { keys } = JSON.parse(readFileSync(path, 'utf8')) as { keys: { kty: string; crv: string; x: string; kid: string }[] };
  return new Map(keys.map((k) => [k.kid, createPublicKey({ key: { kty: k.kty, crv: k.crv, x: k.x }, format: 'jwk' })]));
}

let out: string;
let anchors: Map<string, KeyObject>;
let regionKeys: Map<string, KeyObject>;
const records = new Map<string, Exported[]>();
const ofKind = (kind: string): Exported[] => [...records.entries()].filter(([topic]) => topic.split('.')[1] === kind || (kind === 'registry' && topic.endsWith('.registry'))).flatMap(([, r]) => r);

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'xr-wire-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'services/demo/src/main.ts'], { cwd: ROOT, env: { ...process.env, KAFKA_BROKERS: '', XR_DEMO_OUT: out }, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`demo failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  anchors = keySet(join(out, 'trust-anchors.jwks.json'));
  regionKeys = keySet(join(out, 'verifier-keys.jwks.json'));
  for (const file of readdirSync(join(out, 'records'))) {
    const lines = readFileSync(join(out, 'records', file), 'utf8').split('\n').filter((l) => l !== '');
    records.set(file.replace(/\.jsonl$/, ''), lines.map((l) => JSON.parse(l) as Exported));
  }
}, 90_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('a demo run, checked without our code', () => {
  it('every registry record is canonical RFC 8785 JSON signed (detached, b64:false) by a trust anchor, and names that admin', () => {
    const registry = ofKind('registry');
    expect(registry.length).toBeGreaterThanOrEqual(4);
    for (const r of registry) {
      const bytes = Buffer.from(r.value, 'base64');
      const record = JSON.parse(bytes.toString('utf8')) as { admin: string; id: string };
      expect(jcs(record as Json)).toBe(bytes.toString('utf8'));
      const checked = verifyJws(r.headers['xr-jws']!, bytes, anchors);
      expect(checked, `registry offset ${r.offset}`).toMatchObject({ ok: true, kid: record.admin });
      expect(r.headers['xr-id']).toBe(record.id);
    }
  });

  it("every inbox event verifies with its source region's key, except the forged one, which was quarantined", () => {
    const failed: { topic: string; offset: number; id: string }[] = [];
    const inbox = ofKind('inbox');
    expect(inbox.length).toBeGreaterThan(20);
    for (const r of inbox) {
      const bytes = Buffer.from(r.value, 'base64');
      const event = JSON.parse(bytes.toString('utf8')) as { id: string; caseId: string; source: string };
      const checked = verifyJws(r.headers['xr-jws']!, bytes, regionKeys);
      if (!checked.ok) {
        failed.push({ topic: r.topic, offset: r.offset, id: event.id });
        continue;
      }
      expect(jcs(event as unknown as Json)).toBe(bytes.toString('utf8'));
      expect(checked.kid?.split('.')[0]).toBe(event.source);
      expect(r.key).toBe(event.caseId);
    }
    expect(failed).toHaveLength(1);
    const quarantined = ofKind('quarantine').map((q) => JSON.parse(Buffer.from(q.value, 'base64').toString('utf8')) as { code: string; from: { topic: string; offset: number } });
    expect(quarantined).toContainEqual(expect.objectContaining({ code: 'XR_SIGNATURE_INVALID', from: expect.objectContaining({ topic: failed[0]!.topic, offset: failed[0]!.offset }) as unknown }));
  });

  it("every journal record holds an event with its sender's valid signature, and each partition's chain links by SHA-256 of the previous record's bytes", () => {
    const journals = [...records.entries()].filter(([topic]) => topic.split('.')[1] === 'journal');
    expect(journals.length).toBe(4);
    let checkedEvents = 0;
    for (const [, rs] of journals) {
      const heads = new Map<number, string>();
      for (const r of [...rs].sort((a, b) => a.partition - b.partition || a.offset - b.offset)) {
        const bytes = Buffer.from(r.value, 'base64');
        const record = JSON.parse(bytes.toString('utf8')) as { event: Json & { source: string }; eventJws: string; prev: string; n: number };
        expect(jcs(record as unknown as Json)).toBe(bytes.toString('utf8'));
        expect(record.prev).toBe(heads.get(r.partition) ?? '0'.repeat(64));
        expect(record.n).toBe(r.offset);
        heads.set(r.partition, createHash('sha256').update(bytes).digest('hex'));
        const checked = verifyJws(record.eventJws, Buffer.from(jcs(record.event), 'utf8'), regionKeys);
        expect(checked.ok).toBe(true);
        expect(checked.kid?.split('.')[0]).toBe(record.event.source);
        checkedEvents += 1;
      }
    }
    expect(checkedEvents).toBeGreaterThan(40);
  });

  it('every id is a UUIDv7 or UUIDv8, and each reaction id recomputes from its cause as WIRE.md "Ids" says', () => {
    const uuidV8 = (namespace: string, name: string): string => {
      const b = createHash('sha256').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16);
      b[6] = (b[6]! & 0x0f) | 0x80;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = b.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    };
    const REACTION = 'b80a9a41-9775-807b-9f21-60368e4f2eaf';
    expect(uuidV8('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'reaction.ids.xr-gateway.cn')).toBe(REACTION);
    type Event = { id: string; type: string; caseId: string; payload: { eventId?: string; request?: { id: string } } };
    const events = ofKind('inbox').map((r) => JSON.parse(Buffer.from(r.value, 'base64').toString('utf8')) as Event);
    for (const e of events) for (const id of [e.id, e.caseId]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[78][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const submissions = new Map(events.filter((e) => e.type === 'case.submitted').map((e) => [e.caseId, e.id]));
    const causeOf = (e: Event): string | undefined =>
      e.type === 'case.received' ? submissions.get(e.caseId) : e.type === 'case.request-accepted' ? e.payload.request?.id : e.type === 'case.request-refused' ? e.payload.eventId : undefined;
    const reactions = events.filter((e) => causeOf(e) !== undefined);
    expect(reactions.filter((e) => e.type === 'case.received').length).toBeGreaterThanOrEqual(3);
    for (const e of reactions) expect(e.id, e.type).toBe(uuidV8(REACTION, `${causeOf(e)!}/0`));
  });
});

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

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to from a leaf hash, or undefined when it cannot. */
function rootFromProof(index: number, size: number, leaf: Buffer, proof: readonly Buffer[]): Buffer | undefined {
  if (index >= size) return undefined;
  const node = (l: Buffer, r: Buffer): Buffer => createHash('sha256').update(Buffer.of(1)).update(l).update(r).digest();
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else r = node(r, p);
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : undefined;
}

/**
 * A seal (docs/WIRE.md "Sealed batches"): a C2SP tlog-proof of the event's bytes whose checkpoint
 * is a C2SP signed note by the sender's region key (note key name `xr.seal.<region>`, key id =
 * SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0..4]) over `xr.seal.<source>/<target>`, size, root.
 */
function verifySeal(seal: string, payload: Buffer, keys: ReadonlyMap<string, KeyObject>): { ok: boolean; kid?: string; origin?: string; why?: string } {
  const [proofPart, ...noteParts] = seal.split('\n\n');
  const note = noteParts.join('\n\n');
  const lines = proofPart!.split('\n');
  if (lines[0] !== 'c2sp.org/tlog-proof@v1' || !lines[1]?.startsWith('index ')) return { ok: false, why: 'not a tlog-proof' };
  const index = Number(lines[1].slice('index '.length));
  const proof = lines.slice(2).map((l) => Buffer.from(l, 'base64'));
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  const sigLine = note.slice(split + 2).split('\n')[0]!;
  const [dash, name, sigB64] = sigLine.split(' ');
  if (dash !== '\u2014' || !name || !sigB64) return { ok: false, why: 'no signature line' };
  const sig = Buffer.from(sigB64, 'base64');
  for (const [kid, key] of keys) {
    const raw = Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
    const keyId = createHash('sha256').update(`${name}\n`).update(Buffer.of(1)).update(raw).digest().subarray(0, 4);
    if (!keyId.equals(sig.subarray(0, 4))) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), key, sig.subarray(4))) return { ok: false, kid, why: 'note signature' };
    const [origin, size, root] = text.split('\n');
    const leaf = createHash('sha256').update(Buffer.of(0)).update(payload).digest();
    const computed = rootFromProof(index, Number(size), leaf, proof);
    return { ok: computed !== undefined && computed.equals(Buffer.from(root!, 'base64')), kid, origin: origin!, why: 'inclusion' };
  }
  return { ok: false, why: 'no key with that key id' };
}

/** The event's proof: its JWS, or its seal. */
function verifyEvent(proof: { jws?: string; seal?: string }, payload: Buffer, keys: ReadonlyMap<string, KeyObject>): { ok: boolean; kid?: string; origin?: string; why?: string } {
  if (proof.seal !== undefined && proof.jws !== undefined) return { ok: false, why: 'both' };
  return proof.seal !== undefined ? verifySeal(proof.seal, payload, keys) : verifyJws(proof.jws ?? '', payload, keys);
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

  it("every inbox event verifies with its source region's key (a JWS, or a seal), except the forged one, which was quarantined", () => {
    const sealedSeen = new Set<string>();
    const failed: { topic: string; offset: number; id: string }[] = [];
    const inbox = ofKind('inbox');
    expect(inbox.length).toBeGreaterThan(20);
    for (const r of inbox) {
      const bytes = Buffer.from(r.value, 'base64');
      const event = JSON.parse(bytes.toString('utf8')) as { id: string; caseId: string; source: string };
      const checked = verifyEvent({ jws: r.headers['xr-jws'], seal: r.headers['xr-seal'] }, bytes, regionKeys);
      if (r.headers['xr-seal'] !== undefined) sealedSeen.add(event.source);
      if (checked.origin !== undefined) expect(checked.origin).toMatch(new RegExp(`^xr\\.seal\\.${event.source}/\\d{6}$`));
      if (!checked.ok) {
        failed.push({ topic: r.topic, offset: r.offset, id: event.id });
        continue;
      }
      expect(jcs(event as unknown as Json)).toBe(bytes.toString('utf8'));
      expect(checked.kid?.split('.')[0]).toBe(event.source);
      expect(r.key).toBe(event.caseId);
    }
    expect(failed).toHaveLength(1);
    // Both modes are on the wire: 青岛 and 成都 seal batches, the others sign each event.
    expect([...sealedSeen].sort()).toEqual(['370200', '510100']);
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
        const record = JSON.parse(bytes.toString('utf8')) as { event: Json & { source: string }; eventJws?: string; eventSeal?: string; prev: string; n: number };
        expect(jcs(record as unknown as Json)).toBe(bytes.toString('utf8'));
        expect(record.prev).toBe(heads.get(r.partition) ?? '0'.repeat(64));
        expect(record.n).toBe(r.offset);
        heads.set(r.partition, createHash('sha256').update(bytes).digest('hex'));
        const checked = verifyEvent({ jws: record.eventJws, seal: record.eventSeal }, Buffer.from(jcs(record.event), 'utf8'), regionKeys);
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

  it('every checkpoint is a C2SP signed note by its region under <prefix>.journal.<region>, whose root the journal reproduces (RFC 6962), and cosignatures verify as tlog-cosignature/v1', () => {
    const raw = (k: KeyObject): Buffer => Buffer.from((k.export({ format: 'jwk' }) as { x: string }).x, 'base64url');
    const keyId = (name: string, type: number, key: Buffer): string => createHash('sha256').update(Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0x0a, type]), key])).digest().subarray(0, 4).toString('hex');
    const leaf = (b: Buffer): Buffer => createHash('sha256').update(Buffer.concat([Buffer.from([0]), b])).digest();
    const node = (l: Buffer, r: Buffer): Buffer => createHash('sha256').update(Buffer.concat([Buffer.from([1]), l, r])).digest();
    const root = (leaves: Buffer[]): Buffer => {
      if (leaves.length === 1) return leaves[0]!;
      let k = 1;
      while (k * 2 < leaves.length) k *= 2;
      return node(root(leaves.slice(0, k)), root(leaves.slice(k)));
    };
    const checkpoints = [...records.entries()].filter(([topic]) => topic.endsWith('.checkpoints')).flatMap(([, r]) => r);
    expect(checkpoints.length).toBeGreaterThan(4);
    let notes = 0;
    let cosigned = 0;
    for (const r of checkpoints) {
      const kind = r.headers['xr-kind'];
      if (kind === 'fork') continue;
      const value = Buffer.from(r.value, 'base64').toString('utf8');
      // A checkpoint record is a tlog-witness add-checkpoint body; a cosignature record is the note alone.
      const note = kind === 'checkpoint' ? value.slice(value.indexOf('\n\n') + 2) : value;
      const [text, sigs] = [note.slice(0, note.indexOf('\n\n') + 1), note.slice(note.indexOf('\n\n') + 2)];
      const [origin, size, rootB64] = text.split('\n') as [string, string, string];
      const [prefix, region, partition] = /^(.+)\.journal\.(\d{6})\/(\d+)$/.exec(origin)!.slice(1) as [string, string, string];
      const journal = records.get(`${prefix}.journal.${region}`)!.filter((j) => j.partition === Number(partition)).sort((a, b) => a.offset - b.offset);
      expect(root(journal.slice(0, Number(size)).map((j) => leaf(Buffer.from(j.value, 'base64')))).toString('base64'), `${origin} @ ${size}`).toBe(rootB64);
      for (const line of sigs.split('\n').filter((l) => l !== '')) {
        const [, name, sigB64] = /^\u2014 (\S+) (\S+)$/.exec(line)!;
        const sig = Buffer.from(sigB64!, 'base64');
        const signer = /\.(journal|witness)\.(\d{6})$/.exec(name!)!;
        const key = [...regionKeys.entries()].find(([kid, k]) => kid.startsWith(`${signer[2]}.`) && keyId(name!, signer[1] === 'journal' ? 1 : 4, raw(k)) === sig.subarray(0, 4).toString('hex'))?.[1];
        expect(key, line).toBeDefined();
        if (signer[1] === 'journal') {
          expect(verify(null, Buffer.from(text, 'utf8'), key!, sig.subarray(4))).toBe(true);
          notes += 1;
        } else {
          const t = sig.readBigUInt64BE(4);
          expect(verify(null, Buffer.from(`cosignature/v1\ntime ${t}\n${text}`, 'utf8'), key!, sig.subarray(12))).toBe(true);
          cosigned += 1;
        }
      }
    }
    expect(notes).toBeGreaterThan(4);
    expect(cosigned).toBeGreaterThan(4);
  });

  it('the 电子证照 青岛 issued is a vc+jwt W3C VC 2.0 credential that verifies with node:crypto alone, and its revocation is a signed status record', () => {
    const issued = ofKind('journal').map((r) => JSON.parse(Buffer.from(r.value, 'base64').toString('utf8')) as { event: { type: string; source: string; payload: { certificate?: { credential: string; id: string; digest: string } } } }).find((j) => j.event.type === 'certificate.issued' && j.event.source === '370200')!;
    const cert = issued.event.payload.certificate!;
    const [h, p, sig] = cert.credential.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg: string; typ: string; kid: string };
    expect(header).toEqual({ alg: 'EdDSA', kid: '370200.k1', typ: 'vc+jwt' });
    expect(verify(null, Buffer.from(`${h}.${p}`, 'ascii'), regionKeys.get(header.kid)!, Buffer.from(sig, 'base64url'))).toBe(true);
    const vc = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { '@context': string[]; type: string[]; id: string; credentialStatus: { type: string; statusPurpose: string }[] };
    expect(vc['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(vc.type).toContain('VerifiableCredential');
    expect(vc.id).toBe(`urn:gbt36904:${cert.id}`);
    expect(vc.credentialStatus.map((s) => `${s.type}/${s.statusPurpose}`)).toEqual(['BitstringStatusListEntry/revocation', 'BitstringStatusListEntry/suspension']);
    expect(createHash('sha256').update(cert.credential, 'ascii').digest('hex')).toBe(cert.digest);
    const status = [...records.entries()].filter(([topic]) => topic.endsWith('.status')).flatMap(([, r]) => r);
    const changes = status.map((r) => ({ r, record: JSON.parse(Buffer.from(r.value, 'base64').toString('utf8')) as { certificate: string; status: string; digest: string } })).filter((s) => s.record.certificate === cert.id);
    expect(changes.map((c) => c.record.status)).toEqual(['issued', 'revoked']);
    for (const { r, record } of changes) {
      expect(record.digest).toBe(cert.digest);
      expect(verifyJws(r.headers['xr-jws']!, Buffer.from(r.value, 'base64'), regionKeys)).toMatchObject({ ok: true, kid: '370200.k1' });
    }
  });
});


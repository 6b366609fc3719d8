/**
 * The audit export (docs/WIRE.md "Audit export"): one JSON-lines file per topic partition,
 * `<dir>/<topic>/<partition>.jsonl`, and `<dir>/manifest.json` (RFC 8785) naming every file with
 * its record count, size and SHA-256, and the outboxes' cursors. `exportSource` trusts nothing:
 * the manifest must be canonical, every file it lists present with its size and hash, and no other
 * file there; the records are then judged by the audit as if read from Kafka.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { canonicalJson } from '@xr/crypto';
import { fail, ok, type Result } from '@xr/domain';
import { topics } from '@xr/exchange';
import type { AuditSource, OutboxCursor, SourceRecord } from './source.js';

export const EXPORT_FORMAT = 'xr-audit-export/v1';
/** Records an export source reads before it hands them on. */
const EXPORT_PAGE = 512;
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestFile {
  readonly path: string;
  readonly topic: string;
  readonly partition: number;
  readonly records: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: typeof EXPORT_FORMAT;
  readonly createdAt: string;
  readonly prefix: string;
  readonly regions: readonly string[];
  readonly files: readonly ManifestFile[];
  readonly cursors: readonly OutboxCursor[];
}

/** A record line as WIRE.md writes it (value in standard base64). */
export function recordLine(r: SourceRecord): string {
  return JSON.stringify({ topic: r.topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: r.key, headers: r.headers, value: Buffer.from(r.value.buffer, r.value.byteOffset, r.value.length).toString('base64') });
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * `text` decoded when it is canonical standard base64 (RFC 4648 §4: padded, nothing outside the
 * alphabet, the unused bits of the last character zero): the form `Buffer#toString('base64')`
 * writes, checked without writing it again and without a pass over the text of our own. Node's
 * decoder skips what is not in its alphabet (and stops at `=`), so every such character makes the
 * bytes fewer than the length says; what it takes besides the standard alphabet is base64url's
 * `-` and `_`, and any character past U+00FF by its low byte: those are looked for apart.
 */
export function canonicalBase64(text: string): Buffer | undefined {
  const length = canonicalBase64Length(text);
  if (length === undefined) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === length ? bytes : undefined;
}

/** The length `text` decodes to when it passes `canonicalBase64`'s checks but the count (which takes the decoding); else undefined. */
function canonicalBase64Length(text: string): number | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (pad > 0 && (BASE64_ALPHABET.indexOf(text[text.length - pad - 1]!) & (pad === 1 ? 0x03 : 0x0f)) !== 0) return undefined;
  // Wider characters are taken by their low byte: 'ń' (U+0144) decodes as 'D'. So only ASCII (a native count).
  if (text.includes('-') || text.includes('_') || Buffer.byteLength(text, 'utf8') !== text.length) return undefined;
  return (text.length / 4) * 3 - pad;
}

/**
 * Where an export's record values are decoded: one chunk of a MiB holds several hundred of them
 * (a Buffer a value took an 8 KiB pool slab every five records, each a new ArrayBuffer: ~1 µs a
 * record on the folding thread). A value is a view into its chunk; a chunk lives as long as one of
 * its values does (the audit keeps them all anyway).
 */
export class ValueChunks {
  private chunk = Buffer.allocUnsafeSlow(0);
  private used = 0;

  /** `canonicalBase64` of `text`, decoded into the current chunk. */
  decode(text: string): Uint8Array | undefined {
    const length = canonicalBase64Length(text);
    if (length === undefined) return undefined;
    if (this.used + length > this.chunk.length) {
      this.chunk = Buffer.allocUnsafeSlow(Math.max(VALUE_CHUNK, length));
      this.used = 0;
    }
    const at = this.used;
    if (this.chunk.write(text, at, length, 'base64') !== length) return undefined;
    this.used += length;
    return new Uint8Array(this.chunk.buffer, this.chunk.byteOffset + at, length);
  }
}

const VALUE_CHUNK = 1 << 20;

/** A record from its line, or why not. */
export function parseRecordLine(line: string): SourceRecord | string {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (!o || typeof o !== 'object') return 'not an object';
  const r = o as Record<string, unknown>;
  if (typeof r['topic'] !== 'string' || !Number.isSafeInteger(r['partition']) || !Number.isSafeInteger(r['offset']) || !Number.isFinite(r['timestamp']) || typeof r['value'] !== 'string') return 'needs topic, partition, offset, timestamp and value';
  if (r['key'] !== undefined && typeof r['key'] !== 'string') return 'key is a string';
  const headers = r['headers'] ?? {};
  if (!headers || typeof headers !== 'object' || Object.values(headers).some((v) => typeof v !== 'string')) return 'headers map names to strings';
  const value = canonicalBase64(r['value']);
  if (!value) return 'value is not canonical standard base64';
  return { topic: r['topic'], partition: r['partition'] as number, offset: r['offset'] as number, timestamp: r['timestamp'] as number, ...(r['key'] === undefined ? {} : { key: r['key'] }), headers: headers as Record<string, string>, value: new Uint8Array(value.buffer, value.byteOffset, value.length) };
}

const LINE_TOPIC = Buffer.from('{"topic":"');
const LINE_PARTITION = Buffer.from('","partition":');
const LINE_OFFSET = Buffer.from(',"offset":');
const LINE_TIMESTAMP = Buffer.from(',"timestamp":');
const LINE_KEY = Buffer.from(',"key":"');
const LINE_HEADERS = Buffer.from(',"headers":{');
const LINE_VALUE = Buffer.from('},"value":"');

/** Whether `bytes[at, …)` starts with `part`. */
function startsWith(bytes: Uint8Array, at: number, end: number, part: Uint8Array): boolean {
  if (at + part.length > end) return false;
  for (let k = 0; k < part.length; k++) if (bytes[at + k] !== part[k]) return false;
  return true;
}

/** Where the string whose content starts at `at` ends (its closing quote), when it is printable ASCII with no escape; else -1. */
function plainString(bytes: Uint8Array, at: number, end: number): number {
  for (let k = at; k < end; k++) {
    const b = bytes[k]!;
    if (b === 0x22) return k;
    if (b === 0x5c || b < 0x20 || b > 0x7e) return -1;
  }
  return -1;
}

/** Where the integer starting at `at` ends, when it is JSON's (no leading zero) and safe; else -1. Its value is left in `integer`. */
function plainInteger(bytes: Uint8Array, at: number, end: number): number {
  let k = at;
  let n = 0;
  while (k < end && bytes[k]! >= 0x30 && bytes[k]! <= 0x39) n = n * 10 + (bytes[k++]! - 0x30);
  integer = n;
  return k === at || k - at > 15 || (bytes[at] === 0x30 && k - at > 1) ? -1 : k;
}

/** The value of the integer `plainInteger` last read (at most 15 digits: exact). */
let integer = 0;

/** The headers of a line that has none: one object for all of them (a record's headers are read only). */
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** The topic an export file should hold, as text and as its bytes. */
export interface ExpectedTopic {
  readonly text: string;
  readonly bytes: Uint8Array;
}

/**
 * `parseRecordLine` of the line at `bytes[start, end)` (no newline), read from its bytes where it is
 * written as `recordLine` writes it: the members in that order, every string printable ASCII with
 * no escape, integers in plain digits, the value's base64 in one piece; no string of the whole
 * line, no object parsed. Undefined for any other line, good or bad: the caller then decodes it
 * and asks `parseRecordLine`, which has the last word (a property test holds the two to the same
 * answer on written, damaged and hand-made lines).
 */
export function readRecordLine(bytes: Buffer, start: number, end: number, values: ValueChunks, expected?: ExpectedTopic): SourceRecord | undefined {
  if (!startsWith(bytes, start, end, LINE_TOPIC)) return undefined;
  let p = start + LINE_TOPIC.length;
  const topicEnd = plainString(bytes, p, end);
  if (topicEnd < 0) return undefined;
  // The topic the file should hold, as one string for all its lines; another one read as it is.
  const topic = expected && topicEnd - p === expected.bytes.length && startsWith(bytes, p, topicEnd, expected.bytes) ? expected.text : bytes.toString('latin1', p, topicEnd);
  p = topicEnd;
  if (!startsWith(bytes, p, end, LINE_PARTITION)) return undefined;
  p = plainInteger(bytes, p + LINE_PARTITION.length, end);
  const partition = integer;
  if (p < 0 || !startsWith(bytes, p, end, LINE_OFFSET)) return undefined;
  p = plainInteger(bytes, p + LINE_OFFSET.length, end);
  const offset = integer;
  if (p < 0 || !startsWith(bytes, p, end, LINE_TIMESTAMP)) return undefined;
  p = plainInteger(bytes, p + LINE_TIMESTAMP.length, end);
  const timestamp = integer;
  if (p < 0) return undefined;
  let key: string | undefined;
  if (startsWith(bytes, p, end, LINE_KEY)) {
    p += LINE_KEY.length;
    const keyEnd = plainString(bytes, p, end);
    if (keyEnd < 0) return undefined;
    key = bytes.toString('latin1', p, keyEnd);
    p = keyEnd + 1;
  }
  if (!startsWith(bytes, p, end, LINE_HEADERS)) return undefined;
  p += LINE_HEADERS.length;
  let headers: Record<string, string> | undefined;
  while (bytes[p] === 0x22) {
    const nameEnd = plainString(bytes, p + 1, end);
    if (nameEnd < 0 || bytes[nameEnd + 1] !== 0x3a || bytes[nameEnd + 2] !== 0x22) return undefined;
    const name = bytes.toString('latin1', p + 1, nameEnd);
    const valueEnd = plainString(bytes, nameEnd + 3, end);
    // A member named __proto__ would be the object's prototype here, an own member in JSON.parse's.
    if (valueEnd < 0 || name === '__proto__') return undefined;
    (headers ??= {})[name] = bytes.toString('latin1', nameEnd + 3, valueEnd);
    p = valueEnd + 1;
    if (bytes[p] === 0x2c && bytes[p + 1] === 0x22) p++;
    else if (bytes[p] !== 0x7d) return undefined;
  }
  if (!startsWith(bytes, p, end, LINE_VALUE)) return undefined;
  p += LINE_VALUE.length;
  // The value runs to the line's closing `"}`; what it holds is canonicalBase64's to judge (a quote,
  // a backslash or anything else outside the alphabet makes it refuse).
  const valueEnd = end - 2;
  if (valueEnd < p || bytes[valueEnd] !== 0x22 || bytes[valueEnd + 1] !== 0x7d) return undefined;
  const value = values.decode(bytes.toString('latin1', p, valueEnd));
  if (!value) return undefined;
  return key === undefined ? { topic, partition, offset, timestamp, headers: headers ?? NO_HEADERS, value } : { topic, partition, offset, timestamp, key, headers: headers ?? NO_HEADERS, value };
}

/** Topics an export holds: the registry, the checkpoints, every region's journal and quarantine. */
export function exportedTopics(prefix: string, regions: readonly string[]): string[] {
  const t = topics(prefix);
  return [t.registry, t.checkpoints, ...regions.flatMap((r) => [t.journal(r), t.quarantine(r)])];
}

export async function writeExport(source: AuditSource, dir: string): Promise<Result<Manifest>> {
  const regions = await source.regions();
  const files: ManifestFile[] = [];
  for (const topic of exportedTopics(source.prefix, regions)) {
    const n = await source.partitions(topic);
    for (let partition = 0; partition < n; partition++) {
      const path = `${topic}/${partition}.jsonl`;
      await mkdir(join(dir, topic), { recursive: true });
      const file = await open(join(dir, path), 'w');
      const hash = createHash('sha256');
      let records = 0;
      let bytes = 0;
      try {
        let chunk: string[] = [];
        const flush = async (): Promise<void> => {
          if (chunk.length === 0) return;
          const data = Buffer.from(chunk.join(''), 'utf8');
          hash.update(data);
          bytes += data.length;
          await file.write(data);
          chunk = [];
        };
        for await (const r of source.records(topic, partition)) {
          chunk.push(`${recordLine(r)}\n`);
          records++;
          if (chunk.length >= 1_000) await flush();
        }
        await flush();
      } finally {
        await file.close();
      }
      files.push({ path, topic, partition, records, bytes, sha256: hash.digest('hex') });
    }
  }
  const manifest: Manifest = { format: EXPORT_FORMAT, createdAt: new Date().toISOString(), prefix: source.prefix, regions, files, cursors: await source.cursors() };
  await writeFile(join(dir, MANIFEST_FILE), canonicalJson(manifest));
  return ok(manifest);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

function checkManifest(raw: unknown): Result<Manifest> {
  const m = raw as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== EXPORT_FORMAT) return fail('XR_AUDIT_EXPORT_TAMPERED', `${MANIFEST_FILE} is not an ${EXPORT_FORMAT} manifest`, 'format');
  if (typeof m.prefix !== 'string' || !Array.isArray(m.regions) || !Array.isArray(m.files) || !Array.isArray(m.cursors)) return fail('XR_AUDIT_EXPORT_TAMPERED', `${MANIFEST_FILE} needs prefix, regions, files and cursors`, 'manifest');
  for (const [i, f] of (m.files as readonly Partial<ManifestFile>[]).entries()) {
    const ok_ = f && typeof f.path === 'string' && typeof f.topic === 'string' && f.path === `${f.topic}/${f.partition}.jsonl` && !f.path.includes('..') && Number.isSafeInteger(f.records) && Number.isSafeInteger(f.bytes) && /^[0-9a-f]{64}$/.test(String(f.sha256));
    if (!ok_) return fail('XR_AUDIT_EXPORT_TAMPERED', `manifest file entry ${i} is malformed`, `files[${i}]`);
  }
  return ok(m as Manifest);
}

/** An export as a source, after checking it against its manifest (first failure returned). */
export async function exportSource(dir: string): Promise<Result<AuditSource & { readonly manifest: Manifest }>> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return fail('XR_AUDIT_EXPORT_INCOMPLETE', `no ${MANIFEST_FILE} in ${dir}`, MANIFEST_FILE);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('XR_AUDIT_EXPORT_TAMPERED', `${MANIFEST_FILE} is not JSON`, MANIFEST_FILE);
  }
  if (canonicalJson(raw) !== text) return fail('XR_AUDIT_EXPORT_TAMPERED', `${MANIFEST_FILE} is not RFC 8785 canonical JSON`, MANIFEST_FILE);
  const checked = checkManifest(raw);
  if (!checked.ok) return checked;
  const manifest = checked.value;
  const present = new Set(await listFiles(dir));
  present.delete(MANIFEST_FILE);
  const contents = new Map<string, Buffer>();
  for (const f of manifest.files) {
    if (!present.delete(f.path)) return fail('XR_AUDIT_EXPORT_INCOMPLETE', `${f.path} is listed in the manifest but missing`, f.path);
    const data = await readFile(join(dir, f.path));
    if (data.length !== f.bytes || createHash('sha256').update(data).digest('hex') !== f.sha256) return fail('XR_AUDIT_EXPORT_TAMPERED', `${f.path} is not the file the manifest lists (size or SHA-256 differ)`, f.path);
    contents.set(f.path, data);
  }
  const extra = [...present].sort()[0];
  if (extra !== undefined) return fail('XR_AUDIT_EXPORT_INCOMPLETE', `${extra} is in the export but not in its manifest`, extra);
  const byTopic = new Map<string, ManifestFile[]>();
  for (const f of manifest.files) byTopic.set(f.topic, [...(byTopic.get(f.topic) ?? []), f]);
  const source: AuditSource & { readonly manifest: Manifest } = {
    manifest,
    prefix: manifest.prefix,
    regions: async () => [...manifest.regions],
    partitions: async (topic) => byTopic.get(topic)?.length ?? 0,
    async *pages(topic, partition, from = 0) {
      const data = contents.get(`${topic}/${partition}.jsonl`);
      if (!data) return;
      // Line by line from the bytes (no string of the whole file, no array of all its lines), a page
      // of lines at a time; a line that is not a record ends the partition after the ones before it.
      let page: SourceRecord[] = [];
      const values = new ValueChunks();
      const expected: ExpectedTopic = { text: topic, bytes: Buffer.from(topic, 'utf8') };
      for (let i = 0, at = 0; at < data.length; i++) {
        const newline = data.indexOf(0x0a, at);
        const end = newline < 0 ? data.length : newline;
        const r = readRecordLine(data, at, end, values, expected) ?? parseRecordLine(data.toString('utf8', at, end));
        at = end + 1;
        if (typeof r === 'string' || r.topic !== topic || r.partition !== partition) {
          if (page.length > 0) yield page;
          throw new SourceError('XR_AUDIT_RECORD_MALFORMED', `${topic}/${partition}.jsonl line ${i + 1}: ${typeof r === 'string' ? r : 'names another topic or partition'}`, topic, partition, i);
        }
        if (r.offset >= from) page.push(r);
        if (page.length === EXPORT_PAGE) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    },
    async *records(topic, partition, from = 0) {
      for await (const page of source.pages!(topic, partition, from)) yield* page;
    },
    cursors: async () => [...manifest.cursors],
    recordCount: async (topic) => (byTopic.get(topic) ?? []).reduce((n, f) => n + f.records, 0),
  };
  return ok(source);
}

/** A source that could not deliver a record (an export line that is not a record). */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly code: 'XR_AUDIT_RECORD_MALFORMED',
    message: string,
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
  ) {
    super(message);
  }
}

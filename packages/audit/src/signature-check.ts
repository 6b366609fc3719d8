/**
 * Each journaled event's sender signature: the detached JWS (`b64: false`, EdDSA) over the event's
 * bytes, or its seal (the tlog-proof of the bytes in the sender's signed batch), by a key of the
 * event's `source`, valid in the registry as it stood when the record was written (judged at
 * max(event time, log time − max backdate), as the gateways judge it). An event held by two
 * journals with the same bytes and proof is verified once. JWS verification runs on a worker
 * pool; key look-ups stay here. A seal's inclusion proof is followed where its record was scanned
 * (journal-scan.ts, maybe on a worker thread); here its note is verified once per batch (the
 * exchange's note memo) and the key judged for each event.
 */
import type { KeyObject } from 'node:crypto';
import { parseKid } from '@xr/crypto';
import { judgeSealPath, type Trust } from '@xr/exchange';
import { leafHash, proofPath, type ProofPath } from '@xr/tlog';
import { eventBytes, sameEventBytes, sameSpan, sealText, type JournalEntry } from './journal-scan.js';
import type { RegistryTimeline } from './registry-replay.js';
import type { Anomaly } from './report.js';
import { SignaturePool, verifyInline, type SignatureJob } from './signature-pool.js';

const BATCH = 1_024;
const INLINE_BELOW = 256;

interface Pending {
  readonly job: SignatureJob;
  readonly entries: JournalEntry[];
}

const headerCache = new Map<string, { kid: string } | undefined>();

function protectedHeader(encoded: string): { kid: string } | undefined {
  if (headerCache.has(encoded)) return headerCache.get(encoded);
  let out: { kid: string } | undefined;
  try {
    const h = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Record<string, unknown>;
    const crit = h['crit'];
    if (h['alg'] === 'EdDSA' && h['b64'] === false && typeof h['kid'] === 'string' && Array.isArray(crit) && crit.length === 1 && crit[0] === 'b64') out = { kid: h['kid'] };
  } catch {
    out = undefined;
  }
  if (headerCache.size < 10_000) headerCache.set(encoded, out);
  return out;
}

const rawKeys = new WeakMap<KeyObject, string>();

function rawKeyOf(key: KeyObject): string {
  let x = rawKeys.get(key);
  if (x === undefined) {
    x = key.export({ format: 'jwk' }).x ?? '';
    rawKeys.set(key, x);
  }
  return x;
}

/**
 * Whether two sealed entries hold the same event bytes under the same seal string (the same JSON
 * bytes: canonical JSON writes a string one way). Both records put the seal right after the event
 * (`,"eventSeal":` between), so one comparison of the span from the event to the end of the seal
 * answers when the parts have the same lengths; else (only if that span differs) each part alone.
 */
function sameSealed(a: JournalEntry, b: JournalEntry): boolean {
  const x = a.event!;
  const y = b.event!;
  if (x.sealStart === undefined || x.sealEnd === undefined || y.sealStart === undefined || y.sealEnd === undefined) return false;
  if (x.bytesEnd - x.bytesStart !== y.bytesEnd - y.bytesStart || x.sealEnd - x.sealStart !== y.sealEnd - y.sealStart) return false;
  if (x.bytesStart <= x.sealStart && y.bytesStart <= y.sealStart && sameSpan(a.value, x.bytesStart, x.sealEnd, b.value, y.bytesStart, y.sealEnd)) return true;
  return sameSpan(a.value, x.sealStart, x.sealEnd, b.value, y.sealStart, y.sealEnd) && sameEventBytes(a, b);
}

export interface SignatureCheck {
  /**
   * Offers a journal entry (and, for a sent sealed event, where its proof led when it was scanned);
   * returns at once (verification is batched). Returns the entry it was checked by reference to
   * (the same bytes under the same seal or JWS), when it was. `first`: the caller knows no copy of
   * this event was offered before (the first copy in its sender's journal, whose received copies
   * are offered after it), so none is looked for.
   */
  add(entry: JournalEntry, sealPath?: ProofPath, first?: boolean): JournalEntry | undefined;
  /** Waits for every verdict; returns how many distinct signatures were verified. */
  finish(): Promise<number>;
}

/** The exchange's key judgement over the registry as it stood at each record's log time. */
function timelineTrust(registry: RegistryTimeline): Pick<Trust, 'keyFor' | 'regionKeys'> {
  return {
    keyFor: (kid, signedAt, receivedAt) => {
      const found = registry.at(receivedAt).keyFor(kid, signedAt, { receivedAt });
      // A key registered a moment after the record's log time (clocks of two writers) is still known.
      return !found.ok && found.code === 'XR_KEY_UNKNOWN' ? registry.final.keyFor(kid, signedAt, { receivedAt }) : found;
    },
    regionKeys: (region) => registry.final.regionKeys(region),
  };
}

export function signatureCheck(registry: RegistryTimeline, anomalies: Anomaly[], pool = new SignaturePool()): SignatureCheck {
  const trust = timelineTrust(registry);
  /** A sealed event's first copy checked (the same bytes under the same seal are not checked twice). */
  const sealed = new Map<string, JournalEntry>();
  // The last entry put in `sealed` and its id: a received copy is most often offered right after
  // its sent copy (see replay.ts), and is then found without a look-up.
  let lastId: string | undefined;
  let last: JournalEntry | undefined;
  const remember = (id: string, entry: JournalEntry): void => {
    sealed.set(id, entry);
    lastId = id;
    last = entry;
  };
  const byEvent = new Map<string, Pending>();
  let batch: Pending[] = [];
  const running: Promise<void>[] = [];
  let started = false;
  let verified = 0;

  const report = (p: Pending, ok: boolean): void => {
    verified++;
    if (ok) return;
    for (const e of p.entries) anomalies.push(refusal(e, 'XR_SIGNATURE_INVALID', `the sender's signature does not verify over the event's bytes`));
  };
  const flush = (): void => {
    const jobs = batch;
    batch = [];
    started = true;
    running.push(pool.verify(jobs.map((p) => p.job)).then((verdicts) => jobs.forEach((p, i) => report(p, verdicts[i]!))));
  };

  return {
    add(entry, sealPath, first = false) {
      const event = entry.event;
      if (!event) return undefined;
      if (event.sealStart !== undefined) {
        // Held by both journals: the same bytes under the same seal are checked once.
        const same = first ? undefined : lastId === event.id ? last : sealed.get(event.id);
        if (same && sameSealed(same, entry)) return same;
        // The inclusion proof was followed where the record was scanned (maybe a worker thread); the note and key are judged here.
        // A received copy with no sent copy to match (the sender's journal not audited, or not the same) is followed here.
        const path = sealPath ? ({ ok: true, value: sealPath } as const) : event.sealMalformed !== undefined ? ({ ok: false, message: event.sealMalformed } as const) : proofPath(sealText(entry) ?? '', leafHash(eventBytes(entry)));
        const checked = path.ok ? judgeSealPath(path.value, event, entry.timestamp, trust, 'eventSeal') : ({ ok: false, code: 'XR_SIGNATURE_MALFORMED', reason: `the seal: ${path.message}` } as const);
        verified++;
        if (!checked.ok) return void anomalies.push(refusal(entry, checked.code, `${checked.reason} (record written ${new Date(entry.timestamp).toISOString()})`));
        if (checked.region !== event.source) return void anomalies.push(refusal(entry, 'XR_KEY_REGION_MISMATCH', `sealed by ${checked.kid}, not by a key of the source region ${event.source}`));
        if (!same) remember(event.id, entry);
        return undefined;
      }
      const jws = event.jws ?? '';
      const known = byEvent.get(event.id);
      if (known && known.job.signature !== undefined && sameEventBytes(known.entries[0]!, entry) && known.entries[0]!.event!.jws === jws) {
        known.entries.push(entry);
        return known.entries[0];
      }
      const parts = jws.split('.');
      const header = parts.length === 3 && parts[1] === '' ? protectedHeader(parts[0]!) : undefined;
      if (!header) return void anomalies.push(refusal(entry, 'XR_SIGNATURE_MALFORMED', 'eventJws is not a detached EdDSA JWS with b64 false'));
      const kid = parseKid(header.kid);
      if (!kid || kid.region !== event.source) return void anomalies.push(refusal(entry, 'XR_KEY_REGION_MISMATCH', `signed by ${header.kid}, not by a key of the source region ${event.source}`));
      let found = registry.at(entry.timestamp).keyFor(header.kid, event.time, { receivedAt: entry.timestamp });
      // A key registered a moment after the record's log time (clocks of two writers) is still known.
      if (!found.ok && found.code === 'XR_KEY_UNKNOWN') found = registry.final.keyFor(header.kid, event.time, { receivedAt: entry.timestamp });
      if (!found.ok) return void anomalies.push(refusal(entry, found.code, `${found.reason} (record written ${new Date(entry.timestamp).toISOString()})`));
      const x = rawKeyOf(found.key.publicKey);
      const signature = Buffer.from(parts[2]!, 'base64url');
      const input = Buffer.concat([Buffer.from(`${parts[0]}.`, 'ascii'), eventBytes(entry)]);
      const pending: Pending = { job: { x, input, signature }, entries: [entry] };
      if (!known) byEvent.set(event.id, pending);
      batch.push(pending);
      if (batch.length >= BATCH) flush();
      return undefined;
    },
    async finish() {
      if (!started && batch.length < INLINE_BELOW) {
        for (const p of batch) report(p, verifyInline(p.job));
        batch = [];
      } else if (batch.length > 0) flush();
      try {
        await Promise.all(running);
      } finally {
        await pool.close();
      }
      return verified;
    },
  };
}

function refusal(e: JournalEntry, code: string, message: string): Anomaly {
  return { code, topic: e.topic, partition: e.partition, offset: e.offset, region: e.region, ...(e.event ? { caseId: e.event.caseId, eventId: e.event.id } : {}), message: `event ${e.event?.id ?? '?'}: ${message}` };
}

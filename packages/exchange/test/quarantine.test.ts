/**
 * A record is never too large to quarantine: above `limits.recordBytes` it is quarantined
 * XR_RECORD_TOO_LARGE by digest, size, position and a prefix; any other record whose entry is too
 * large to write whole, or that the log refuses whole, is written reduced. The partition moves on.
 */
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalBytes, signDetached } from '@xr/crypto';
import type { EventLog } from '@xr/event-log';
import { FileEventLog } from '@xr/event-log-file';
import { Counters } from '@xr/observability';
import { ExchangeGateway, JWS_HEADER, KeyRing, newId, topics } from '../src/index.js';
import { eventually, quietLogger, region, submission } from './fixtures.js';

const liaocheng = region('371500');
const qingdao = region('370200');
const t = topics('t');
const opened: FileEventLog[] = [];

afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
});

/** A log that refuses any quarantine append carrying a record larger than `max` bytes, as a stricter broker would. */
function strictQuarantine(log: EventLog, max: number): EventLog {
  return new Proxy(log, {
    get(target, prop) {
      if (prop === 'append') {
        return async (topic: string, records: Parameters<EventLog['append']>[1]) => {
          if (topic === t.quarantine(qingdao.code) && records.some((r) => r.value.length > max)) throw new Error('MESSAGE_TOO_LARGE: larger than the broker accepts');
          return target.append(topic, records);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function start(wrap: (log: EventLog) => EventLog = (l) => l) {
  const log = await FileEventLog.open({ dir: await mkdtemp(join(tmpdir(), 'xr-quarantine-')) });
  opened.push(log);
  const gw = new ExchangeGateway({
    region: qingdao.code,
    log: wrap(log),
    signer: qingdao.signer,
    keys: new KeyRing([qingdao.publicJwk, liaocheng.publicJwk]),
    topics: t,
    partitions: 3,
    logger: quietLogger,
    counters: new Counters(),
    limits: { recordBytes: 16 * 1024, quarantineEntryBytes: 16 * 1024 },
  });
  await gw.start();
  await log.createTopic(t.inbox(liaocheng.code), { partitions: 3 });
  return { log, gw };
}

/** A genuine case from 聊城, after the bad records in the same partition (same key). */
async function genuine(log: EventLog, caseId: string): Promise<void> {
  const event = { id: newId(), type: 'case.submitted', v: 1, caseId, seq: 1, source: liaocheng.code, target: qingdao.code, time: new Date().toISOString(), payload: submission(qingdao.code) };
  const bytes = canonicalBytes(event);
  await log.append(t.inbox(qingdao.code), [{ id: event.id, key: caseId, value: bytes, headers: { [JWS_HEADER]: await signDetached(bytes, liaocheng.signer) } }]);
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('quarantine of records too large to keep whole', () => {
  it('a record over limits.recordBytes is XR_RECORD_TOO_LARGE with digest, size, position and a 1 KiB prefix; the partition moves on', async () => {
    const { log, gw } = await start();
    const caseId = gw.newCaseId();
    const big = new Uint8Array(20 * 1024).fill(0x41);
    const [at] = await log.append(t.inbox(qingdao.code), [{ id: 'big', key: caseId, value: big, headers: { [JWS_HEADER]: 'x..y' } }]);
    await genuine(log, caseId);
    await eventually(() => gw.getCase(caseId));
    const [entry] = await gw.quarantine();
    expect(entry).toMatchObject({ code: 'XR_RECORD_TOO_LARGE', field: 'value', size: big.length, sha256: sha256(big), truncated: true, from: { topic: t.inbox(qingdao.code), partition: at!.partition, offset: at!.offset } });
    expect(entry!.value).toBeUndefined();
    expect(Buffer.from(entry!.prefix!, 'base64')).toEqual(Buffer.from(big.subarray(0, 1024)));
    await gw.stop();
  });

  it('a record within the limit whose entry would be too large is quarantined for its own reason, reduced', async () => {
    const { log, gw } = await start();
    const caseId = gw.newCaseId();
    const value = new Uint8Array(15 * 1024).fill(0x7b); // 15 KiB: its base64 entry is over 16 KiB
    await log.append(t.inbox(qingdao.code), [{ id: 'unsigned', key: caseId, value }]);
    await genuine(log, caseId);
    await eventually(() => gw.getCase(caseId));
    expect(await gw.quarantine()).toMatchObject([{ code: 'XR_SIGNATURE_MALFORMED', size: value.length, sha256: sha256(value), truncated: true }]);
    await gw.stop();
  });

  it('an entry the log refuses whole is written again reduced instead of retried forever', async () => {
    const { log, gw } = await start((l) => strictQuarantine(l, 4096));
    const caseId = gw.newCaseId();
    const value = new Uint8Array(6 * 1024).fill(0x20);
    const small = canonicalBytes({ forged: true });
    await log.append(t.inbox(qingdao.code), [
      { id: 'refused-whole', key: caseId, value, headers: { [JWS_HEADER]: 'x..y' } },
      { id: 'fits', key: caseId, value: small },
    ]);
    await genuine(log, caseId);
    await eventually(() => gw.getCase(caseId));
    const entries = await gw.quarantine();
    expect(entries.map((e) => [e.code, e.size, e.truncated ?? false])).toEqual([
      ['XR_SIGNATURE_MALFORMED', value.length, true],
      ['XR_SIGNATURE_MALFORMED', small.length, true],
    ]);
    await gw.stop();
  });
});

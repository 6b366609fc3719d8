import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, generateKeyPair, makeKid, signingKeyFromJwk } from '@xr/crypto';
import { GENESIS_HASH, type Envelope, type JournalRecord } from '@xr/domain';
import { FileEventLog } from '@xr/event-log-file';
import { KeyRing, hashRecord, newId } from '@xr/exchange';
import { StatusFollower, StatusPublisher, StatusWriter } from '@xr/status';

const CERT = '1.2.156.3005.2.11100000MB0143028R002.11370200MB12345674.1.001.0';

function issued(source: string, index: number, id = newId()): Envelope {
  return { id, type: 'certificate.issued', v: 1, caseId: newId(), seq: 5, source, target: '371500', time: '2026-12-03T08:00:00.000Z', payload: { certificate: { id: `${CERT.slice(0, -7)}${index}.001.0`, typeCode: '11100000MB0143028R002', name: '食品经营许可证', number: `N${index}`, credential: 'a.b.c', digest: String(index).repeat(64).slice(0, 64), statusIndex: index, validFrom: '2026-12-03T08:00:00.000Z' } } };
}

describe('StatusPublisher', () => {
  it('puts each certificate.issued of ours on the status topic once, after the journal, and resumes from its cursor', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xr-status-pub-'));
    const log = await FileEventLog.open({ dir });
    const qingdao = generateKeyPair(makeKid('370200', 1));
    const trust = new KeyRing([qingdao.publicJwk]);
    await log.createTopic('t.journal.370200', { partitions: 1 });
    let prev = GENESIS_HASH;
    const journal = async (events: Envelope[]): Promise<void> => {
      const start = await log.endOffset('t.journal.370200', 0);
      await log.append('t.journal.370200', events.map((event, i) => {
        const record: JournalRecord = { event, eventJws: 'x..y', prev, n: start + i, caseSeq: 1, recordedAt: event.time };
        const value = canonicalBytes(record);
        prev = hashRecord(value);
        return { id: event.id, key: event.caseId, value, partition: 0 };
      }));
    };
    // Ours, a partner's (not ours to publish), and something else.
    await journal([issued('370200', 0), issued('371500', 1), { ...issued('370200', 9), type: 'case.closed', payload: {} }]);
    const writer = new StatusWriter({ log, topic: 't.status', signer: signingKeyFromJwk(qingdao.privateJwk) });
    const follower = new StatusFollower({ log, topic: 't.status', trust });
    await follower.start();
    const publisher = new StatusPublisher({ log, region: '370200', journal: 't.journal.370200', partitions: 1, writer });
    publisher.start();
    await expect.poll(() => follower.state.size, { timeout: 5_000 }).toBe(1);
    expect(follower.state.at('370200', 0)).toMatchObject({ digest: '0'.repeat(64), issued: { offset: 0 } });
    await publisher.stop();

    await journal([issued('370200', 3)]);
    const again = new StatusPublisher({ log, region: '370200', journal: 't.journal.370200', partitions: 1, writer });
    again.start();
    await expect.poll(() => follower.state.size, { timeout: 5_000 }).toBe(2);
    await again.stop();
    expect(again.stats.published).toBe(1);
    expect(await log.endOffset('t.status', 0)).toBe(2);
    expect(follower.stats.refused).toBe(0);
    await follower.stop();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });
});

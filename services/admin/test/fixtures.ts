import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, makeKid, signingKeyFromJwk } from '@xr/crypto';
import { FileEventLog } from '@xr/event-log-file';
import { adminKid, RegistryFollower, RegistryWriter, TrustAnchor, type RefusedRecord } from '@xr/registry';
import { Registrar } from '../src/index.js';

export const admin = generateKeyPair(adminKid('ops', 1));
export const signer = signingKeyFromJwk(admin.privateJwk);
export const anchor = new TrustAnchor([admin.publicJwk]);
export const lc1 = generateKeyPair(makeKid('371500', 1));
export const lc2 = generateKeyPair(makeKid('371500', 2));
export const qd1 = generateKeyPair(makeKid('370200', 1));

export interface Desk {
  readonly log: FileEventLog;
  readonly topic: string;
  readonly writer: RegistryWriter;
  readonly follower: RegistryFollower;
  readonly registrar: Registrar;
  readonly refused: RefusedRecord[];
  follow(): Promise<RegistryFollower>;
  close(): Promise<void>;
}

/** An embedded log in a temporary directory, with a writer, a caught-up follower and a registrar. */
export async function openDesk(): Promise<Desk> {
  const dir = await mkdtemp(join(tmpdir(), 'xr-admin-'));
  const log = await FileEventLog.open({ dir });
  const topic = 'test.registry';
  const refused: RefusedRecord[] = [];
  const writer = new RegistryWriter({ log, topic, signer });
  await writer.ensureTopic();
  const followers: RegistryFollower[] = [];
  const follow = async (): Promise<RegistryFollower> => {
    const f = new RegistryFollower({ log, topic, anchor, onRefused: (r) => refused.push(r) });
    followers.push(f);
    await f.start();
    await f.ready();
    return f;
  };
  const follower = await follow();
  return {
    log,
    topic,
    writer,
    follower,
    registrar: new Registrar({ writer, follower, timeoutMs: 5_000 }),
    refused,
    follow,
    close: async () => {
      for (const f of followers) await f.stop();
      await log.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function registration(name = '聊城市') {
  return { region: '371500', name, keys: { keys: [lc1.publicJwk] }, contact: { name: '王工', email: 'ops@liaocheng.example.cn' } };
}

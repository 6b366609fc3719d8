/**
 * Regions, keys, a realistic 收件 payload and gateways for the benchmarks. Modelled on the exchange
 * tests' fixtures, but standing alone: a benchmark never imports another package's test folder.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { generateKeyPair, makeKid, signingKeyFromJwk, type PublicJwk, type SigningKey } from '@xr/crypto';
import { BUILT_IN_YEARS, catalogIndex, createYearlyCalendar, type Catalog, type Envelope, type JournalRecord, type SubmittedPayload, type WorkingDayCalendar } from '@xr/domain';
import { SAMPLE_CATALOG_370200, SAMPLE_CATALOG_371500 } from '@xr/domain/samples';
import type { EventLog } from '@xr/event-log';
import { ExchangeGateway, KeyRing, newId, type SigningMode, type Topics } from '@xr/exchange';
import { Counters, createLogger, type Logger } from '@xr/observability';

/** 聊城市: the hall that takes the papers in (收件地). */
export const LIAOCHENG = '371500';
/** 青岛市: the region that handles the item (业务属地). */
export const QINGDAO = '370200';

export interface BenchRegion {
  readonly code: string;
  readonly signer: SigningKey;
  readonly publicJwk: PublicJwk;
  readonly catalog: Catalog;
}

function region(code: string, catalog: Catalog): BenchRegion {
  const { privateJwk, publicJwk } = generateKeyPair(makeKid(code, 1));
  return { code, signer: signingKeyFromJwk(privateJwk), publicJwk, catalog };
}

export interface RegionPair {
  readonly sender: BenchRegion;
  readonly handler: BenchRegion;
}

/** Fresh keys for 聊城 (sender) and 青岛 (handling region), each with its own sample catalog. */
export function regionPair(): RegionPair {
  return { sender: region(LIAOCHENG, SAMPLE_CATALOG_371500), handler: region(QINGDAO, SAMPLE_CATALOG_370200) };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * 收件 of 食品经营许可证核发 at 聊城 for 青岛: a person with a valid resident ID, three materials
 * handed over, the two 容缺可缺 materials deferred (青岛's catalog requires five).
 */
export function submission(receivedAt: string) {
  const dueDate = new Date(Date.parse(receivedAt) + 14 * 86_400_000).toISOString().slice(0, 10);
  return {
    item: { code: `${QINGDAO}-SPJY-0001`, name: '食品经营许可证核发' },
    applicant: { kind: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X' },
    materials: [
      { name: '食品经营许可申请书', sha256: digest('食品经营许可申请书'), size: 184_320, mediaType: 'application/pdf' },
      { name: '营业执照', sha256: digest('营业执照'), size: 1_048_576, mediaType: 'image/jpeg' },
      { name: '法定代表人身份证明', sha256: digest('法定代表人身份证明'), size: 524_288, mediaType: 'application/pdf' },
    ],
    intake: { formCheck: 'passed', identityCheck: 'passed', receivedAt, window: '聊城市政务服务中心 跨省通办窗口 3号' },
    deferredMaterials: [
      { name: '食品安全管理制度', dueDate },
      { name: '经营场所平面布局图', dueDate },
    ],
  } satisfies SubmittedPayload;
}

/** A case.submitted envelope as 聊城 signs it. */
export function submittedEnvelope(time = new Date().toISOString()): Envelope {
  return { id: newId(), type: 'case.submitted', v: 1, caseId: newId(), seq: 1, source: LIAOCHENG, target: QINGDAO, time, payload: submission(time) };
}

/** The journal record 聊城 keeps for that envelope. */
export function journalRecord(event: Envelope, eventJws: string, prev: string, n: number): JournalRecord {
  return { event, eventJws, prev, n, caseSeq: 1, inbox: { partition: 1, offset: n }, recordedAt: event.time };
}

/** A pino logger that writes nowhere but counts warnings and errors (a clean run has none). */
export interface CountingLogger {
  readonly logger: Logger;
  readonly lines: () => number;
  readonly last: () => string | undefined;
}

export function countingLogger(): CountingLogger {
  let lines = 0;
  let last: string | undefined;
  const destination = new Writable({
    write: (chunk: Buffer | string, _encoding, done) => {
      lines += 1;
      last = String(chunk).trim();
      done();
    },
  });
  return { logger: createLogger({ level: 'warn', name: 'xr-bench', destination }), lines: () => lines, last: () => last };
}

let calendar: WorkingDayCalendar | undefined;

function stateCouncilCalendar(): WorkingDayCalendar {
  if (!calendar) {
    const made = createYearlyCalendar(BUILT_IN_YEARS);
    if (!made.ok) throw new Error(`built-in calendar: ${made.message}`);
    calendar = made.value;
  }
  return calendar;
}

/** A gateway wired as services/gateway wires one: its own catalog, the national calendar, 3 partitions; per-event signatures unless told. */
export function gateway(self: BenchRegion, partner: BenchRegion, log: EventLog, t: Topics, logger: Logger, signing: SigningMode = 'event'): ExchangeGateway {
  return new ExchangeGateway({
    signing,
    region: self.code,
    log,
    signer: self.signer,
    keys: new KeyRing([self.publicJwk, partner.publicJwk]),
    topics: t,
    partitions: 3,
    logger: logger.child({ region: self.code }),
    counters: new Counters(),
    catalogs: catalogIndex([self.catalog]),
    calendar: stateCouncilCalendar,
  });
}

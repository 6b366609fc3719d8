/**
 * 证照免提交 in the pure step, on arrays: given the journal-derived state, when a partner's
 * submission presenting an 电子证照 arrives, the handling region's verifier port judges it inside
 * the step; then the journal holds the 签收 recording the verdict, or the refusal naming the
 * material's field (and the record is quarantined with the verdict's code), and the receiving
 * region's copy follows from the journal alone.
 */
import { describe, expect, it } from 'vitest';
import { signDetached } from '@xr/crypto';
import { problem, type CertificateVerdict, type Envelope, type JournalRecord } from '@xr/domain';
import { partitionFor, type LogRecord } from '@xr/event-log';
import { GatewayState } from '../src/core/state.js';
import { step, type CertificateVerifier, type StepContext, type StepOutput } from '../src/core/step.js';
import { DEFAULT_RECORD_LIMITS } from '../src/record-limits.js';
import { encodeEnvelope } from '../src/journal-codec.js';
import { KeyRing } from '../src/keyring.js';
import { eventSigner, proofHeaders, proofOf } from '../src/signing.js';
import { JWS_HEADER } from '../src/topics.js';
import { region, submission, type TestRegion } from './fixtures.js';

const PARTITIONS = 3;
const NOW = '2026-12-02T08:00:00.000Z';
const liaocheng = region('371500');
const qingdao = region('370200');
const ring = new KeyRing([liaocheng.publicJwk, qingdao.publicJwk]);
const caseId = '0193f0a0-0000-7000-8000-0000000000c1';
const submissionId = '0193f0a0-0000-7000-8000-0000000000c2';
const partition = partitionFor(caseId, PARTITIONS);

const GOOD = 'eyJhbGciOiJFZERTQSJ9.eyJnb29kIjoxfQ.c2ln';
const REVOKED = 'eyJhbGciOiJFZERTQSJ9.eyJyZXZva2VkIjoxfQ.c2ln';
const CERT_ID = '1.2.156.3005.2.11100000MB0143028R002.11370200MB12345674.1.001.K';
const VERDICTS: ReadonlyMap<string, CertificateVerdict> = new Map([
  [GOOD, { valid: true, reasons: [], certificateId: CERT_ID, issuerRegion: '331081', typeCode: '11100000MB0143028R002', statusPosition: 17 }],
  [REVOKED, { valid: false, reasons: [problem('XR_CERT_REVOKED', 'the revocation bit is set'), problem('XR_CERT_NOT_RECOGNISED', 'no agreement')], certificateId: CERT_ID, issuerRegion: '331081', typeCode: '11100000MB0143028R002', statusPosition: 17 }],
]);

/** A verifier over the table that counts its calls. */
function verifier(): { verify: CertificateVerifier; calls: string[] } {
  const calls: string[] = [];
  return { calls, verify: (jws) => (calls.push(jws), VERDICTS.get(jws) ?? { valid: false, reasons: [problem('XR_CERT_MALFORMED', 'unknown')], statusPosition: 17 }) };
}

function ctx(self: TestRegion, verify?: CertificateVerifier): StepContext {
  return {
    self: self.code,
    limits: DEFAULT_RECORD_LIMITS,
    trust: ring,
    now: NOW,
    decide: { self: self.code, now: NOW },
    signAll: (items) => eventSigner('event', self.signer).signAll(items),
    ...(verify ? { verifyCertificate: verify } : {}),
  };
}

/** 聊城's submission presenting a certificate for 营业执照, as a record in the inbox of `to`. */
async function presented(to: TestRegion, certificate: string, offset = 0): Promise<LogRecord> {
  const payload = { ...submission('370200'), materials: [{ name: '营业执照', certificate }, ...submission('370200').materials] };
  const event: Envelope = { id: submissionId, type: 'case.submitted', v: 1, caseId, seq: 1, source: liaocheng.code, target: qingdao.code, time: NOW, payload };
  const bytes = encodeEnvelope(event);
  return { topic: `t.inbox.${to.code}`, partition, offset, id: event.id, key: caseId, value: bytes, headers: { [JWS_HEADER]: await signDetached(bytes, liaocheng.signer) }, timestamp: Date.parse(NOW) };
}

/** A journaled event as the partner's inbox receives it (what the outbox delivers). */
async function delivered(record: JournalRecord, offset: number): Promise<LogRecord> {
  const bytes = encodeEnvelope(record.event);
  return { topic: 't.inbox.371500', partition, offset, id: record.event.id, key: caseId, value: bytes, headers: proofHeaders(proofOf(record)), timestamp: Date.parse(NOW) };
}

function fold(state: GatewayState, out: StepOutput): void {
  for (const j of out.journal) state.apply(out.partition, j.record.n, j.record, j.bytes);
}

describe('证照免提交: given the handling region’s state, when a submission presents a certificate, then…', () => {
  it('a valid one: journals the submission and a 签收 recording the verdict (verifiedAt = the step’s time)', async () => {
    const state = new GatewayState(qingdao.code, PARTITIONS);
    const { verify, calls } = verifier();
    const out = await step(state, partition, [await presented(qingdao, GOOD)], ctx(qingdao, verify));
    expect(out.quarantine).toEqual([]);
    expect(out.journal.map((j) => j.record.event.type)).toEqual(['case.submitted', 'case.received']);
    expect(out.journal[1]!.record.event.payload).toEqual({ receivedAt: NOW, certificates: [{ material: '营业执照', certificateId: CERT_ID, issuerRegion: '331081', typeCode: '11100000MB0143028R002', verifiedAt: NOW, statusPosition: 17 }] });
    expect(calls).toEqual([GOOD]);
    fold(state, out);
    expect(state.cases.get(caseId)?.presentedCertificates).toMatchObject([{ material: '营业执照', certificateId: CERT_ID }]);
  });

  it('a refused one: quarantined with the verdict’s first code and the material’s field, and answered with a refusal carrying both', async () => {
    const state = new GatewayState(qingdao.code, PARTITIONS);
    const out = await step(state, partition, [await presented(qingdao, REVOKED)], ctx(qingdao, verifier().verify));
    expect(out.quarantine.map((q) => [q.entry.code, q.entry.field, q.eventId])).toEqual([['XR_CERT_REVOKED', '/payload/materials/0/certificate', submissionId]]);
    expect(out.quarantine[0]!.entry.message).toMatch(/营业执照.*XR_CERT_REVOKED.*XR_CERT_NOT_RECOGNISED/);
    expect(out.journal.map((j) => j.record.event.type)).toEqual(['case.request-refused']);
    expect(out.journal[0]!.record.event.payload).toMatchObject({ eventId: submissionId, type: 'case.submitted', code: 'XR_CERT_REVOKED', field: '/payload/materials/0/certificate' });
    fold(state, out);
    expect(state.cases.get(caseId)).toBeUndefined();
  });

  it('no verifier port: a presented certificate is refused XR_CERT_UNVERIFIABLE, never taken unchecked', async () => {
    const out = await step(new GatewayState(qingdao.code, PARTITIONS), partition, [await presented(qingdao, GOOD)], ctx(qingdao));
    expect(out.quarantine.map((q) => q.entry.code)).toEqual(['XR_CERT_UNVERIFIABLE']);
  });

  it('a verifier that throws refuses the certificate, not the batch', async () => {
    const out = await step(new GatewayState(qingdao.code, PARTITIONS), partition, [await presented(qingdao, GOOD)], ctx(qingdao, () => {
      throw new Error('status view unavailable');
    }));
    expect(out.quarantine.map((q) => [q.entry.code, q.entry.field])).toEqual([['XR_CERT_MALFORMED', '/payload/materials/0/certificate']]);
    expect(out.journal.map((j) => j.record.event.type)).toEqual(['case.request-refused']);
  });

  it('the step is deterministic given its inputs: the same batch and verdicts step to the same bytes (a re-step after a registry catch-up)', async () => {
    const record = await presented(qingdao, GOOD);
    const once = await step(new GatewayState(qingdao.code, PARTITIONS), partition, [record], ctx(qingdao, verifier().verify));
    const again = await step(new GatewayState(qingdao.code, PARTITIONS), partition, [record], ctx(qingdao, verifier().verify));
    expect(again.journal.map((j) => Buffer.from(j.bytes).toString('base64'))).toEqual(once.journal.map((j) => Buffer.from(j.bytes).toString('base64')));
  });

  it('the receiving region does not verify: only the handling region judges what is presented to it', async () => {
    const { verify, calls } = verifier();
    const out = await step(new GatewayState(liaocheng.code, PARTITIONS), partition, [await presented(liaocheng, GOOD)], ctx(liaocheng, verify));
    expect(out.journal.map((j) => j.record.event.type)).toEqual(['case.submitted']);
    expect(calls).toEqual([]);
  });
});

describe('…and the receiving region’s copy follows from the journal', () => {
  /** 聊城 journals its own submission, then 青岛's answer arrives. */
  async function exchange(certificate: string): Promise<GatewayState> {
    const hall = new GatewayState(liaocheng.code, PARTITIONS);
    fold(hall, await step(hall, partition, [await presented(liaocheng, certificate)], ctx(liaocheng)));
    const office = new GatewayState(qingdao.code, PARTITIONS);
    const answered = await step(office, partition, [await presented(qingdao, certificate)], ctx(qingdao, verifier().verify));
    const answers = answered.journal.filter((j) => j.record.event.source === qingdao.code);
    const records = await Promise.all(answers.map((j, i) => delivered(j.record, 1 + i)));
    fold(hall, await step(hall, partition, records, ctx(liaocheng)));
    return hall;
  }

  it('accepted: 聊城’s copy holds the verdict 青岛 recorded in its 签收', async () => {
    const hall = await exchange(GOOD);
    expect(hall.cases.get(caseId)).toMatchObject({ status: 'received', presentedCertificates: [{ material: '营业执照', certificateId: CERT_ID, verifiedAt: NOW, statusPosition: 17 }] });
  });

  it('refused: 聊城’s caller is answered with the code and the field', async () => {
    const hall = await exchange(REVOKED);
    const answer = hall.ledger.answerOf(submissionId);
    expect(answer).toMatchObject({ kind: 'refused', problem: { code: 'XR_CERT_REVOKED', field: '/payload/materials/0/certificate' } });
    expect(answer?.kind === 'refused' ? answer.problem.message : '').toContain('营业执照');
  });
});

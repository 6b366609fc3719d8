/** AdminService handlers: each call is authorized, mapped to a registry change or a query, and answered. */
import type { handleUnaryCall, sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type { Result } from '@xr/domain';
import type { EventLog } from '@xr/event-log';
import { callLogger, toServiceError } from '@xr/grpc-kit';
import type { Logger } from '@xr/observability';
import type { RegistryFollower, RegistryPayloads, RegistryRecordType } from '@xr/registry';
import type { AdminServiceHandlers, RegistryChange } from './admin-proto.js';
import type { AdminRpc, Authorize } from './authorize.js';
import { calendarFromMessage, calendarsMessage } from './calendar-mapping.js';
import { jwkFromMessage, partnerToMessage, registrationFromMessage } from './mapping.js';
import { serviceError } from './problems.js';
import { listQuarantine } from './quarantine.js';
import { witnessPolicyFromMessage, witnessPolicyMessage } from './witness-policy-mapping.js';
import type { ChangeResult, Registrar } from './registrar.js';

export interface AdminServiceDeps {
  readonly registrar: Registrar;
  readonly follower: RegistryFollower;
  readonly log: EventLog;
  readonly quarantineTopic: (region: string) => string;
  readonly logger: Logger;
  readonly authorize: Authorize;
  readonly clock: () => Date;
  /** The topic prefix: names the checkpoint keys in a printed witness policy. */
  readonly topicPrefix: string;
}

type Outcome<Res> = Result<Res>;

export function adminServiceHandlers(d: AdminServiceDeps): AdminServiceHandlers {
  function unary<Req, Res>(rpc: AdminRpc, handle: (request: Req) => Promise<Outcome<Res>>): handleUnaryCall<Req, Res> {
    return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
      const log = callLogger(d.logger, call.metadata);
      const run = async (): Promise<void> => {
        const denied = await d.authorize(call, rpc);
        if (denied) return callback(toServiceError(denied));
        const outcome = await handle(call.request);
        if (outcome.ok) return callback(null, outcome.value);
        log.info({ rpc, code: outcome.code, field: outcome.field }, 'admin request refused');
        callback(serviceError(outcome));
      };
      run().catch((error: unknown) => {
        log.error({ rpc, err: error instanceof Error ? error.message : String(error) }, 'admin request failed');
        callback(serviceError({ code: 'XR_INTERNAL', message: 'internal error; see the admin service log' }));
      });
    };
  }

  const answer = (result: ChangeResult): Outcome<RegistryChange> => {
    if (!result.ok) return result;
    const { recordId, offset, duplicate, partner } = result.value;
    const now = d.clock().toISOString();
    return { ok: true, value: { recordId, offset, duplicate, ...(partner ? { partner: partnerToMessage(partner, now) } : {}) } };
  };
  const change = <T extends RegistryRecordType>(type: T, payload: RegistryPayloads[T], requestId: string): Promise<Outcome<RegistryChange>> => d.registrar.change(type, payload, requestId).then(answer);

  return {
    RegisterPartner: unary('RegisterPartner', async (r) => {
      const payload = registrationFromMessage({ region: r.region, name: r.name, keys: r.keys, catalogJson: r.catalogJson, contact: r.contact });
      return payload.ok ? change('partner.registered', payload.value, r.requestId) : payload;
    }),
    RotateKey: unary('RotateKey', (r) => change('key.rotated', { region: r.region, newKey: jwkFromMessage(r.newKey), overlapUntil: r.overlapUntil }, r.requestId)),
    RevokeKey: unary('RevokeKey', (r) => change('key.revoked', { region: r.region, kid: r.kid, effectiveAt: r.effectiveAt }, r.requestId)),
    SuspendPartner: unary('SuspendPartner', (r) => change('partner.suspended', { region: r.region, reason: r.reason }, r.requestId)),
    ResumePartner: unary('ResumePartner', (r) => change('partner.resumed', { region: r.region }, r.requestId)),
    SetRecognition: unary('SetRecognition', (r) => change('recognition.set', { region: r.region, issuer: r.issuer, certificateTypes: r.certificateTypes }, r.requestId)),
    PublishCalendar: unary('PublishCalendar', (r) => change('calendar.published', calendarFromMessage(r), r.requestId)),
    SetWitnessPolicy: unary('SetWitnessPolicy', (r) => change('witness.policy.set', witnessPolicyFromMessage(r.region, r.quorum, r.witnesses), r.requestId)),
    GetWitnessPolicy: unary('GetWitnessPolicy', async (r) => witnessPolicyMessage(d.follower.state, d.topicPrefix, r.region)),
    ListCalendars: unary('ListCalendars', async (r) => {
      return calendarsMessage(d.follower.state, r.untilYear);
    }),
    ListPartners: unary('ListPartners', async () => {
      const now = d.clock().toISOString();
      return { ok: true, value: { partners: d.follower.state.partners().map((p) => partnerToMessage(p, now)), registryPosition: d.follower.stats.position } };
    }),
    ListQuarantine: unary('ListQuarantine', async (r) => {
      const listed = await listQuarantine(d.log, d.quarantineTopic(r.region), r.region, r.limit);
      return listed;
    }),
  };
}

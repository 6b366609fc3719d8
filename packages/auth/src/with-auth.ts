/**
 * grpc-js integration: wraps a service's handlers so every call is authenticated, then checked
 * against the policy (role and region), before the handler runs. The handler reads the Caller with
 * `callerOf(call)` and, once it has the case, checks the parties with `authorizeCase(call, parties)`.
 *
 * Why a wrapper and not a server interceptor (`new Server({ interceptors })`, grpc-js ≥ 1.10): an
 * interceptor sees a ServerInterceptingCall, not the call object the handler gets, so the Caller
 * could only reach the handler through metadata (stringly typed, and spoofable unless stripped);
 * the case-level check needs the handler anyway; and a wrapper keeps policy, region and error
 * mapping explicit per `addService`.
 */
import type { ServiceError, UntypedHandleCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import { fail, type Problem, type Result, type Side } from '@xr/domain';
import type { AuthenticatableCall, Authenticator } from './authenticator.js';
import { authorize, type CaseParties } from './authorize.js';
import type { Caller } from './caller.js';
import { ruleFor, type Policy } from './policy.js';
import { plainServiceError } from './service-error.js';

/** What pino's Logger satisfies. */
export interface AuthLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface WithAuthOptions {
  /** Fully qualified, e.g. `xr.gateway.v1.CaseService`; handlers without a policy entry are reported at wrap time. */
  readonly serviceName: string;
  readonly authenticator: Authenticator;
  readonly policy: Policy;
  /** The gateway's region. */
  readonly region: string;
  /** Problem → gRPC error; default a plain status. Pass @xr/grpc-edge's `toServiceError` for rich details. */
  readonly toServiceError?: (problem: Problem) => Partial<ServiceError>;
  readonly logger?: AuthLogger;
  /** The logger of one call (its trace ids on every line); default `logger`. */
  readonly callLogger?: (call: AuthenticatableCall) => AuthLogger | undefined;
}

interface ServerCall extends AuthenticatableCall {
  readonly cancelled: boolean;
  getPath(): string;
  getPeer(): string;
  emit(event: 'error', error: unknown): boolean;
}

interface CallAuth {
  readonly caller: Caller;
  readonly rpc: string;
  readonly policy: Policy;
  readonly region: string;
}

const authorized = new WeakMap<object, CallAuth>();

/** The authenticated caller of a call that went through `withAuth`. */
export function callerOf(call: object): Caller | undefined {
  return authorized.get(call)?.caller;
}

/** The case-level check, for a handler that has loaded the case (or is listing cases). */
export function authorizeCase(call: object, caseParties: CaseParties, side?: Side): Result<Caller> {
  const auth = authorized.get(call);
  if (!auth) return fail('XR_PERMISSION_DENIED', 'call was not authenticated (handler not wrapped by withAuth)');
  return authorize(auth.caller, auth.rpc, { region: auth.region, caseParties, ...(side ? { side } : {}) }, auth.policy);
}

function guard(handler: UntypedHandleCall, o: WithAuthOptions): UntypedHandleCall {
  const invoke = handler as (call: ServerCall, callback?: unknown) => void;
  const toError = o.toServiceError ?? plainServiceError;
  return (call: ServerCall, callback?: (error: Partial<ServiceError> | null, value?: null) => void): void => {
    const rpc = call.getPath().replace(/^\//, '');
    const log = o.callLogger?.(call) ?? o.logger;
    const refuse = (problem: Problem, caller?: Caller): void => {
      log?.info({ rpc, code: problem.code, peer: call.getPeer(), ...(caller ? { subject: caller.subject, role: caller.role, callerRegion: caller.region } : {}) }, 'call refused');
      const error = toError(problem);
      if (callback) callback(error, null);
      else call.emit('error', error);
    };
    const run = async (): Promise<void> => {
      const who = await o.authenticator.authenticate(call);
      if (!who.ok) return refuse(who);
      const allowed = authorize(who.value, rpc, { region: o.region }, o.policy);
      if (!allowed.ok) return refuse(allowed, who.value);
      if (call.cancelled) return;
      authorized.set(call, { caller: who.value, rpc, policy: o.policy, region: o.region });
      invoke(call, callback);
    };
    run().catch((error: unknown) => {
      log?.warn({ rpc, err: error instanceof Error ? error.message : String(error) }, 'handler failed');
      refuse(fail('XR_INTERNAL', 'internal error'));
    });
  };
}

/** The same handlers, each authenticated and authorized first. Unary and streaming alike. */
export function withAuth<H extends UntypedServiceImplementation>(handlers: H, o: WithAuthOptions): H {
  const wrapped: UntypedServiceImplementation = {};
  for (const [method, handler] of Object.entries(handlers)) {
    if (!ruleFor(o.policy, `${o.serviceName}/${method}`)) o.logger?.warn({ rpc: `${o.serviceName}/${method}` }, 'no policy entry: every call will be denied');
    wrapped[method] = guard(handler, o);
  }
  return wrapped as H;
}

/** A client interceptor that sends `authorization: Bearer <token>` on every call (works on insecure channels too, unlike call credentials). */
import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';

export function bearerInterceptor(token: string | (() => string)): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        metadata.set('authorization', `Bearer ${typeof token === 'function' ? token() : token}`);
        next(metadata, listener);
      },
    });
}

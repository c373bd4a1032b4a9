import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../../../domain/access.js';
import type { CallContext } from '../../../infrastructure/grpc/unary.js';
import type { HttpRequest } from '../http-types.js';
import type { Principal } from '../../../domain/access.js';

export const requiredRoleKey = 'tessera:required-role';
export const publicKey = 'tessera:public';

/**
 * The least role a caller must hold on some tenant to call this endpoint at all. Handlers then
 * check the role on the tenant the resource belongs to (`requireAccess`). Every endpoint carries
 * this or `@Public()`; the guard refuses one that carries neither.
 */
export const Requires = (role: Role) => SetMetadata(requiredRoleKey, role);

/** Open to anyone: only health and the API's own description. */
export const Public = () => SetMetadata(publicKey, true);

/** The authenticated caller and the context its forwarded calls carry. */
export interface Caller {
  readonly principal: Principal;
  readonly call: CallContext;
  /** Records the tenant a command touched, for the audit log. */
  touch(tenant: string): void;
}

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<HttpRequest>();
  const principal = request.principal;
  if (principal === undefined || request.correlationId === undefined) {
    throw new Error('CurrentCaller on an endpoint the authentication guard did not run for');
  }
  const caller: Caller = {
    principal,
    call: { actor: principal.subject, correlationId: request.correlationId },
    touch: (tenant) => {
      request.auditTenant = tenant;
    },
  };
  return caller;
});

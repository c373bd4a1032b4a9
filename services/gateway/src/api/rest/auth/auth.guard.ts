import { randomUUID } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Authenticators, authenticate } from '../../../application/auth/authenticate.js';
import { decideAccess, type Role } from '../../../domain/access.js';
import type { HttpRequest } from '../http-types.js';
import { ApiProblem } from '../problem.js';
import { publicKey, requiredRoleKey } from './access.decorators.js';

export const authenticatorsToken = Symbol('Authenticators');

const correlationIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Guards every endpoint: a bearer credential (API token or OIDC JWT) is required (401 without
 * one or with an invalid one), and the caller must hold the endpoint's role on some tenant (403).
 * An endpoint with no access rule is refused outright, so none can be left open by mistake.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(authenticatorsToken) private readonly authenticators: Authenticators,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(publicKey, targets)) return true;
    const role = this.reflector.getAllAndOverride<Role | undefined>(requiredRoleKey, targets);
    if (role === undefined) {
      throw new Error(`${context.getClass().name}.${context.getHandler().name} has no access rule`);
    }
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const principal = await authenticate(bearerOf(request), this.authenticators);
    if (principal === undefined) {
      throw new ApiProblem(
        401,
        'INVALID_CREDENTIALS',
        'the bearer token is unknown, revoked or expired',
      );
    }
    request.principal = principal;
    request.correlationId = correlationIdOf(request);
    if (decideAccess(principal, { role, on: 'shared' }) !== 'allowed') {
      throw new ApiProblem(
        403,
        'FORBIDDEN',
        `this needs the ${role} role; the caller does not hold it`,
      );
    }
    return true;
  }
}

function bearerOf(request: HttpRequest): string {
  const header = request.headers.authorization;
  const credential =
    typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  if (credential === undefined) {
    throw new ApiProblem(
      401,
      'UNAUTHENTICATED',
      'send an API token or an OIDC access token as "Authorization: Bearer <token>"',
    );
  }
  return credential;
}

function correlationIdOf(request: HttpRequest): string {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && correlationIdPattern.test(given) ? given : randomUUID();
}

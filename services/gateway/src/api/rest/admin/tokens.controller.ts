import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TokenStore } from '../../../application/ports/token-store.js';
import { TokenNotFoundError } from '../../../application/tokens/token-errors.js';
import { issueToken, revokeToken } from '../../../application/tokens/token-use-cases.js';
import { anyTenant, decideAccess, type Grant, parseGrant } from '../../../domain/access.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { ApiProblem } from '../problem.js';
import { tokenStoreToken } from '../tokens.js';
import { IssueTokenBody } from './token-bodies.dto.js';
import { type TokenResource, tokenResource } from './token-resource.js';

/**
 * API tokens. An admin issues tokens with grants it holds itself (admin on each grant's tenant;
 * admin on `*` for a grant on `*`), and lists and revokes the tokens it could have issued.
 */
@ApiTags('tokens')
@Controller('v1/tokens')
export class TokensController {
  constructor(@Inject(tokenStoreToken) private readonly store: TokenStore) {}

  @Post()
  @Requires('admin')
  @ApiOperation({ summary: 'Issue a token; its secret is in this answer only' })
  @ApiCreatedResponse({ description: 'The token and its secret' })
  async issue(
    @CurrentCaller() caller: Caller,
    @Body() body: IssueTokenBody,
  ): Promise<TokenResource & { secret: string }> {
    const grants = body.grants.map((text) => parseGrant(text)).filter((g) => g !== undefined);
    for (const grant of grants) requireAdminOver(caller, grant);
    caller.touch(grants.length === 1 && grants[0] !== undefined ? grants[0].tenant : anyTenant);
    const expiresAt = body.expiresAt === undefined ? undefined : new Date(body.expiresAt);
    if (expiresAt !== undefined && expiresAt.getTime() <= Date.now()) {
      throw new ApiProblem(400, 'VALIDATION_FAILED', 'expiresAt is in the past', [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    const issued = await issueToken(this.store, {
      name: body.name,
      grants,
      expiresAt,
      issuedBy: caller.principal.subject,
    });
    return { ...tokenResource(issued.token), secret: issued.secret };
  }

  @Get()
  @Requires('admin')
  @ApiOperation({ summary: 'The tokens the caller administers, revoked ones included' })
  async list(@CurrentCaller() caller: Caller): Promise<{ items: TokenResource[] }> {
    const tokens = await this.store.list();
    return {
      items: tokens.filter((token) => administers(caller, token.grants)).map(tokenResource),
    };
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('admin')
  @ApiOperation({ summary: 'Revoke a token: it stops working at once' })
  async revoke(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    const token = (await this.store.list()).find((candidate) => candidate.id === id);
    if (
      token?.revokedAt !== undefined ||
      token === undefined ||
      !administers(caller, token.grants)
    ) {
      throw new TokenNotFoundError(id);
    }
    await revokeToken(this.store, id, caller.principal.subject);
  }
}

function requireAdminOver(caller: Caller, grant: Grant): void {
  if (!administers(caller, [grant])) {
    throw new ApiProblem(
      403,
      'FORBIDDEN',
      `granting ${grant.role}:${grant.tenant} needs the admin role on ${grant.tenant === anyTenant ? 'every tenant ("*")' : `tenant "${grant.tenant}"`}`,
    );
  }
}

function administers(caller: Caller, grants: readonly Grant[]): boolean {
  return grants.every(
    (grant) =>
      decideAccess(caller.principal, {
        role: 'admin',
        on: grant.tenant === anyTenant ? 'platform' : { tenant: grant.tenant },
      }) === 'allowed',
  );
}

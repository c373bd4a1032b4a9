import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TokenStore } from '../../../application/ports/token-store.js';
import {
  issueToken,
  listTokens,
  revokeToken,
} from '../../../application/tokens/token-use-cases.js';
import { parseGrant } from '../../../domain/access.js';
import { administers, auditTenantOf } from '../../../domain/token-administration.js';
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
    // A refused grant on another tenant is recorded as the platform's, for its admins to see.
    if (administers(caller.principal, grants)) caller.touch(auditTenantOf(grants));
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
      issuer: caller.principal,
    });
    return { ...tokenResource(issued.token), secret: issued.secret };
  }

  @Get()
  @Requires('admin')
  @ApiOperation({ summary: 'The tokens the caller administers, revoked ones included' })
  async list(@CurrentCaller() caller: Caller): Promise<{ items: TokenResource[] }> {
    const tokens = await listTokens(this.store, caller.principal);
    return { items: tokens.map(tokenResource) };
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('admin')
  @ApiOperation({ summary: 'Revoke a token: it stops working at once' })
  async revoke(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await revokeToken(this.store, id, caller.principal);
  }
}

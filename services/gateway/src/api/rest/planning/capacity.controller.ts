import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComposerPlanningApi } from '../../../infrastructure/grpc/composer-planning-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { requireTenantAccess } from '../auth/require-access.js';
import { clientsToken } from '../tokens.js';
import {
  type CapacityAnswer,
  capacityAnswer,
  type CapacityTimeline,
  capacityTimeline,
} from './capacity-answer.js';
import { CapacityBody, CapacityTimelineQuery } from './capacity-bodies.dto.js';
import { planningSpecOf } from './planning-spec.dto.js';

/**
 * Capacity for planners: questions that change nothing. The pools are shared by every tenant,
 * so any viewer may ask; a question for a named tenant (whose quotas limit the answer) needs the
 * viewer role on it.
 */
@ApiTags('capacity')
@Controller('v1/capacity')
export class CapacityController {
  private readonly planning: ComposerPlanningApi;

  constructor(@Inject(clientsToken) clients: ServiceClients) {
    this.planning = new ComposerPlanningApi(clients);
  }

  @Post()
  @HttpCode(200)
  @Requires('viewer')
  @ApiOperation({
    summary: 'How many of a spec fit at once in a window, and what is short (holds nothing)',
  })
  @ApiOkResponse({ description: '`outcome` Answered: `fits`, `enough`, `placements`, `shortage`' })
  async capacity(
    @CurrentCaller() caller: Caller,
    @Body() body: CapacityBody,
  ): Promise<CapacityAnswer> {
    if (body.spec.tenant !== undefined) requireTenantAccess(caller, 'viewer', body.spec.tenant);
    const answer = await this.planning.capacity(caller.call, {
      spec: planningSpecOf(body.spec),
      wanted: body.wanted,
      limit: body.limit ?? 0,
      windowStart: body.windowStart,
      windowEnd: body.windowEnd,
    });
    return capacityAnswer(answer);
  }

  @Get('timeline')
  @Requires('viewer')
  @ApiOperation({ summary: 'Free and committed devices per kind over a window, step by step' })
  async timeline(
    @CurrentCaller() caller: Caller,
    @Query() query: CapacityTimelineQuery,
  ): Promise<CapacityTimeline> {
    const answer = await this.planning.capacityTimeline(caller.call, {
      start: query.start,
      end: query.end,
      stepSeconds: query.stepSeconds,
    });
    return capacityTimeline(answer);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type CallerDescription,
  describeCaller,
} from '../../../application/whoami/describe-caller.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';

/** Who the caller is to the gateway: what a CLI's login checks, and what consoles show. */
@ApiTags('system')
@Controller('v1/whoami')
export class WhoamiController {
  @Get()
  @Requires('viewer')
  @ApiOperation({
    summary: 'The caller: its subject (recorded as the actor), kind, grants and visible tenants',
  })
  whoami(@CurrentCaller() caller: Caller): CallerDescription {
    return describeCaller(caller.principal);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { grantText } from '../../../domain/access.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';

/** Who the caller is to the gateway: what a CLI's login checks, and what consoles show. */
@ApiTags('system')
@Controller('v1/whoami')
export class WhoamiController {
  @Get()
  @Requires('viewer')
  @ApiOperation({ summary: 'The caller: its subject (recorded as the actor) and its grants' })
  whoami(@CurrentCaller() caller: Caller): { subject: string; grants: string[] } {
    return {
      subject: caller.principal.subject,
      grants: caller.principal.grants.map(grantText),
    };
  }
}

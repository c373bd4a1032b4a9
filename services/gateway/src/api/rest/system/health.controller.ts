import { Controller, Get } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators.js';

@Controller()
export class HealthController {
  /** Liveness: the gateway answers. Open to all, as load balancers ask without a token. */
  @Public()
  @Get('healthz')
  @ApiExcludeEndpoint()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReservationTenants } from '../../../application/ports/reservation-tenants.js';
import { ComposerApi } from '../../../infrastructure/grpc/composer-api.js';
import type { ServiceClients } from '../../../infrastructure/grpc/service-clients.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { requireTenantAccess, requireVisibleAccess } from '../auth/require-access.js';
import type { HttpResponse } from '../http-types.js';
import { ApiProblem } from '../problem.js';
import { clientsToken, reservationTenantsToken } from '../tokens.js';
import { ReserveBody } from './composition-bodies.dto.js';
import type { CompositionResource } from './composition-resource.js';
import { specOf } from './spec-of.js';
import { type ReservationResource, reservationResource } from './preview-resource.js';
import { idempotencyKeyOf } from './idempotency-key.js';
import { answerCreated } from './created-answer.js';

/** Reserve a preview's choice for a while, then compose exactly those devices. */
@ApiTags('compositions')
@Controller('v1/reservations')
export class ReservationsController {
  private readonly composer: ComposerApi;

  constructor(
    @Inject(clientsToken) clients: ServiceClients,
    @Inject(reservationTenantsToken) private readonly tenants: ReservationTenants,
  ) {
    this.composer = new ComposerApi(clients);
  }

  @Post()
  @HttpCode(200)
  @Requires('operator')
  @ApiOperation({
    summary: 'Hold what composing would choose under a reservation id (expires by itself)',
  })
  async reserve(
    @CurrentCaller() caller: Caller,
    @Body() body: ReserveBody,
  ): Promise<ReservationResource> {
    requireTenantAccess(caller, 'operator', body.spec.tenant);
    caller.touch(body.spec.tenant);
    const answer = await this.composer.reserve(caller.call, {
      spec: specOf(body.spec),
      holdSeconds: body.holdSeconds ?? 0,
    });
    if (answer.reservationId !== '' && answer.expiresAt !== undefined) {
      await this.tenants.remember(
        answer.reservationId,
        body.spec.tenant,
        new Date(answer.expiresAt),
      );
    }
    return reservationResource(answer);
  }

  @Post(':id/apply')
  @HttpCode(202)
  @Requires('operator')
  @ApiOperation({ summary: 'Compose exactly the devices a reservation holds' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async apply(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<CompositionResource> {
    const tenant = await this.tenants.tenantOf(id);
    if (tenant === undefined) {
      throw new ApiProblem(404, 'RESERVATION_NOT_FOUND', `reservation "${id}" does not exist`);
    }
    requireVisibleAccess(caller, 'operator', tenant, `reservation "${id}"`);
    caller.touch(tenant);
    const applied = await this.composer.apply(caller.call, {
      reservationId: id,
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
    });
    return answerCreated(this.composer, caller.call, applied, { tenant }, response);
  }
}

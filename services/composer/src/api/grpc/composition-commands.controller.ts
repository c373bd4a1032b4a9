import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { composer } from '@tessera/contracts';
import { composeAndAttach } from '../../application/compose/compose-and-attach.handler.js';
import { previewComposition } from '../../application/compose/preview-composition.handler.js';
import {
  decomposeComposition,
  expandComposition,
  shrinkComposition,
} from '../../application/lifecycle/index.js';
import { type ReserveDeps, reserveComposition } from '../../application/reserve/index.js';
import { commandContextOf, idempotencyKeyOf } from './command-context.js';
import { outcomeStatusOf } from './composition-mapper.js';
import { composeDepsToken } from './grpc-tokens.js';
import {
  compositionIdOf,
  expandResponseOf,
  phaseResponseOf,
  withGroupFields,
} from './lifecycle-mapper.js';
import { previewResponseOf, reserveResponseOf } from './preview-mapper.js';
import { groupInputOf, specInputOf } from './spec-mapper.js';

const service = 'ComposerService';

/**
 * Composing and changing compositions: create, preview, reserve, apply, expand, shrink and
 * decompose. Create and Apply start the attach of a scheduled composition at once.
 */
@Controller()
export class CompositionCommandsController {
  constructor(@Inject(composeDepsToken) private readonly deps: ReserveDeps) {}

  @GrpcMethod(service, 'CreateComposition')
  async createComposition(
    request: composer.CreateCompositionRequest,
    metadata: Metadata,
  ): Promise<composer.CreateCompositionResponse> {
    const context = commandContextOf(metadata);
    const outcome = await composeAndAttach(
      this.deps,
      {
        from: 'spec',
        spec: specInputOf(request.spec),
        idempotencyKey: idempotencyKeyOf(request.idempotencyKey),
        requestedBy: context.actor,
      },
      context,
    );
    return { compositionId: outcome.compositionId, status: outcomeStatusOf(outcome) };
  }

  @GrpcMethod(service, 'PreviewComposition')
  async previewComposition(
    request: composer.PreviewCompositionRequest,
  ): Promise<composer.PreviewCompositionResponse> {
    return previewResponseOf(await previewComposition(this.deps, specInputOf(request.spec)));
  }

  @GrpcMethod(service, 'ReserveComposition')
  async reserveComposition(
    request: composer.ReserveCompositionRequest,
    metadata: Metadata,
  ): Promise<composer.ReserveCompositionResponse> {
    const context = commandContextOf(metadata);
    const reservation = await reserveComposition(this.deps, {
      spec: specInputOf(request.spec),
      holdSeconds: request.holdSeconds,
      requestedBy: context.actor,
    });
    return reserveResponseOf(reservation);
  }

  @GrpcMethod(service, 'ApplyReservation')
  async applyReservation(
    request: composer.ApplyReservationRequest,
    metadata: Metadata,
  ): Promise<composer.ApplyReservationResponse> {
    const context = commandContextOf(metadata);
    const outcome = await composeAndAttach(
      this.deps,
      {
        from: 'reservation',
        reservationId: request.reservationId,
        idempotencyKey: idempotencyKeyOf(request.idempotencyKey),
        requestedBy: context.actor,
      },
      context,
    );
    return { compositionId: outcome.compositionId, status: outcomeStatusOf(outcome) };
  }

  @GrpcMethod(service, 'ExpandComposition')
  async expandComposition(
    request: composer.ExpandCompositionRequest,
    metadata: Metadata,
  ): Promise<composer.ExpandCompositionResponse> {
    const compositionId = compositionIdOf(request.compositionId);
    const group = groupInputOf(request.group);
    const outcome = await withGroupFields(
      expandComposition(this.deps, { compositionId, group }, commandContextOf(metadata)),
    );
    return expandResponseOf(outcome, request.group?.name ?? '');
  }

  @GrpcMethod(service, 'ShrinkComposition')
  async shrinkComposition(
    request: composer.ShrinkCompositionRequest,
    metadata: Metadata,
  ): Promise<composer.ShrinkCompositionResponse> {
    const compositionId = compositionIdOf(request.compositionId);
    const command = { compositionId, deviceIds: request.deviceIds };
    return phaseResponseOf(await shrinkComposition(this.deps, command, commandContextOf(metadata)));
  }

  @GrpcMethod(service, 'DecomposeComposition')
  async decomposeComposition(
    request: composer.DecomposeCompositionRequest,
    metadata: Metadata,
  ): Promise<composer.DecomposeCompositionResponse> {
    const compositionId = compositionIdOf(request.compositionId);
    const command = { compositionId, reason: request.reason };
    const context = commandContextOf(metadata);
    return phaseResponseOf(await decomposeComposition(this.deps, command, context));
  }
}

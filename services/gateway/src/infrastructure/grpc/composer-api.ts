import { type ServiceError, status } from '@grpc/grpc-js';
import type { composer } from '@tessera/contracts';
import type { ServiceClients } from './service-clients.js';
import { type CallContext, unaryCall } from './unary.js';

/** The composer's gRPC API as promises, each call carrying the caller. */
export class ComposerApi {
  private readonly client: composer.ComposerServiceClient;

  constructor(clients: ServiceClients) {
    this.client = clients.composer;
  }

  create(context: CallContext, request: composer.CreateCompositionRequest) {
    return unaryCall<composer.CreateCompositionResponse>(context, (m, o, cb) =>
      this.client.createComposition(request, m, o, cb),
    );
  }

  preview(context: CallContext, request: composer.PreviewCompositionRequest) {
    return unaryCall<composer.PreviewCompositionResponse>(context, (m, o, cb) =>
      this.client.previewComposition(request, m, o, cb),
    );
  }

  reserve(context: CallContext, request: composer.ReserveCompositionRequest) {
    return unaryCall<composer.ReserveCompositionResponse>(context, (m, o, cb) =>
      this.client.reserveComposition(request, m, o, cb),
    );
  }

  apply(context: CallContext, request: composer.ApplyReservationRequest) {
    return unaryCall<composer.ApplyReservationResponse>(context, (m, o, cb) =>
      this.client.applyReservation(request, m, o, cb),
    );
  }

  async get(context: CallContext, compositionId: string): Promise<composer.Composition> {
    const response = await unaryCall<composer.GetCompositionResponse>(context, (m, o, cb) =>
      this.client.getComposition({ compositionId }, m, o, cb),
    );
    if (response.composition === undefined) {
      throw new Error(`GetComposition answered ${compositionId} without a composition`);
    }
    return response.composition;
  }

  /**
   * The composition just created: the composer's queries read a projection that follows its
   * log, so a new composition may be missing for a few milliseconds; NOT_FOUND is retried for
   * up to `waitMs`.
   */
  async getCreated(
    context: CallContext,
    compositionId: string,
    waitMs = 3_000,
  ): Promise<composer.Composition> {
    const deadline = Date.now() + waitMs;
    for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 200)) {
      try {
        return await this.get(context, compositionId);
      } catch (error) {
        if ((error as Partial<ServiceError>).code !== status.NOT_FOUND || Date.now() > deadline) {
          throw error;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }

  list(context: CallContext, request: composer.ListCompositionsRequest) {
    return unaryCall<composer.ListCompositionsResponse>(context, (m, o, cb) =>
      this.client.listCompositions(request, m, o, cb),
    );
  }

  expand(context: CallContext, request: composer.ExpandCompositionRequest) {
    return unaryCall<composer.ExpandCompositionResponse>(context, (m, o, cb) =>
      this.client.expandComposition(request, m, o, cb),
    );
  }

  shrink(context: CallContext, request: composer.ShrinkCompositionRequest) {
    return unaryCall<composer.ShrinkCompositionResponse>(context, (m, o, cb) =>
      this.client.shrinkComposition(request, m, o, cb),
    );
  }

  decompose(context: CallContext, request: composer.DecomposeCompositionRequest) {
    return unaryCall<composer.DecomposeCompositionResponse>(context, (m, o, cb) =>
      this.client.decomposeComposition(request, m, o, cb),
    );
  }
}

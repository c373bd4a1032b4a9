import { credentials } from '@grpc/grpc-js';
import { unary } from '@tessera/api-kit/test-support';
import { composer } from '@tessera/contracts';

/** ComposerService's RPCs as promises, over one insecure client. */
export function composerCalls(address: string) {
  const client = new composer.ComposerServiceClient(address, credentials.createInsecure());
  return {
    close: () => {
      client.close();
    },
    create: (request: composer.CreateCompositionRequest, headers: Record<string, string> = {}) =>
      unary<composer.CreateCompositionResponse>(
        (m, cb) => client.createComposition(request, m, cb),
        headers,
      ),
    preview: (request: composer.PreviewCompositionRequest) =>
      unary<composer.PreviewCompositionResponse>((m, cb) =>
        client.previewComposition(request, m, cb),
      ),
    reserve: (request: composer.ReserveCompositionRequest) =>
      unary<composer.ReserveCompositionResponse>((m, cb) =>
        client.reserveComposition(request, m, cb),
      ),
    apply: (request: composer.ApplyReservationRequest) =>
      unary<composer.ApplyReservationResponse>((m, cb) => client.applyReservation(request, m, cb)),
    expand: (request: composer.ExpandCompositionRequest) =>
      unary<composer.ExpandCompositionResponse>((m, cb) =>
        client.expandComposition(request, m, cb),
      ),
    shrink: (request: composer.ShrinkCompositionRequest) =>
      unary<composer.ShrinkCompositionResponse>((m, cb) =>
        client.shrinkComposition(request, m, cb),
      ),
    decompose: (request: composer.DecomposeCompositionRequest) =>
      unary<composer.DecomposeCompositionResponse>((m, cb) =>
        client.decomposeComposition(request, m, cb),
      ),
    get: (compositionId: string) =>
      unary<composer.GetCompositionResponse>((m, cb) =>
        client.getComposition({ compositionId }, m, cb),
      ),
    list: (request: Partial<composer.ListCompositionsRequest>) =>
      unary<composer.ListCompositionsResponse>((m, cb) =>
        client.listCompositions(
          {
            tenant: '',
            phase: composer.CompositionPhase.COMPOSITION_PHASE_UNSPECIFIED,
            ...request,
          },
          m,
          cb,
        ),
      ),
  };
}

export type ComposerCalls = ReturnType<typeof composerCalls>;

/** A spec of `count` GPUs on host h1 for `tenant`, as a request carries it. */
export function gpuSpec(tenant: string, count: number): composer.CompositionSpec {
  return {
    name: 'trainer',
    tenant,
    labels: {},
    hostId: 'h1',
    groups: [
      {
        name: 'gpus',
        kind: 'gpu',
        count,
        selectors: [],
        labels: {},
        alternatives: [],
      },
    ],
  };
}

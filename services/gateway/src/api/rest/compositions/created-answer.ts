import { type ServiceError, status } from '@grpc/grpc-js';
import { composer } from '@tessera/contracts';
import type { ComposerApi } from '../../../infrastructure/grpc/composer-api.js';
import type { CallContext } from '../../../infrastructure/grpc/unary.js';
import type { HttpResponse } from '../http-types.js';
import { versionEtag } from '../preconditions.js';
import { type CompositionResource, compositionResource } from './composition-resource.js';

/** How long a 202 waits for the composer's read model to show a new composition. */
const readModelWaitMs = 1_000;

/**
 * The answer to a compose or an apply: the composition as the composer's queries show it, with
 * its ETag, and `Location` to watch. The composer reads a composition its projection does not
 * show yet from its event stream, so the first read normally finds it; should it not within a
 * second (a composer of an older release), the answer is built from what the command itself
 * answered, without an ETag: the composition exists and was accepted either way, and the client
 * must learn its id.
 */
export async function answerCreated(
  composerApi: ComposerApi,
  call: CallContext,
  created: { readonly compositionId: string; readonly status?: composer.CompositionStatus },
  known: { readonly tenant: string; readonly spec?: composer.CompositionSpec },
  response: HttpResponse,
): Promise<CompositionResource> {
  const id = created.compositionId;
  response.setHeader('Location', `/v1/compositions/${encodeURIComponent(id)}`);
  try {
    const composition = await composerApi.getCreated(call, id, readModelWaitMs);
    response.setHeader('ETag', versionEtag(composition));
    return compositionResource(composition);
  } catch (error) {
    if ((error as Partial<ServiceError>).code !== status.NOT_FOUND) throw error;
  }
  return compositionResource(
    composer.Composition.fromPartial({
      compositionId: id,
      tenant: known.tenant,
      ...(known.spec !== undefined && { spec: known.spec }),
      ...(created.status !== undefined && { status: created.status }),
    }),
  );
}

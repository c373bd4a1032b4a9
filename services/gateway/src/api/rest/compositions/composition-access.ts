import type { composer } from '@tessera/contracts';
import type { Role } from '../../../domain/access.js';
import type { ComposerApi } from '../../../infrastructure/grpc/composer-api.js';
import type { Caller } from '../auth/access.decorators.js';
import { requireVisibleAccess } from '../auth/require-access.js';

/**
 * Reads a composition and checks that the caller holds `role` on its tenant: 404 when the
 * composition does not exist or belongs to a tenant the caller cannot see.
 */
export async function visibleComposition(
  composer: ComposerApi,
  caller: Caller,
  compositionId: string,
  role: Role,
): Promise<composer.Composition> {
  const composition = await composer.get(caller.call, compositionId);
  requireVisibleAccess(caller, role, composition.tenant, `composition "${compositionId}"`);
  return composition;
}

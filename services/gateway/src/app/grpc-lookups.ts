import { type ServiceError, status } from '@grpc/grpc-js';
import type { TenantLookups } from '../api/grpc/authorize-call.js';
import type { ReservationTenants } from '../application/ports/reservation-tenants.js';
import { ComposerApi } from '../infrastructure/grpc/composer-api.js';
import type { ServiceClients } from '../infrastructure/grpc/service-clients.js';
import { type CallContext, unaryCall } from '../infrastructure/grpc/unary.js';
import type { composer } from '@tessera/contracts';

const gatewayContext: CallContext = { actor: 'system:gateway', correlationId: 'tenant-lookup' };

/** The tenant of a composition, lease or reservation, read from the composer (or the gateway). */
export function tenantLookups(
  clients: ServiceClients,
  reservations: ReservationTenants,
): TenantLookups {
  const composerApi = new ComposerApi(clients);
  return {
    composition: (id) =>
      absentWhenNotFound(composerApi.get(gatewayContext, id).then((found) => found.tenant)),
    lease: (id) =>
      absentWhenNotFound(
        unaryCall<composer.GetLeaseResponse>(gatewayContext, (m, o, cb) =>
          clients.composer.getLease({ leaseId: id }, m, o, cb),
        ).then((found) => found.lease?.tenant),
      ),
    reservation: (id) => reservations.tenantOf(id),
  };
}

async function absentWhenNotFound(
  lookup: Promise<string | undefined>,
): Promise<string | undefined> {
  try {
    return await lookup;
  } catch (error) {
    const code = (error as Partial<ServiceError>).code;
    if (code === status.NOT_FOUND || code === status.INVALID_ARGUMENT) return undefined;
    throw error;
  }
}

/** Injection tokens of the API layer's dependencies (bound in app/gateway.module.ts). */
export const clientsToken = Symbol('ServiceClients');
export const tokenStoreToken = Symbol('TokenStore');
export const auditLogToken = Symbol('AuditLog');
export const reservationTenantsToken = Symbol('ReservationTenants');
export const eventFeedToken = Symbol('EventFeed');
export const feedSignalToken = Symbol('FeedSignal');

/**
 * Injection tokens of the ports the gRPC handlers use that application/ports does not define a
 * token for (items, source items and the read model have theirs next to their ports).
 */
export const sourceRepositoryToken = Symbol('SourceRepository');
export const sourceCredentialsToken = Symbol('SourceCredentials');
export const redfishReaderToken = Symbol('RedfishReader');

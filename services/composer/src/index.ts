/**
 * @tessera/composer: the composer service (issue 11). So far: the allocation ledger, the
 * authoritative record of which device is held by which composition (src/infrastructure/ledger).
 */
export * from './infrastructure/ledger/index.js';

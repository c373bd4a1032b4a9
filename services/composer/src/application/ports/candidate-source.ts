import type { scheduler } from '@tessera/composer-domain';

/**
 * The scheduler's in-memory view of the pool (a cache fed by inventory and ledger events). The
 * same index is returned every time within a process: decisions assume their devices in it, and
 * the compose handler corrects it when the ledger refuses a choice.
 */
export type CandidateSource = () => Promise<scheduler.CandidateIndex>;

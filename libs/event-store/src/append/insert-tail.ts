import { type EnvelopeBeforeInsert, outboxInsert, routeToOutbox } from '../outbox/outbox-writer.js';
import type { AppendMetadata } from '../validation/validate-append.js';
import type { AppendTarget } from './append-plan.js';

/** What both events inserts (one stream, a batch of entries) write after their event columns. */
export interface InsertTail {
  /** Empty, or the outbox CTE to follow the insert's CTEs. */
  readonly outboxCte: string;
  /** $7-$10 the metadata, $11 the NOTIFY channel or null, then the outbox's from $12. */
  readonly parameters: readonly unknown[];
}

/**
 * The parameters both events inserts share, in the places both statements read them: the
 * append's metadata, the channel to NOTIFY when the append joins a caller's transaction (see
 * AppendTarget), and the outbox rows of the events that have a topic.
 */
export function insertTail(
  { tables, outbox, notifyInTransaction }: AppendTarget,
  metadata: AppendMetadata,
  events: readonly EnvelopeBeforeInsert[],
): InsertTail {
  const outboxed = outboxInsert(tables, routeToOutbox(outbox, events), 12);
  return {
    outboxCte: outboxed.cte,
    parameters: [
      metadata.correlationId,
      metadata.causationId,
      metadata.actor,
      metadata.tenant,
      notifyInTransaction ? tables.channel : null,
      ...outboxed.parameters,
    ],
  };
}

import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  type EventEnvelope,
  type EventStore,
  StreamNotFoundError,
} from '@tessera/event-store';
import {
  absentTemplate,
  evolveTemplate,
  type TemplateFact,
  type TemplateState,
  templateEventOf,
  templateEventSchemaVersion,
  templateFactOf,
  templateStreamId,
} from '@tessera/composer-domain';
import { migrate } from '@tessera/postgres';
import type pg from 'pg';
import type { CommandContext } from '../../application/ports/command-context.js';
import { VersionConflictError } from '../../application/ports/composition-repository.js';
import type {
  LoadedTemplate,
  TemplateRepository,
  TemplateSummary,
} from '../../application/templates/template-repository.js';
import {
  composerTemplatesSchema,
  TemplateListing,
  templateListingMigrations,
} from './template-listing.js';

/**
 * Templates as event streams (`template-<name>`) in the composer's store, with a listing row per
 * template written in the same transaction as its events.
 */
export class EventStoreTemplateRepository implements TemplateRepository {
  private readonly listing: TemplateListing;

  constructor(
    private readonly store: EventStore,
    private readonly pool: pg.Pool,
    private readonly schema = composerTemplatesSchema,
  ) {
    this.listing = new TemplateListing(schema);
  }

  /** Creates or upgrades the listing table (the store migrates its own tables). */
  async migrate(): Promise<void> {
    await migrate(this.pool, this.schema, templateListingMigrations);
  }

  async load(name: string): Promise<LoadedTemplate> {
    try {
      const { version, events } = await this.store.readStream(templateStreamId(name));
      return { state: fold(events), version };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { state: absentTemplate, version: 0 };
      throw error;
    }
  }

  async append(
    name: string,
    facts: readonly TemplateFact[],
    expectedVersion: number,
    context: CommandContext,
  ): Promise<void> {
    try {
      await this.store.transaction(async (client) => {
        await this.store.append(
          templateStreamId(name),
          facts.map((fact) => ({
            id: randomUUID(),
            schemaVersion: templateEventSchemaVersion,
            ...templateEventOf(name, fact),
          })),
          {
            expectedVersion,
            correlationId: context.correlationId,
            actor: context.actor,
            causationId: context.causationId ?? null,
            tenant: context.tenant ?? null,
            client,
          },
        );
        const { events } = await this.store.readStream(templateStreamId(name), { client });
        const state = fold(events);
        if (state.status !== 'absent') await this.listing.record(client, state);
      });
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        throw new VersionConflictError(templateStreamId(name), { cause: error });
      }
      throw error;
    }
  }

  list(): Promise<TemplateSummary[]> {
    return this.listing.list(this.pool);
  }
}

function fold(events: readonly EventEnvelope[]): TemplateState {
  let state: TemplateState = absentTemplate;
  for (const event of events) {
    const fact = templateFactOf({
      type: event.type,
      data: event.data as { templateName: string } & Record<string, unknown>,
    });
    if (fact) state = evolveTemplate(state, fact);
  }
  return state;
}

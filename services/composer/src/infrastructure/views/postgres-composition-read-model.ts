import { type Composition, groupsOf } from '@tessera/composer-domain';
import { prepared, quoteIdentifier } from '@tessera/postgres';
import type pg from 'pg';
import type {
  CompositionFilter,
  CompositionReadModel,
  CompositionView,
  Slice,
  SliceResult,
} from '../../application/queries/index.js';

interface CompositionRow {
  readonly state: Composition;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly version: number;
}

/** The compositions projection, read. */
export class PostgresCompositionReadModel implements CompositionReadModel {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.table = `${quoteIdentifier(schema)}.compositions`;
  }

  async getComposition(id: string): Promise<CompositionView | undefined> {
    const { rows } = await this.pool.query<CompositionRow>(
      prepared(`SELECT state, created_at, updated_at, version FROM ${this.table} WHERE id = $1`, [
        id,
      ]),
    );
    return rows[0] && viewOf(rows[0]);
  }

  async listCompositions(
    filter: CompositionFilter,
    slice: Slice,
  ): Promise<SliceResult<CompositionView>> {
    const { rows } = await this.pool.query<CompositionRow>(
      `SELECT state, created_at, updated_at, version FROM ${this.table}
        WHERE ($1::text IS NULL OR tenant = $1)
          AND ($2::text IS NULL OR phase = $2)
          AND ($3::text IS NULL OR id > $3)
        ORDER BY id
        LIMIT $4`,
      [filter.tenant ?? null, filter.phase ?? null, slice.afterId ?? null, slice.limit + 1],
    );
    return { items: rows.slice(0, slice.limit).map(viewOf), more: rows.length > slice.limit };
  }
}

function viewOf(row: CompositionRow): CompositionView {
  return compositionViewOf(row.state, {
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  });
}

/** A composition as queries show it: its state, when its first and last events were recorded. */
export function compositionViewOf(
  state: Composition,
  stream: { readonly createdAt: string; readonly updatedAt: string; readonly version: number },
): CompositionView {
  return {
    id: state.id,
    tenant: state.spec.tenant,
    spec: state.spec,
    phase: state.status,
    failure: state.failure,
    hostId: state.hostId,
    groups: heldGroups(state),
    reservationId: state.reservationId,
    attachDeadline: state.attachDeadline,
    ...stream,
  };
}

/** The devices held per group, in the order of the groups; groups holding none are left out. */
function heldGroups(state: Composition): CompositionView['groups'] {
  return groupsOf(state).flatMap(({ name }) => {
    const deviceIds = state.bindings
      .filter((binding) => binding.group === name)
      .map((binding) => binding.deviceId);
    return deviceIds.length === 0 ? [] : [{ group: name, deviceIds }];
  });
}

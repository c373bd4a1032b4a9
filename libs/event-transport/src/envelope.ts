/**
 * The envelope every event carries across Tessera (ARCHITECTURE.md, "Event sourcing").
 * Payload schemas live in proto/; `data` holds the payload at `schemaVersion`.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  /** UUID chosen by the writer; appending or delivering the same id twice has one effect. */
  readonly id: string;
  readonly type: TType;
  /** Version of the payload schema of `type`; old versions are upcast on read. */
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: number;
  /** Unique position in the publishing store's log. Read order is the commit-safe log order. */
  readonly position: number;
  /** When the event was recorded, ISO 8601 in UTC. */
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Who asked: a user, token or service identity. */
  readonly actor: string;
  readonly tenant: string | null;
  readonly data: TData;
}

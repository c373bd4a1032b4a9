/** Who asked and why, recorded on every event a command appends. */
export interface CommandContext {
  readonly correlationId: string;
  readonly actor: string;
  readonly causationId?: string;
  readonly tenant?: string;
}

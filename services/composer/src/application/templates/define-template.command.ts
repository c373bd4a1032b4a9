export interface DefineTemplateCommand {
  /** Untrusted input: `{ name, description, parameters, body }`, validated before storing. */
  readonly definition: unknown;
  readonly definedBy: string;
}

export interface RetireTemplateCommand {
  readonly name: string;
  readonly reason: string;
  readonly retiredBy: string;
}

/** The version a definition is stored as (the latest, when it repeated the latest). */
export interface DefinedTemplate {
  readonly name: string;
  readonly version: number;
}

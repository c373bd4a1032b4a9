/**
 * What users ask of a template. `Define` carries untrusted input (validated by `decideTemplate`);
 * the time it is decided at is `decideTemplate`'s `now`.
 */
export type TemplateCommand =
  | {
      readonly command: 'Define';
      readonly definition: unknown;
      readonly definedBy: string;
    }
  | { readonly command: 'Retire'; readonly reason: string; readonly retiredBy: string };

export type TemplateCommandName = TemplateCommand['command'];

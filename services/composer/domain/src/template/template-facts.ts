import type { TemplateVersion } from './template-types.js';

/**
 * What happens to a template, as facts; stored as `tessera.composer.v1.Template<Fact>` events on
 * the stream `template-<name>`. `Defined` carries the whole version, so every version stays
 * readable by number.
 */
export type TemplateFact =
  | ({ readonly fact: 'Defined' } & TemplateVersion)
  | {
      readonly fact: 'Retired';
      readonly reason: string;
      readonly retiredBy: string;
      readonly retiredAt: string;
    };

export const templateFactNames = [
  'Defined',
  'Retired',
] as const satisfies readonly TemplateFact['fact'][];

export type TemplateFactName = (typeof templateFactNames)[number];

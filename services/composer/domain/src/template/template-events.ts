import { composerEventNamespace } from '../composition/index.js';
import { type TemplateFact, templateFactNames } from './template-facts.js';

/** `tessera.composer.v1.Template<Fact>`, with the template's name as `templateName` in the data. */
export interface TemplateEvent {
  readonly type: string;
  readonly data: { readonly templateName: string } & Record<string, unknown>;
}

export const templateEventPrefix = `${composerEventNamespace}Template`;
export const templateEventSchemaVersion = 1;

export function templateStreamId(name: string): string {
  return `template-${name}`;
}

export function templateEventOf(name: string, fact: TemplateFact): TemplateEvent {
  const { fact: factName, ...data } = fact;
  return { type: `${templateEventPrefix}${factName}`, data: { templateName: name, ...data } };
}

/** The fact a stored template event records, or undefined for any other event. */
export function templateFactOf(event: TemplateEvent): TemplateFact | undefined {
  if (!event.type.startsWith(templateEventPrefix)) return undefined;
  const name = event.type.slice(templateEventPrefix.length);
  const known = templateFactNames.find((candidate) => candidate === name);
  if (known === undefined) return undefined;
  const { templateName: _name, ...rest } = event.data;
  return { fact: known, ...rest } as TemplateFact;
}

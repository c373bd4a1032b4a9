import type { TemplateVersion } from './template-types.js';

export interface Template {
  readonly status: 'active' | 'retired';
  readonly name: string;
  /** Every version, oldest first: `versions[n - 1]` is version n. */
  readonly versions: readonly TemplateVersion[];
}

export type TemplateState = { readonly status: 'absent' } | Template;

export const absentTemplate: TemplateState = { status: 'absent' };

/** The latest version, or the one numbered `version`; undefined when there is none. */
export function templateVersion(template: Template, version?: number): TemplateVersion | undefined {
  if (version === undefined) return template.versions.at(-1);
  return template.versions.find((candidate) => candidate.version === version);
}

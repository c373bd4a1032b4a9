import {
  TemplateNotFoundError,
  templateVersion,
  type TemplateVersion,
} from '@tessera/composer-domain';
import type { TemplateRepository, TemplateSummary } from './template-repository.js';

/** One version of a template as callers see it, with the template's status. */
export interface TemplateView extends TemplateVersion {
  readonly status: 'active' | 'retired';
  readonly latestVersion: number;
}

/**
 * The latest version of a template, or the one numbered `version`; throws
 * `TemplateNotFoundError` when there is no such template or version. Retired templates are
 * readable (their status says so).
 */
export async function getTemplate(
  deps: { readonly templates: TemplateRepository },
  name: string,
  version?: number,
): Promise<TemplateView> {
  const { state } = await deps.templates.load(name);
  if (state.status === 'absent') throw new TemplateNotFoundError(name);
  const found = templateVersion(state, version);
  if (!found) throw new TemplateNotFoundError(name, version);
  return { ...found, status: state.status, latestVersion: state.versions.length };
}

/** Every template, by name, with its latest version and status. */
export function listTemplates(deps: {
  readonly templates: TemplateRepository;
}): Promise<TemplateSummary[]> {
  return deps.templates.list();
}

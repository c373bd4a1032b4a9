import { composer } from '@tessera/contracts';
import { enumName } from '../enum-names.js';

/**
 * One version of a template as the API answers it. Templates belong to no tenant: `spec` is the
 * definition as it was given (proto3 JSON), `status.phase` is the template's (`Active`, or
 * `Retired`: readable, but no composition may name it).
 */
export interface TemplateResource {
  readonly name: string;
  readonly version: number;
  readonly spec: unknown;
  readonly status: { readonly phase: string; readonly latestVersion: number };
  readonly definedBy: string;
  readonly createdAt: string | undefined;
}

/** One line of the template listing: the latest version of each. */
export interface TemplateSummaryResource {
  readonly name: string;
  readonly description: string;
  readonly status: { readonly phase: string; readonly latestVersion: number };
}

export function templateResource(template: composer.Template): TemplateResource {
  const definition = template.definition ?? composer.TemplateDefinition.fromPartial({});
  return {
    name: definition.name,
    version: template.version,
    spec: composer.TemplateDefinition.toJSON(definition),
    status: { phase: templatePhase(template.status), latestVersion: template.latestVersion },
    definedBy: template.definedBy,
    createdAt: template.definedAt,
  };
}

/**
 * The ETag of a template version as answered: its version and the template's phase, since
 * retiring changes what the answer says without adding a version.
 */
export function templateEtag(template: TemplateResource): string {
  return `"${String(template.version)}-${template.status.phase.toLowerCase()}"`;
}

export function templateSummaryResource(
  summary: composer.TemplateSummary,
): TemplateSummaryResource {
  return {
    name: summary.name,
    description: summary.description,
    status: { phase: templatePhase(summary.status), latestVersion: summary.latestVersion },
  };
}

function templatePhase(status: composer.TemplateStatus): string {
  return enumName(composer.templateStatusToJSON(status), 'TEMPLATE_STATUS_', 'pascal');
}

import type { TemplateParameter } from '@tessera/composer-domain';
import { composer } from '@tessera/contracts';
import type { TemplateSummary, TemplateView } from '../../application/templates/index.js';

const { TemplateStatus } = composer;

/**
 * A request's template definition as `validateTemplateDefinition` reads it (`default_value` is
 * the domain's `default`; fields left at their proto default are left out). Nothing is checked
 * here: the validator names every problem, which the error filter puts under `template`.
 */
export function definitionInputOf(definition: composer.TemplateDefinition | undefined): unknown {
  if (definition === undefined) return undefined;
  return {
    name: definition.name,
    description: definition.description,
    parameters: definition.parameters.map(parameterInputOf),
    body: definition.body,
  };
}

function parameterInputOf(parameter: composer.TemplateParameter): Record<string, unknown> {
  return {
    name: parameter.name,
    type: parameter.type,
    ...(parameter.description === '' ? {} : { description: parameter.description }),
    ...(parameter.defaultValue === undefined ? {} : { default: parameter.defaultValue }),
    ...(parameter.min === undefined ? {} : { min: parameter.min }),
    ...(parameter.max === undefined ? {} : { max: parameter.max }),
    ...(parameter.allowed.length === 0 ? {} : { allowed: parameter.allowed }),
  };
}

/** One version of a template as the API shows it. */
export function templateOf(view: TemplateView): composer.Template {
  return {
    definition: {
      name: view.name,
      description: view.description,
      parameters: view.parameters.map(parameterOf),
      body: { ...view.body },
    },
    version: view.version,
    latestVersion: view.latestVersion,
    status: templateStatusOf(view.status),
    definedBy: view.definedBy,
    definedAt: view.definedAt,
  };
}

function parameterOf(parameter: TemplateParameter): composer.TemplateParameter {
  return {
    name: parameter.name,
    type: parameter.type,
    description: parameter.description ?? '',
    defaultValue: parameter.default,
    min: parameter.min,
    max: parameter.max,
    allowed: [...(parameter.allowed ?? [])],
  };
}

export function templateSummaryOf(summary: TemplateSummary): composer.TemplateSummary {
  return {
    name: summary.name,
    latestVersion: summary.latestVersion,
    description: summary.description,
    status: templateStatusOf(summary.status),
  };
}

export function templateStatusOf(status: 'active' | 'retired'): composer.TemplateStatus {
  return status === 'active'
    ? TemplateStatus.TEMPLATE_STATUS_ACTIVE
    : TemplateStatus.TEMPLATE_STATUS_RETIRED;
}

import { type SpecValidation, type TemplateRef, validateCompositionSpec } from '../spec/index.js';
import { isRecord, type Problems } from '../spec/validation-kit.js';
import { checkParameterValue, placeholderIn } from './parameter-values.js';
import { applyOverrides } from './template-overrides.js';
import type { ParameterValue, TemplateVersion } from './template-types.js';

/**
 * Renders one version of a template into a composition spec: resolves the parameters (given
 * values, else defaults), replaces each `${param}` string value by its value, applies the
 * overrides (README.md, "Overrides"), records `template` { name, version, parameters } in the
 * spec, and validates the result with `validateCompositionSpec`. Problems have paths:
 * `template.parameters["gpus"]` for parameters, the override's own path (`groups[0].count`)
 * for overrides, and the rendered spec's paths for what validation finds after rendering.
 */
export function renderTemplate(
  template: TemplateVersion,
  parameters: Readonly<Record<string, unknown>> | undefined,
  overrides: Readonly<Record<string, unknown>> = {},
): SpecValidation {
  const problems: Problems = [];
  const values = resolveParameters(template, parameters ?? {}, problems);
  const body = substitute(template.body, values);
  const merged = applyOverrides(
    isRecord(body) ? body : {},
    { ...overrides },
    template.name,
    problems,
  );
  if (problems.length > 0) return { ok: false, problems };
  const ref: TemplateRef = {
    name: template.name,
    version: String(template.version),
    parameters: values,
  };
  return validateCompositionSpec({ ...merged, template: ref });
}

function resolveParameters(
  template: TemplateVersion,
  given: Readonly<Record<string, unknown>>,
  problems: Problems,
): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  for (const key of Object.keys(given)) {
    if (!template.parameters.some((parameter) => parameter.name === key)) {
      problems.push({
        path: parameterPath(key),
        message: `is not a parameter of template "${template.name}" version ${template.version}`,
      });
    }
  }
  for (const parameter of template.parameters) {
    const path = parameterPath(parameter.name);
    const value = given[parameter.name] ?? parameter.default;
    if (value === undefined) {
      problems.push({ path, message: 'is required: the template gives it no default' });
    } else if (checkParameterValue(parameter, value, path, problems)) {
      values[parameter.name] = value;
    }
  }
  return values;
}

function parameterPath(name: string): string {
  return `template.parameters["${name}"]`;
}

function substitute(value: unknown, values: Readonly<Record<string, ParameterValue>>): unknown {
  if (typeof value === 'string') {
    const name = placeholderIn(value);
    return name === undefined ? value : (values[name] ?? value);
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substitute(item, values)]),
    );
  }
  return value;
}

import {
  CompositionSpecInvalidError,
  renderTemplate,
  type SpecProblem,
  TemplateNotFoundError,
  TemplateRetiredError,
  templateVersion,
} from '@tessera/composer-domain';
import type { TemplateRepository } from './template-repository.js';

const versionSyntax = /^[1-9][0-9]{0,8}$/;

/**
 * The spec to validate for a request: the input itself, or, when it names a `template`, that
 * template rendered with its parameters and the input's other fields as overrides (the
 * template folder's README.md, "Overrides"). Throws, storing nothing:
 * `TemplateNotFoundError` (no such template or version, or no template repository),
 * `TemplateRetiredError`, or `CompositionSpecInvalidError` listing every problem of the
 * reference, the parameters, the overrides and the rendered spec.
 */
export async function resolveSpec(
  templates: TemplateRepository | undefined,
  input: unknown,
): Promise<unknown> {
  if (!isRecord(input) || input.template === undefined) return input;
  const { template: reference, ...overrides } = input;
  const ref = checkedReference(reference);
  if (templates === undefined) throw new TemplateNotFoundError(ref.name, ref.version);
  const { state } = await templates.load(ref.name);
  if (state.status === 'absent') throw new TemplateNotFoundError(ref.name);
  if (state.status === 'retired') throw new TemplateRetiredError(ref.name);
  const version = templateVersion(state, ref.version);
  if (!version) throw new TemplateNotFoundError(ref.name, ref.version);
  const rendered = renderTemplate(version, ref.parameters, overrides);
  if (!rendered.ok) throw new CompositionSpecInvalidError(rendered.problems);
  return rendered.spec;
}

interface Reference {
  readonly name: string;
  readonly version?: number;
  readonly parameters?: Readonly<Record<string, unknown>>;
}

function checkedReference(value: unknown): Reference {
  const problems: SpecProblem[] = [];
  if (!isRecord(value)) {
    throw new CompositionSpecInvalidError([{ path: 'template', message: 'must be an object' }]);
  }
  for (const key of Object.keys(value)) {
    if (!['name', 'version', 'parameters'].includes(key)) {
      problems.push({ path: `template.${key}`, message: 'is not a known field' });
    }
  }
  const { name, version, parameters } = value;
  if (typeof name !== 'string' || name.trim() === '') {
    problems.push({ path: 'template.name', message: 'must be the name of a template' });
  }
  const given = typeof version === 'number' ? String(version) : version;
  if (given !== undefined && (typeof given !== 'string' || !versionSyntax.test(given))) {
    problems.push({ path: 'template.version', message: 'must be a version number such as "2"' });
  }
  if (parameters !== undefined && !isRecord(parameters)) {
    problems.push({ path: 'template.parameters', message: 'must be an object' });
  }
  if (problems.length > 0) throw new CompositionSpecInvalidError(problems);
  return {
    name: name as string,
    version: given === undefined ? undefined : Number(given),
    parameters: parameters as Reference['parameters'],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

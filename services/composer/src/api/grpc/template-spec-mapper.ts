import type { TemplateRef } from '@tessera/composer-domain';
import type { composer } from '@tessera/contracts';
import { hostInputOf, nonEmptyLabels, shapeInputOf } from './spec-input-parts.js';

/**
 * A request's spec that names a template, as `resolveSpec` reads it: the reference, and as
 * overrides only the fields the request sets (proto3 cannot tell "left out" from "empty", so
 * empty text, 0 and empty lists keep the template's value). Nothing is checked here: the
 * template's rendering names every problem with its path under `spec`.
 */
export function templateSpecInputOf(
  spec: composer.CompositionSpec,
  template: composer.TemplateReference,
): Record<string, unknown> {
  const host = hostInputOf(spec);
  return {
    template: {
      name: template.name,
      ...(template.version === undefined ? {} : { version: template.version }),
      ...(template.parameters === undefined ? {} : { parameters: template.parameters }),
    },
    ...(spec.name === '' ? {} : { name: spec.name }),
    ...(spec.tenant === '' ? {} : { tenant: spec.tenant }),
    ...nonEmptyLabels('labels', spec.labels),
    ...(Object.keys(host).length === 0 ? {} : { host }),
    ...(spec.groups.length === 0 ? {} : { groups: spec.groups.map(groupOverrideOf) }),
    ...(spec.healing === undefined
      ? {}
      : { healing: { replaceFailed: spec.healing.replaceFailed } }),
    ...(spec.priority === undefined ? {} : { priority: spec.priority }),
  };
}

/** The fields of a group override that the request sets; `name` says which group. */
function groupOverrideOf(group: composer.DeviceGroup): Record<string, unknown> {
  const shape = shapeInputOf(group);
  return {
    name: group.name,
    ...Object.fromEntries(Object.entries(shape).filter(([, value]) => value !== '' && value !== 0)),
    ...(group.alternatives.length === 0
      ? {}
      : { alternatives: group.alternatives.map(shapeInputOf) }),
  };
}

/** A stored spec's template reference as the API shows it (the version as a number). */
export function templateRefOf(template: TemplateRef): composer.TemplateReference {
  return {
    name: template.name,
    ...(template.version === undefined ? {} : { version: Number(template.version) }),
    ...(template.parameters === undefined ? {} : { parameters: { ...template.parameters } }),
  };
}

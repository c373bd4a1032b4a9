import { sameJson } from '../composition/same-json.js';
import { fieldPath, indexPath, isRecord, type Problems } from '../spec/validation-kit.js';

/** Top-level spec fields a composition naming a template may set. */
export const overridableFields = [
  'name',
  'tenant',
  'labels',
  'priority',
  'healing',
  'host',
  'groups',
] as const;
/**
 * Fields of a group override; the group is chosen by `name`. Other fields (kind, alternatives)
 * may only repeat the template's value, so a rendered spec submitted again renders the same.
 */
export const overridableGroupFields = ['count', 'selectors', 'labels', 'constraints'] as const;

/**
 * Applies a composition's overrides to a rendered template body (README.md, "Overrides"):
 * labels merge key by key (the override wins); groups are matched by name and each given
 * count / selectors / labels / constraints replaces the template's; every other field replaces
 * the template's value. Reports fields that may not be overridden and groups the template lacks.
 */
export function applyOverrides(
  body: Record<string, unknown>,
  overrides: Record<string, unknown>,
  templateName: string,
  problems: Problems,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...body };
  for (const [field, value] of Object.entries(overrides)) {
    if (!overridableFields.some((known) => known === field)) {
      problems.push({ path: field, message: 'is not a field a template override may set' });
    } else if (field === 'labels' && isRecord(value) && isRecord(body.labels)) {
      merged.labels = { ...body.labels, ...value };
    } else if (field === 'groups') {
      merged.groups = overrideGroups(body.groups, value, templateName, problems);
    } else {
      merged[field] = value;
    }
  }
  return merged;
}

function overrideGroups(
  groups: unknown,
  overrides: unknown,
  templateName: string,
  problems: Problems,
): unknown {
  if (!Array.isArray(overrides)) {
    problems.push({ path: 'groups', message: 'must be a list of group overrides, by name' });
    return groups;
  }
  const result = Array.isArray(groups) ? [...(groups as unknown[])] : [];
  overrides.forEach((override, index) => {
    const path = indexPath('groups', index);
    if (!isRecord(override)) {
      problems.push({ path, message: 'must be an object naming a group of the template' });
      return;
    }
    const at = result.findIndex((group) => isRecord(group) && group.name === override.name);
    const target = result[at];
    if (!isRecord(target)) {
      const shown = typeof override.name === 'string' ? `"${override.name}"` : 'this';
      problems.push({
        path: fieldPath(path, 'name'),
        message: `${shown} is not a group of template "${templateName}"`,
      });
      return;
    }
    const replaced: Record<string, unknown> = { ...target };
    for (const [field, value] of Object.entries(override)) {
      if (field === 'name') continue;
      if (overridableGroupFields.some((known) => known === field)) replaced[field] = value;
      else if (!sameJson(target[field], value))
        problems.push({
          path: fieldPath(path, field),
          message: 'is not a field a group override may set',
        });
    }
    result[at] = replaced;
  });
  return result;
}

import { sameJson } from '../composition/same-json.js';
import type { TemplateCommand } from './template-commands.js';
import { TemplateDefinitionInvalidError, TemplateNotFoundError } from './template-errors.js';
import type { TemplateFact } from './template-facts.js';
import type { TemplateState } from './template-state.js';
import type { TemplateDefinition } from './template-types.js';
import { validateTemplateDefinition } from './validate-template-definition.js';

/**
 * Decides what a command on the template named `name` means, as facts.
 * - Define: the next version (1 for a new name). A definition equal to the latest version of an
 *   active template is a retry and adds nothing. Defining a retired template revives it with a
 *   new version. A bad definition throws `TemplateDefinitionInvalidError` listing every problem;
 *   a definition whose name is not `name` is one of them.
 * - Retire: no new composition may name the template; retiring twice adds nothing.
 */
export function decideTemplate(
  name: string,
  command: TemplateCommand,
  state: TemplateState,
  now: Date,
): TemplateFact[] {
  switch (command.command) {
    case 'Define': {
      const validation = validateTemplateDefinition(command.definition);
      if (!validation.ok) throw new TemplateDefinitionInvalidError(validation.problems);
      const { definition } = validation;
      if (definition.name !== name) {
        throw new TemplateDefinitionInvalidError([
          { path: 'name', message: `must be "${name}", the template being defined` },
        ]);
      }
      const latest = state.status === 'absent' ? undefined : state.versions.at(-1);
      if (state.status === 'active' && latest && sameDefinition(latest, definition)) {
        return [];
      }
      return [
        {
          fact: 'Defined',
          ...definition,
          version: (latest?.version ?? 0) + 1,
          definedBy: command.definedBy,
          definedAt: now.toISOString(),
        },
      ];
    }
    case 'Retire':
      if (state.status === 'absent') throw new TemplateNotFoundError(name);
      if (state.status === 'retired') return [];
      return [
        {
          fact: 'Retired',
          reason: command.reason,
          retiredBy: command.retiredBy,
          retiredAt: now.toISOString(),
        },
      ];
    default:
      return exhaustive(command);
  }
}

function sameDefinition(stored: TemplateDefinition, definition: TemplateDefinition): boolean {
  const { name, description, parameters, body } = stored;
  return sameJson({ name, description, parameters, body }, definition);
}

function exhaustive(value: never): never {
  throw new Error(`unhandled template command ${JSON.stringify(value)}`);
}

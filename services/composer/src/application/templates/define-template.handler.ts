import {
  decideTemplate,
  evolveTemplate,
  type TemplateCommand,
  TemplateDefinitionInvalidError,
  type TemplateState,
  validateTemplateDefinition,
} from '@tessera/composer-domain';
import type { Clock } from '../ports/clock.js';
import type { CommandContext } from '../ports/command-context.js';
import { VersionConflictError } from '../ports/composition-repository.js';
import type {
  DefinedTemplate,
  DefineTemplateCommand,
  RetireTemplateCommand,
} from './define-template.command.js';
import type { TemplateRepository } from './template-repository.js';

export interface TemplateCommandDeps {
  readonly templates: TemplateRepository;
  readonly clock: Clock;
}

/** Concurrent definitions of one name: each retry loads the new latest version. */
const maxAttempts = 3;

/**
 * Defines the next version of a template (1 for a new name). A bad definition throws
 * `TemplateDefinitionInvalidError` listing every problem and stores nothing; repeating the
 * latest definition stores nothing and answers its version.
 */
export async function defineTemplate(
  deps: TemplateCommandDeps,
  command: DefineTemplateCommand,
  context: CommandContext,
): Promise<DefinedTemplate> {
  const validation = validateTemplateDefinition(command.definition);
  if (!validation.ok) throw new TemplateDefinitionInvalidError(validation.problems);
  const { name } = validation.definition;
  const state = await decideAndAppend(
    deps,
    name,
    { command: 'Define', definition: command.definition, definedBy: command.definedBy },
    context,
  );
  const version = state.status === 'absent' ? 0 : (state.versions.at(-1)?.version ?? 0);
  return { name, version };
}

/** Retires a template: no new composition may name it. Retiring twice changes nothing. */
export async function retireTemplate(
  deps: TemplateCommandDeps,
  command: RetireTemplateCommand,
  context: CommandContext,
): Promise<void> {
  await decideAndAppend(
    deps,
    command.name,
    { command: 'Retire', reason: command.reason, retiredBy: command.retiredBy },
    context,
  );
}

async function decideAndAppend(
  deps: TemplateCommandDeps,
  name: string,
  command: TemplateCommand,
  context: CommandContext,
): Promise<TemplateState> {
  for (let attempt = 1; ; attempt += 1) {
    const { state, version } = await deps.templates.load(name);
    const facts = decideTemplate(name, command, state, deps.clock.now());
    if (facts.length === 0) return state;
    try {
      await deps.templates.append(name, facts, version, context);
      return facts.reduce(evolveTemplate, state);
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) throw error;
    }
  }
}

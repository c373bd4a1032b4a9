import { decideSource, type SourceCommand, type SourceFact } from '@tessera/inventory-domain';
import type { CommandContext } from './ports/command-context.js';
import type { SourceRepository } from './ports/source-repository.js';
import { decideAndAppend } from './shared/decide-and-append.js';

/** Runs a command on a discovery source, decided again after a concurrent change (5 times). */
export function executeSourceCommand(
  sources: SourceRepository,
  id: string,
  command: SourceCommand,
  context: CommandContext,
): Promise<SourceFact[]> {
  return decideAndAppend({
    load: () => sources.load(id),
    decide: (state) => decideSource(id, command, state),
    append: (facts, version) => sources.append(id, facts, version, context),
    maxAttempts: 5,
    conflictBackoffStepMs: 0,
  });
}

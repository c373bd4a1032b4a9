import { decideSource, type SourceCommand, type SourceFact } from '@tessera/inventory-domain';
import type { CommandContext } from './ports/command-context.js';
import { VersionConflictError } from './ports/item-repository.js';
import type { SourceRepository } from './ports/source-repository.js';

const maxAttempts = 5;

/** Load, decide, append with the version read; decided again after a concurrent change. */
export async function executeSourceCommand(
  sources: SourceRepository,
  id: string,
  command: SourceCommand,
  context: CommandContext,
): Promise<SourceFact[]> {
  for (let attempt = 1; ; attempt += 1) {
    const { state, version } = await sources.load(id);
    const facts = decideSource(id, command, state);
    if (facts.length === 0) return facts;
    try {
      await sources.append(id, facts, version, context);
      return facts;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= maxAttempts) throw error;
    }
  }
}

import type { ComposeDeps } from '../compose/compose-deps.js';
import type { CommandContext } from '../ports/command-context.js';
import { applyCommand } from './apply-command.js';

/**
 * Asks the host to attach every device a scheduled composition holds: the `AttachRequested`
 * intent goes out through the outbox (keyed by host). Run right after scheduling; repeating it
 * changes nothing. Returns the number of devices asked for.
 */
export async function startAttaching(
  deps: Pick<ComposeDeps, 'compositions' | 'clock'>,
  compositionId: string,
  context: CommandContext,
): Promise<number> {
  const facts = await applyCommand(deps, compositionId, { command: 'StartAttaching' }, context);
  let devices = 0;
  for (const fact of facts ?? []) {
    if (fact.fact === 'AttachRequested') devices += fact.devices.length;
  }
  return devices;
}

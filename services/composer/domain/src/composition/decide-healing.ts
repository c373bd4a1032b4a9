import { inStatus, requiredText } from './command-checks.js';
import type { CompositionCommand } from './composition-commands.js';
import { HealingDisabledError, InvalidCompositionCommandError } from './composition-errors.js';
import type { CompositionFact } from './composition-facts.js';
import { bindingOf, type Composition } from './composition-state.js';

type ReportNoReplacement = Extract<CompositionCommand, { command: 'ReportNoReplacement' }>;

/**
 * Healing looked for a replacement of a failed device and found none: the composition stays
 * ready with the failed device, degraded, until a later `ReplaceFailedDevice` succeeds. Reported
 * once per failed device; repeating it changes nothing.
 */
export function reportNoReplacement(
  command: ReportNoReplacement,
  composition: Composition,
): CompositionFact[] {
  if (composition.degradedDeviceIds.includes(command.failedDeviceId)) {
    return [];
  }
  inStatus(composition, command.command, 'ready');
  if (composition.spec.healing?.replaceFailed !== true) {
    throw new HealingDisabledError(composition.id);
  }
  const failed = bindingOf(composition, command.failedDeviceId);
  if (failed?.status !== 'attached') {
    throw new InvalidCompositionCommandError(
      'failedDeviceId',
      `"${command.failedDeviceId}" is not attached to composition "${composition.id}"`,
    );
  }
  return [
    {
      fact: 'ReplacementUnavailable',
      group: failed.group,
      failedDeviceId: failed.deviceId,
      reason: requiredText(command.reason, 'reason'),
    },
  ];
}

import { scheduler } from '@tessera/composer-domain';
import type { CandidateSource } from '../ports/candidate-source.js';
import type { Clock } from '../ports/clock.js';
import type { CompositionRepository } from '../ports/composition-repository.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { LeaseSlots } from '../ports/lease-slots.js';
import type { TemplateRepository } from '../templates/template-repository.js';

/** What composing a server needs. Optional settings have the defaults below. */
export interface ComposeDeps {
  readonly compositions: CompositionRepository;
  readonly candidates: CandidateSource;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** This process's identity: the owner of every reservation it makes. */
  readonly owner: string;
  readonly schedulerConfig?: scheduler.SchedulerConfig;
  readonly pluginRegistry?: scheduler.PluginRegistry;
  /** How long scheduled devices stay reserved for their attach. */
  readonly attachTimeoutMs?: number;
  /**
   * Whether scheduling also asks the host to attach, in the same transaction (one step fewer;
   * the outcome is then `attaching`). Otherwise `startAttaching` follows as its own step.
   */
  readonly attachOnSchedule?: boolean;
  /** Choices the ledger may refuse (devices taken meanwhile) before the request fails. */
  readonly maxScheduleAttempts?: number;
  /** Where templates are kept; without it a spec naming a template is TEMPLATE_NOT_FOUND. */
  readonly templates?: TemplateRepository;
  /**
   * The devices leases hold for their compositions: a lease's composition is rescheduled on
   * what its lease still holds for it. Without it, only devices free to anyone are chosen.
   */
  readonly leaseSlots?: LeaseSlots;
}

export const defaultAttachTimeoutMs = 5 * 60_000;
export const defaultMaxScheduleAttempts = 5;

export function schedulerConfigOf(
  deps: Pick<ComposeDeps, 'schedulerConfig'>,
): scheduler.SchedulerConfig {
  return deps.schedulerConfig ?? scheduler.defaultSchedulerConfig;
}

export function pluginRegistryOf(
  deps: Pick<ComposeDeps, 'pluginRegistry'>,
): scheduler.PluginRegistry {
  return deps.pluginRegistry ?? scheduler.builtinPlugins;
}

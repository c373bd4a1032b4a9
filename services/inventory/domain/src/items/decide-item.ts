import {
  healthStates,
  type ItemFact,
  type ItemKind,
  type ItemState,
  type PresentItem,
  reportedHealthOf,
  sameJson,
  sameSource,
  sourceReportReason,
} from '@tessera/hardware';
import type { ItemCommand } from './item-commands.js';
import {
  InvalidItemCommandError,
  ItemNotFoundError,
  ItemRetiredError,
  ItemSourceConflictError,
} from './item-errors.js';
import { validateLabels } from './labels.js';

/**
 * Decides what a command on an item means, as facts (possibly none: every command is
 * idempotent, so repeating one changes nothing). Throws a typed error when the command is not
 * allowed; then nothing is appended.
 */
export function decideItem<K extends ItemKind>(
  kind: K,
  id: string,
  command: ItemCommand<K>,
  state: ItemState<K>,
): ItemFact<K>[] {
  if (state.status === 'absent') {
    if (command.command === 'Observe') {
      return [{ fact: 'Registered', spec: command.spec, source: command.source }];
    }
    throw new ItemNotFoundError(kind, id);
  }
  const item = state;
  const retired = (action: string): ItemRetiredError => new ItemRetiredError(kind, id, action);
  switch (command.command) {
    case 'Observe':
      if (!sameSource(item.source, command.source)) {
        throw new ItemSourceConflictError(kind, id, item.source, command.source);
      }
      return item.retirement ? [] : observe(item, command.spec, command.source.id);
    case 'MarkMissing':
      if (!sameSource(item.source, command.source)) {
        throw new ItemSourceConflictError(kind, id, item.source, command.source);
      }
      return item.missing || item.retirement
        ? []
        : [{ fact: 'WentMissing', sourceId: command.source.id }];
    case 'SetLabels': {
      if (item.retirement) throw retired('labelled');
      validateLabels(command.labels);
      return sameJson(item.operatorLabels ?? {}, command.labels)
        ? []
        : [{ fact: 'LabelsSet', labels: command.labels }];
    }
    case 'SetHealth':
      if (item.retirement) throw retired('given a health');
      if (!healthStates.includes(command.health)) {
        throw new InvalidItemCommandError('health', `must be one of ${healthStates.join(', ')}`);
      }
      return item.health === command.health
        ? []
        : [{ fact: 'HealthSet', health: command.health, reason: required(command.reason) }];
    case 'Cordon':
      if (item.retirement) throw retired('cordoned');
      return item.cordon ? [] : [{ fact: 'Cordoned', reason: required(command.reason) }];
    case 'Uncordon':
      if (item.retirement) throw retired('uncordoned');
      return item.cordon ? [{ fact: 'Uncordoned', reason: required(command.reason) }] : [];
    case 'Retire':
      return item.retirement ? [] : [{ fact: 'Retired', reason: required(command.reason) }];
  }
}

/** A known item reported again: what changed, as facts. */
function observe<K extends ItemKind>(
  item: PresentItem<K>,
  spec: PresentItem<K>['spec'],
  sourceId: string,
): ItemFact<K>[] {
  const facts: ItemFact<K>[] = [];
  if (item.missing) {
    facts.push({ fact: 'Reappeared', sourceId });
  }
  if (!sameJson(withoutHealth(item.spec), withoutHealth(spec))) {
    facts.push({ fact: 'SpecUpdated', spec });
  }
  const reported = reportedHealthOf(spec);
  if (reported !== undefined && reported !== item.reportedHealth) {
    facts.push({ fact: 'HealthSet', health: reported, reason: sourceReportReason });
  }
  return facts;
}

function withoutHealth(spec: object): object {
  const { health: _health, ...rest } = spec as { health?: unknown };
  return rest;
}

function required(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') {
    throw new InvalidItemCommandError('reason', 'must not be empty: say why');
  }
  if (trimmed.length > 500) {
    throw new InvalidItemCommandError('reason', 'must be at most 500 characters');
  }
  return trimmed;
}

import { InvalidItemCommandError } from '../items/item-errors.js';
import { sameJson } from '@tessera/hardware';
import {
  type RedfishSourceSpec,
  SourceAlreadyExistsError,
  type SourceCommand,
  type SourceFact,
  SourceNotFoundError,
  type SourceState,
} from './source-model.js';

const sourceId = /^[a-z0-9][a-z0-9-]{0,62}$/;
const minIntervalSeconds = 10;
const maxIntervalSeconds = 86_400;

/** Decides a command on a discovery source; every command is idempotent. */
export function decideSource(id: string, command: SourceCommand, state: SourceState): SourceFact[] {
  if (command.command === 'Register') {
    validateSpec(id, command.spec);
    if (state.status === 'registered') {
      if (sameJson(state.spec, command.spec)) return [];
      if (state.spec.url !== command.spec.url) throw new SourceAlreadyExistsError(id);
      return [{ fact: 'IntervalChanged', intervalSeconds: command.spec.intervalSeconds }];
    }
    return [{ fact: 'Registered', spec: command.spec }];
  }
  if (state.status !== 'registered') {
    if (command.command === 'Remove' && state.status === 'removed') return [];
    throw new SourceNotFoundError(id);
  }
  switch (command.command) {
    case 'RecordSync':
      return state.answering
        ? [{ fact: 'Synced', counts: command.counts }]
        : [{ fact: 'AnsweringAgain' }, { fact: 'Synced', counts: command.counts }];
    case 'RecordFailure':
      return state.answering ? [{ fact: 'StoppedAnswering', error: command.error }] : [];
    case 'Remove':
      return [{ fact: 'Removed', reason: command.reason.trim() || 'removed by an operator' }];
  }
}

export function evolveSource(state: SourceState, fact: SourceFact): SourceState {
  switch (fact.fact) {
    case 'Registered':
      return { status: 'registered', spec: fact.spec, answering: true, lastError: undefined };
    case 'Removed':
      return { status: 'removed' };
    case 'IntervalChanged':
      return state.status === 'registered'
        ? { ...state, spec: { ...state.spec, intervalSeconds: fact.intervalSeconds } }
        : state;
    case 'Synced':
      return state;
    case 'StoppedAnswering':
      return state.status === 'registered'
        ? { ...state, answering: false, lastError: fact.error }
        : state;
    case 'AnsweringAgain':
      return state.status === 'registered'
        ? { ...state, answering: true, lastError: undefined }
        : state;
  }
}

function validateSpec(id: string, spec: RedfishSourceSpec): void {
  if (!sourceId.test(id) || spec.id !== id) {
    throw new InvalidItemCommandError(
      'id',
      'must be 1-63 lower-case letters, digits or "-", starting with a letter or digit',
    );
  }
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    throw new InvalidItemCommandError('url', `"${spec.url}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidItemCommandError('url', 'must be an http or https URL');
  }
  if (
    !Number.isInteger(spec.intervalSeconds) ||
    spec.intervalSeconds < minIntervalSeconds ||
    spec.intervalSeconds > maxIntervalSeconds
  ) {
    throw new InvalidItemCommandError(
      'intervalSeconds',
      `must be an integer from ${minIntervalSeconds} to ${maxIntervalSeconds}`,
    );
  }
}

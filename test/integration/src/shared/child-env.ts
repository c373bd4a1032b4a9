import { type TransportKind, type TransportSettings } from './transport-kind.js';

/** Where a relay child stops to be killed: nowhere, before the transport publish, or in `onPublished`. */
export type RelayHold = 'none' | 'before-publish' | 'after-publish';

/** Everything a child process of a scenario needs, passed as one JSON environment variable. */
export interface ChildSettings extends TransportSettings {
  /** Names the process in the effect tables (`applied_by`, `delivered_to`) and in client ids. */
  readonly label: string;
  /** The publishing service's event store schema (its outbox). */
  readonly storeSchema: string;
  /** The consuming service's schema: `processed_messages` and the effect tables. */
  readonly consumerSchema: string;
  /** The idempotent consumer's name. */
  readonly consumer: string;
  readonly topic: string;
  readonly group: string;
  readonly relayHold: RelayHold;
  /** A consumer child holds (to be killed) right after its n-th effect committed; null: never. */
  readonly holdAfterEffects: number | null;
}

const settingsVariable = 'TESSERA_IT_CHILD_SETTINGS';

export class ChildSettingsError extends Error {
  readonly code = 'CHILD_SETTINGS_INVALID';

  constructor(message: string) {
    super(`${settingsVariable}: ${message}`);
    this.name = 'ChildSettingsError';
  }
}

/** The environment of a child process: this process's, the settings, and kafkajs kept quiet. */
export function childProcessEnv(settings: ChildSettings): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    [settingsVariable]: JSON.stringify(settings),
  };
}

/** Reads and checks the settings the parent passed; throws `ChildSettingsError` naming every problem. */
export function readChildSettings(): ChildSettings {
  const raw = process.env[settingsVariable];
  if (raw === undefined) throw new ChildSettingsError('is not set');
  const value: unknown = JSON.parse(raw);
  if (typeof value !== 'object' || value === null) throw new ChildSettingsError('is not an object');
  const settings = value as Record<keyof ChildSettings, unknown>;
  const problems = [
    ...(
      [
        'label',
        'databaseUrl',
        'logSchema',
        'storeSchema',
        'consumerSchema',
        'consumer',
        'topic',
        'group',
      ] as const
    )
      .filter((key) => typeof settings[key] !== 'string' || settings[key] === '')
      .map((key) => `${key} must be a non-empty string`),
    ...(isOneOf<TransportKind>(settings.transport, ['kafka', 'postgres'])
      ? []
      : ['transport must be kafka or postgres']),
    ...(Array.isArray(settings.kafkaBrokers) &&
    settings.kafkaBrokers.every((broker) => typeof broker === 'string')
      ? []
      : ['kafkaBrokers must be an array of host:port strings']),
    ...(isOneOf<RelayHold>(settings.relayHold, ['none', 'before-publish', 'after-publish'])
      ? []
      : ['relayHold must be none, before-publish or after-publish']),
    ...(settings.holdAfterEffects === null ||
    (Number.isSafeInteger(settings.holdAfterEffects) && Number(settings.holdAfterEffects) > 0)
      ? []
      : ['holdAfterEffects must be null or a positive integer']),
  ];
  if (problems.length > 0) throw new ChildSettingsError(problems.join('; '));
  return value as ChildSettings;
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

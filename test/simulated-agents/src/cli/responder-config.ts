import { parseArgs } from 'node:util';
import { InvalidResponderOptionsError } from '../responder-errors.js';
import { assertValidBehaviour, type SimulatedBehaviour } from '../simulated-decision.js';

export interface ResponderConfig extends SimulatedBehaviour {
  readonly brokers: readonly string[];
  readonly intentsTopic: string;
  readonly observationsTopic: string;
  readonly group: string;
}

export const responderUsage = `usage: simulated-agents [options]   (KAFKA_BROKERS=host:port[,host:port...] required)
  --latency-min-ms <n>        shortest answer time (default 50)
  --latency-max-ms <n>        longest answer time (default 500)
  --failure-rate <0..1>       share of attaches that fail (default 0)
  --seed <integer>            same seed, same answers (default 1)
  --group <name>              consumer group (default tessera.simulated-agents)
  --intents-topic <name>      default tessera.composer.events.v1
  --observations-topic <name> default tessera.fleet.events.v1`;

/**
 * The whole configuration from the command line and the environment, read once at start;
 * every bad value is named at once.
 */
export function readResponderConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ResponderConfig {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      'latency-min-ms': { type: 'string', default: '50' },
      'latency-max-ms': { type: 'string', default: '500' },
      'failure-rate': { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      group: { type: 'string', default: 'tessera.simulated-agents' },
      'intents-topic': { type: 'string', default: 'tessera.composer.events.v1' },
      'observations-topic': { type: 'string', default: 'tessera.fleet.events.v1' },
    },
  });
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  const behaviour: SimulatedBehaviour = {
    latencyMs: { min: Number(values['latency-min-ms']), max: Number(values['latency-max-ms']) },
    failureRate: Number(values['failure-rate']),
    seed: Number(values.seed),
  };
  const problems: string[] = brokers.length === 0 ? ['KAFKA_BROKERS is not set'] : [];
  try {
    assertValidBehaviour(behaviour);
  } catch (error) {
    if (!(error instanceof InvalidResponderOptionsError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0) throw new InvalidResponderOptionsError(problems);
  return {
    ...behaviour,
    brokers,
    intentsTopic: values['intents-topic'],
    observationsTopic: values['observations-topic'],
    group: values.group,
  };
}

/**
 * `KAFKA_BROKERS=127.0.0.1:9092 npx tsx --conditions=@tessera/source test/simulated-agents/src/cli/main.ts [options]`
 *
 * Runs the simulated responder against Kafka until SIGINT or SIGTERM, then prints its counters
 * as one JSON object on stdout. Exit codes: 0 stopped by a signal, 1 failed, 2 bad options.
 */
import { createKafkaTransport } from '@tessera/event-transport';
import { InvalidResponderOptionsError } from '../responder-errors.js';
import { startSimulatedResponder } from '../simulated-responder.js';
import { type ResponderConfig, readResponderConfig, responderUsage } from './responder-config.js';

async function main(): Promise<number> {
  let config: ResponderConfig;
  try {
    config = readResponderConfig(process.argv.slice(2), process.env);
  } catch (error) {
    const reason =
      error instanceof InvalidResponderOptionsError ? error.problems.join('\n  ') : String(error);
    process.stderr.write(`simulated-agents: ${reason}\n${responderUsage}\n`);
    return 2;
  }
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const transport = createKafkaTransport({ brokers: config.brokers, clientId: config.group });
  try {
    const responder = await startSimulatedResponder({ ...config, transport });
    process.stderr.write(
      `simulated-agents: answering ${config.intentsTopic} on ${config.observationsTopic} ` +
        `(latency ${String(config.latencyMs.min)}..${String(config.latencyMs.max)} ms, ` +
        `failure rate ${String(config.failureRate)}, seed ${String(config.seed)})\n`,
    );
    await stopSignal();
    await responder.stop();
    process.stdout.write(`${JSON.stringify(responder.counters())}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(
      `simulated-agents failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  } finally {
    await transport.close();
  }
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

process.exitCode = await main();

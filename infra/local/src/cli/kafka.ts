/**
 * `npm run infra -- kafka <fetch|start>`: download Apache Kafka into the cache, or run a
 * single-node KRaft broker in the foreground.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_KAFKA_VERSION,
  ensureKafkaDistribution,
  kafkaCacheDir,
  LocalKafkaError,
  startKafka,
  type LocalKafka,
} from '../kafka/index.js';
import { readFileTail } from '../process/index.js';

const usage = `usage: npm run infra -- kafka <fetch|start> [options]

  fetch    download the broker (Apache Kafka ${DEFAULT_KAFKA_VERSION} from Maven Central) into the
           cache, once; later runs reuse it without network
  start    start a single-node KRaft broker on 127.0.0.1 in the foreground; prints
           KAFKA_BROKERS=127.0.0.1:PORT once it answers clients; Ctrl-C (SIGINT) or SIGTERM stops it

options:
  --version V      Kafka release, 4.x (default: TESSERA_KAFKA_VERSION, else ${DEFAULT_KAFKA_VERSION})
  --port N         (start) client port (default: a free port)
  --data-dir DIR   (start) keep the broker's data and log in DIR, kept after stop;
                   without it a temporary folder is used and removed at stop

Needs a JDK 17+ (java on PATH or JAVA_HOME) and, for the first download only, Maven (mvn).
The cache is ${kafkaCacheDir()} (set TESSERA_CACHE_DIR to move it).

Example:
  npm run infra -- kafka start --port 9092 --data-dir .data/kafka
  KAFKA_BROKERS=127.0.0.1:9092 npm test`;

const options = {
  version: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runKafkaCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, strict: true }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (parsed.help === true || command === '--help' || command === '-h') {
    console.log(usage);
    return 0;
  }
  switch (command) {
    case 'fetch':
      return reportErrors(() => fetch(parsed.version));
    case 'start':
      return reportErrors(() => start(parsed));
    case undefined:
      console.error(usage);
      return 2;
    default:
      console.error(`unknown kafka command: ${command}\n\n${usage}`);
      return 2;
  }
}

async function fetch(version: string | undefined): Promise<number> {
  const distribution = await ensureKafkaDistribution({ version });
  const how = distribution.fetched ? 'downloaded' : 'already in the cache';
  console.log(`Apache Kafka ${distribution.version} ${how}: ${distribution.jarsDir}`);
  return 0;
}

async function start(parsed: {
  version?: string;
  port?: string;
  'data-dir'?: string;
}): Promise<number> {
  const port = parsed.port === undefined ? undefined : Number(parsed.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65_536)) {
    console.error(`--port must be a TCP port number, got ${String(parsed.port)}`);
    return 2;
  }
  const kafka = await startKafka({ version: parsed.version, port, dataDir: parsed['data-dir'] });
  console.error(
    `Apache Kafka ${kafka.version} in ${kafka.dataDir} (pid ${kafka.pid}, log ${kafka.logFile})`,
  );
  console.log(`KAFKA_BROKERS=${kafka.brokers.join(',')}`);
  return runUntilStopped(kafka);
}

/** Waits for SIGINT/SIGTERM (stops the broker: exit 0) or for the broker to die (exit 1). */
async function runUntilStopped(kafka: LocalKafka): Promise<number> {
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const outcome = await Promise.race([signalled, kafka.exited]);
  if (typeof outcome === 'string') {
    console.error(`${outcome}: stopping Kafka`);
    await kafka.stop();
    return 0;
  }
  const tail = await readFileTail(kafka.logFile);
  console.error(
    `Kafka exited on its own (code ${String(outcome.exitCode)}, signal ${String(outcome.signal)}); ` +
      `end of its log:\n${tail}`,
  );
  await kafka.stop();
  return 1;
}

/** Typed errors become one readable message and exit code 1; anything else is a bug: rethrow. */
async function reportErrors(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof LocalKafkaError)) throw error;
    console.error(`kafka: ${error.code}: ${error.message}`);
    return 1;
  }
}

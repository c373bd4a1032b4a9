/**
 * `npm run infra -- <kafka|postgres> <command>`: fetch, start and stop the local Kafka broker and
 * Postgres cluster that tests, benchmarks and distributed mode use on a machine without Docker.
 */
import { runKafkaCommand } from './kafka.js';
import { runPostgresCommand } from './postgres.js';

const usage = `usage: npm run infra -- <kafka|postgres> <command> [options]

  kafka fetch              download the broker into the cache (once)
  kafka start              start a single-node KRaft broker in the foreground
  postgres start           start a Postgres cluster in the foreground

Run a command with --help for its options.`;

async function main(argv: string[]): Promise<number> {
  const [component, ...rest] = argv;
  switch (component) {
    case 'kafka':
      return runKafkaCommand(rest);
    case 'postgres':
      return runPostgresCommand(rest);
    case undefined:
    case '--help':
    case 'help':
      console.log(usage);
      return 0;
    default:
      console.error(`unknown component "${component}"\n\n${usage}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));

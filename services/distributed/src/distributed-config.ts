import path from 'node:path';
import type { DistributedOptions } from './distributed.js';
import { DistributedError } from './errors.js';

/** The variables `npm run distributed` reads, their defaults, and what they mean (for --help). */
export const distributedVariables = [
  ['TESSERA_DATA_DIR', '.tessera-distributed', "Kafka's and Postgres' data, the admin token"],
  ['TESSERA_HTTP_HOST', '127.0.0.1', "where the gateway's REST and public gRPC APIs listen"],
  ['TESSERA_HTTP_PORT', '8080', 'the REST API port (0: a free one)'],
  ['TESSERA_GATEWAY_GRPC_PORT', '50060', "the gateway's public gRPC port (0: a free one)"],
  ['TESSERA_INVENTORY_GRPC_PORT', '50061', "the inventory's gRPC port, loopback (0: a free one)"],
  ['TESSERA_COMPOSER_GRPC_PORT', '50062', "the composer's gRPC port, loopback (0: a free one)"],
  ['TESSERA_ADMIN_TOKEN', 'unset', 'the admin token (16+ characters); unset: saved or new'],
  ['KAFKA_BROKERS', 'unset', 'a Kafka to use (host:port,...) instead of starting one'],
  ['DATABASE_URL', 'unset', 'a Postgres server to use instead of starting one'],
  ['TESSERA_DATABASE_PREFIX', 'tessera', 'databases <prefix>_inventory, _composer, _gateway'],
  ['TESSERA_LAB_SEED', '7', "the demo lab's seed"],
  ['TESSERA_LAB_HOSTS', '24', "the demo lab's compute hosts (1-2000)"],
  ['TESSERA_RUN_FROM', 'dist', 'dist (built files) or source (TypeScript through SWC)'],
] as const;

type Variable = (typeof distributedVariables)[number][0];
type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads every variable of `distributedVariables` once, failing with all the bad ones at once
 * (DISTRIBUTED_CONFIG_INVALID). Empty values count as unset; a relative TESSERA_DATA_DIR is
 * resolved against `cwd`. The services' own variables (INVENTORY_SYNC_ENABLED,
 * COMPOSER_OWNER_ID, OIDC_*) pass through the environment to them unchanged.
 */
export function loadDistributedConfig(
  environment: Environment = process.env,
  cwd: string = process.cwd(),
): DistributedOptions {
  const problems: string[] = [];
  const read = new Reader(environment, problems);
  const config: DistributedOptions = {
    dataDir: path.resolve(cwd, read.text('TESSERA_DATA_DIR') ?? '.tessera-distributed'),
    httpHost:
      read.matching('TESSERA_HTTP_HOST', /^[A-Za-z0-9.-]+$/, 'an IPv4 address or a host name') ??
      '127.0.0.1',
    httpPort: read.integer('TESSERA_HTTP_PORT', 0, 65_535) ?? 8080,
    grpcPorts: {
      gateway: read.integer('TESSERA_GATEWAY_GRPC_PORT', 0, 65_535) ?? 50060,
      inventory: read.integer('TESSERA_INVENTORY_GRPC_PORT', 0, 65_535) ?? 50061,
      composer: read.integer('TESSERA_COMPOSER_GRPC_PORT', 0, 65_535) ?? 50062,
    },
    adminToken: read.matching(
      'TESSERA_ADMIN_TOKEN',
      /^\S{16,}$/,
      'at least 16 characters, no spaces',
    ),
    kafkaBrokers: read
      .matching(
        'KAFKA_BROKERS',
        /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/,
        'a comma-separated list of host:port',
      )
      ?.split(','),
    databaseUrl: read.matching(
      'DATABASE_URL',
      /^postgres(ql)?:\/\/\S+$/,
      'a postgres:// or postgresql:// URL',
    ),
    databasePrefix:
      read.matching(
        'TESSERA_DATABASE_PREFIX',
        /^[a-z][a-z0-9_]{0,40}$/,
        'a-z, 0-9 and _, starting with a letter, at most 41',
      ) ?? 'tessera',
    lab: {
      seed: read.integer('TESSERA_LAB_SEED', 0, 2_147_483_647) ?? 7,
      hosts: read.integer('TESSERA_LAB_HOSTS', 1, 2_000) ?? 24,
    },
    runFrom: read.oneOf('TESSERA_RUN_FROM', ['dist', 'source'] as const) ?? 'dist',
  };
  if (problems.length > 0) {
    throw new DistributedError(
      'DISTRIBUTED_CONFIG_INVALID',
      `the environment is invalid:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
    );
  }
  return config;
}

/** Reads one variable at a time, noting each bad one in `problems`. */
class Reader {
  constructor(
    private readonly environment: Environment,
    private readonly problems: string[],
  ) {}

  text(name: Variable): string | undefined {
    const value = this.environment[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  matching(name: Variable, pattern: RegExp, what: string): string | undefined {
    const value = this.text(name);
    if (value === undefined || pattern.test(value)) return value;
    this.problems.push(`${name}: must be ${what}`);
    return undefined;
  }

  integer(name: Variable, min: number, max: number): number | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const number = Number(value);
    if (/^\d+$/.test(value) && number >= min && number <= max) return number;
    this.problems.push(`${name}: must be an integer from ${String(min)} to ${String(max)}`);
    return undefined;
  }

  oneOf<T extends string>(name: Variable, allowed: readonly T[]): T | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined) this.problems.push(`${name}: must be one of ${allowed.join(', ')}`);
    return match;
  }
}

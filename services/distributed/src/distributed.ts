import { mkdir } from 'node:fs/promises';
import { errorText, findFreePort } from '@tessera/api-kit/server';
import {
  type AdminTokenSource,
  type DemoLabOutcome,
  importDemoLabIfEmpty,
  type LabSize,
  resolveAdminToken,
  waitForSchedulerToKnowHosts,
} from '@tessera/standalone';
import {
  createServiceDatabases,
  type DatabaseOwner,
  provideKafka,
  providePostgres,
} from './infrastructure.js';
import { type LineSink, ownName, prefixedStdout } from './processes/log-lines.js';
import {
  assertBuilt,
  type RunFrom,
  serviceCommand,
  type ServiceName,
} from './processes/service-commands.js';
import { describeExit, type ServiceProcess, spawnService } from './processes/service-process.js';
import {
  grpcServing,
  httpHealthy,
  lineWritten,
  type ReadinessProbe,
  waitUntilReady,
} from './readiness.js';
import { DistributedError } from './errors.js';
import { claimRunRecord } from './run-record.js';
import { type PartFailure, Supervisor } from './supervisor.js';
import { workspaceRoot } from './workspace.js';

/** The services with a gRPC API, and their ports by default (each service's own default). */
export type GrpcPorts = Readonly<Record<'inventory' | 'composer' | 'gateway', number>>;
export const defaultGrpcPorts: GrpcPorts = { inventory: 50061, composer: 50062, gateway: 50060 };

export interface DistributedOptions {
  /** Absolute: Kafka's and Postgres' data (when started here), the admin token, the run record. */
  readonly dataDir: string;
  /** Kafka to use as it is; unset, a broker is started with its data in `<dataDir>/kafka`. */
  readonly kafkaBrokers?: readonly string[];
  /** A Postgres server (its URL names any database); unset, one in `<dataDir>/postgres`. */
  readonly databaseUrl?: string;
  /** The services' databases are `<prefix>_inventory`, `_composer`, `_gateway`. Default `tessera`. */
  readonly databasePrefix?: string;
  /** Where the gateway's REST API and public gRPC API listen. Default 127.0.0.1. */
  readonly httpHost?: string;
  /** The REST API's port; 0 picks a free one. Default 8080. */
  readonly httpPort?: number;
  /** 0 picks a free port. Defaults: `defaultGrpcPorts`. */
  readonly grpcPorts?: Partial<GrpcPorts>;
  /** The gateway's bootstrap admin token; unset, the one saved in the data folder, or a new one. */
  readonly adminToken?: string;
  /** The demo lab imported into an empty inventory. Default seed 7, 24 hosts. */
  readonly lab?: LabSize;
  /** Built files or TypeScript sources. Default `dist`. */
  readonly runFrom?: RunFrom;
  /**
   * The environment the services inherit beneath their own variables (the caller's process
   * environment, as the command line passes it; none by default).
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where every line of every part goes. Default stdout, prefixed with the part's name. */
  readonly log?: LineSink;
  /** Whether the services may colour their logs. Default: whether stdout is a terminal. */
  readonly colors?: boolean;
  /** How long each service may take to become ready. Default 120 s. */
  readonly readyTimeoutMs?: number;
  /** How long each service may take to stop after SIGTERM before SIGKILL. Default 20 s. */
  readonly stopGraceMs?: number;
  /** Cancels the start: what has started is stopped and the start rejects. */
  readonly signal?: AbortSignal;
}

export interface RunningDistributed {
  /** `http://host:port` of the gateway: the REST API under `/v1`, the OpenAPI page at `/docs`. */
  readonly httpUrl: string;
  /** `host:port` of the gateway's public gRPC API. */
  readonly grpcUrl: string;
  readonly adminToken: string;
  readonly adminTokenSource: AdminTokenSource;
  /** Where a generated token is saved (`<dataDir>/admin-token`). */
  readonly adminTokenFile: string;
  readonly kafkaBrokers: readonly string[];
  /** For people: which Kafka and Postgres, and where their data and logs are. */
  readonly kafka: string;
  readonly postgres: string;
  /** The services' database names on the Postgres server. */
  readonly databases: Readonly<Record<DatabaseOwner, string>>;
  /** `host:port` of the inventory's and the composer's gRPC APIs (loopback). */
  readonly inventoryUrl: string;
  readonly composerUrl: string;
  readonly demoLab: DemoLabOutcome;
  /**
   * Settles when a part (a service, Kafka, Postgres) stopped on its own, once everything else has
   * been stopped; never when `close()` stops them. Never rejects.
   */
  readonly failed: Promise<PartFailure>;
  /** Stops the services in the reverse order of start, then Postgres and Kafka if started here. */
  close(): Promise<void>;
}

/** The services listen here for each other and the gateway only. */
const internalHost = '127.0.0.1';

/**
 * Runs Tessera as separate processes on this machine: Kafka and Postgres (given, or started
 * here), one database per service, then the inventory, the composer, the simulated agents and
 * the gateway, each as a child process waited on until it answers, with the demo lab imported
 * into an empty inventory before the gateway starts. If a step fails, what started is stopped
 * in reverse order and the error is rethrown.
 */
export async function startDistributed(options: DistributedOptions): Promise<RunningDistributed> {
  const log = options.log ?? prefixedStdout;
  const say = (line: string): void => {
    log(ownName, line);
  };
  const runFrom = options.runFrom ?? 'dist';
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
  const stopGraceMs = options.stopGraceMs ?? 20_000;
  const httpHost = options.httpHost ?? '127.0.0.1';
  assertBuilt(runFrom);
  await mkdir(options.dataDir, { recursive: true });

  const supervisor = new Supervisor({
    onFailure: ({ part, how }) => {
      say(`${part} ${how}: stopping everything`);
    },
    onStopError: (part, error) => {
      say(`stopping ${part} failed: ${errorText(error)}`);
    },
  });
  // Why the start must stop early: a part ended on its own, or the caller cancelled.
  let interrupted: Error | undefined;
  const interruption = new Promise<never>((_, reject) => {
    const interrupt = (error: Error): void => {
      interrupted ??= error;
      reject(error);
    };
    supervisor.failedEarly.catch((error: unknown) => {
      interrupt(error instanceof Error ? error : new Error(String(error)));
    });
    const cancel = (): void => {
      interrupt(new DistributedError('DISTRIBUTED_START_CANCELLED', 'the start was cancelled'));
    };
    if (options.signal?.aborted === true) cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
  });
  interruption.catch(() => undefined);
  /** Waits for `work` unless the start is interrupted first: for work that leaves nothing to stop. */
  const step = <T>(work: Promise<T>): Promise<T> => Promise.race([work, interruption]);
  /** After work that must finish to be stopped (a server starting): throws if interrupted. */
  const checkpoint = (): void => {
    if (interrupted !== undefined) throw interrupted;
  };
  // A last resort if this process exits without close(): the services run in their own process
  // groups, so nothing else would stop them.
  const children: ServiceProcess[] = [];
  const killChildren = (): void => {
    for (const child of children) child.kill();
  };
  process.once('exit', killChildren);
  supervisor.add('the exit hook', () => {
    process.off('exit', killChildren);
    return Promise.resolve();
  });

  try {
    const record = await claimRunRecord(options.dataDir);
    supervisor.add('the run record', () => record.release());
    checkpoint();

    say(options.kafkaBrokers === undefined ? 'starting Kafka' : 'using KAFKA_BROKERS');
    const kafka = await provideKafka(options.kafkaBrokers, options.dataDir);
    supervisor.add('Kafka', () => kafka.stop(), kafka.exited);
    checkpoint();
    say(`Kafka: ${kafka.description}`);

    say(options.databaseUrl === undefined ? 'starting Postgres' : 'using DATABASE_URL');
    const postgres = await providePostgres(options.databaseUrl, options.dataDir);
    supervisor.add('Postgres', () => postgres.stop(), postgres.exited);
    checkpoint();
    say(`Postgres: ${postgres.description}`);
    const prefix = options.databasePrefix ?? 'tessera';
    const databaseUrls = await step(createServiceDatabases(postgres.address, prefix));

    const ports = await step(resolvePorts(options, httpHost));
    const inventoryUrl = `${internalHost}:${String(ports.inventory)}`;
    const composerUrl = `${internalHost}:${String(ports.composer)}`;
    const httpUrl = `http://${httpHost}:${String(ports.http)}`;
    const probeUrl = `http://${reachable(httpHost)}:${String(ports.http)}`;
    const inherited = {
      ...options.env,
      KAFKA_BROKERS: kafka.address.join(','),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...((options.colors ?? process.stdout.isTTY) ? {} : { NO_COLOR: '1' }),
    };

    const start = async (
      name: ServiceName,
      env: Readonly<Record<string, string>>,
      probeOf: (child: ServiceProcess) => ReadinessProbe,
      args: readonly string[] = [],
    ): Promise<void> => {
      const command = serviceCommand(name, runFrom, args);
      say(`starting ${name}: ${[command.command, ...command.args].join(' ')}`);
      const child = spawnService({
        name,
        command,
        env: { ...inherited, ...env },
        cwd: workspaceRoot,
        log,
      });
      const probe = probeOf(child);
      children.push(child);
      supervisor.add(
        name,
        () => child.stop(stopGraceMs),
        child.exited.then((exit) => ({ how: describeExit(exit), lines: child.recentLines() })),
      );
      if (child.pid !== undefined) await record.addChild(name, child.pid, command.script);
      await step(
        waitUntilReady(
          name,
          probe,
          readyTimeoutMs,
          () => child.recentLines(),
          supervisor.stopSignal,
        ),
      );
      say(`${name} is ready`);
    };

    const grpcEnv = (owner: DatabaseOwner, port: number) => ({
      DATABASE_URL: databaseUrls[owner],
      GRPC_HOST: internalHost,
      GRPC_PORT: String(port),
    });
    await start('inventory', grpcEnv('inventory', ports.inventory), () =>
      grpcServing(inventoryUrl),
    );
    await start('composer', grpcEnv('composer', ports.composer), () => grpcServing(composerUrl));
    await start('agents', {}, (child) => lineWritten(child.watchLine(/answering/)));

    const lab = options.lab ?? { seed: 7, hosts: 24 };
    const demoLab = await step(importDemoLabIfEmpty(inventoryUrl, lab, 'system:distributed'));
    say(
      demoLab.kind === 'imported'
        ? `demo lab imported: ${String(demoLab.registered)} items`
        : 'the inventory has items: demo lab not imported',
    );
    if (!(await step(waitForSchedulerToKnowHosts(composerUrl)))) {
      say('the composer has not learned the lab within a minute: going on');
    }

    const adminToken = await step(resolveAdminToken(options.dataDir, options.adminToken));
    await start(
      'gateway',
      {
        ...grpcEnv('gateway', ports.gateway),
        GRPC_HOST: httpHost,
        HTTP_HOST: httpHost,
        HTTP_PORT: String(ports.http),
        INVENTORY_GRPC_URL: inventoryUrl,
        COMPOSER_GRPC_URL: composerUrl,
        GATEWAY_ADMIN_TOKEN: adminToken.token,
      },
      () => httpHealthy(probeUrl),
    );

    return {
      httpUrl,
      grpcUrl: `${httpHost}:${String(ports.gateway)}`,
      adminToken: adminToken.token,
      adminTokenSource: adminToken.source,
      adminTokenFile: adminToken.file,
      kafkaBrokers: kafka.address,
      kafka: kafka.description,
      postgres: postgres.description,
      databases: {
        inventory: `${prefix}_inventory`,
        composer: `${prefix}_composer`,
        gateway: `${prefix}_gateway`,
      },
      inventoryUrl,
      composerUrl,
      demoLab,
      failed: supervisor.failed,
      close: () => supervisor.stopAll(),
    };
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
}

/** Every port to use: the configured ones, a free one for each 0. */
async function resolvePorts(
  options: DistributedOptions,
  httpHost: string,
): Promise<GrpcPorts & { readonly http: number }> {
  const wanted = { ...defaultGrpcPorts, ...options.grpcPorts };
  const free = async (port: number, host: string): Promise<number> =>
    port === 0 ? findFreePort(host) : port;
  return {
    inventory: await free(wanted.inventory, internalHost),
    composer: await free(wanted.composer, internalHost),
    gateway: await free(wanted.gateway, httpHost),
    http: await free(options.httpPort ?? 8080, httpHost),
  };
}

/** Where this process reaches a server listening on `host` (every address: loopback). */
function reachable(host: string): string {
  return host === '0.0.0.0' ? '127.0.0.1' : host;
}

import net from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { TestInfraUnavailableError } from '../errors.js';
import { type TestInfraEnv } from '../test-infra-env.js';
import { type DockerProbe, probeDockerEngine } from './docker-probe.js';
import {
  describeTestInfra,
  type ProvisionDependencies,
  provisionTestInfra,
} from './provision-test-infra.js';
import {
  type InfraSource,
  type ProvisionedKafka,
  type ProvisionedPostgres,
} from './provisioned.js';

const noEnv: TestInfraEnv = {
  mode: 'provide',
  databaseUrl: undefined,
  kafkaBrokers: undefined,
  dockerHost: undefined,
  postgresImage: undefined,
  kafkaImage: undefined,
};

const stops = new Map<string, ReturnType<typeof vi.fn>>();

/** A provisioned piece whose `stop` is recorded under `name`. */
function fakePostgres(
  source: InfraSource,
  url: string,
  name = `postgres:${source}`,
): ProvisionedPostgres {
  const stop = vi.fn(() => Promise.resolve());
  stops.set(name, stop);
  return { source, url, stop, stopNow: () => undefined };
}

function fakeKafka(source: InfraSource, broker: string): ProvisionedKafka {
  const stop = vi.fn(() => Promise.resolve());
  stops.set(`kafka:${source}`, stop);
  return { source, brokers: [broker], stop, stopNow: () => undefined };
}

const absentDocker: DockerProbe = {
  state: 'absent',
  endpoint: 'unix:///var/run/docker.sock',
  reason: 'no answer to /_ping within 1500 ms',
};

function dependencies(docker: DockerProbe) {
  return {
    probeDocker: vi.fn((_host: string | undefined) => Promise.resolve(docker)),
    startPostgresContainer: vi.fn((_image: string | undefined) =>
      Promise.resolve(fakePostgres('testcontainers', 'postgres://postgres@docker:1/postgres')),
    ),
    startKafkaContainer: vi.fn((_image: string | undefined) =>
      Promise.resolve(fakeKafka('testcontainers', 'docker:2')),
    ),
    startLocalPostgres: vi.fn(() =>
      Promise.resolve(fakePostgres('local-process', 'postgres://postgres@127.0.0.1:3/postgres')),
    ),
    startLocalKafka: vi.fn(() => Promise.resolve(fakeKafka('local-process', '127.0.0.1:4'))),
  } satisfies ProvisionDependencies;
}

describe('provisionTestInfra', () => {
  it('uses DATABASE_URL and KAFKA_BROKERS when both are set, without asking Docker or starting anything', async () => {
    const deps = dependencies(absentDocker);
    const infra = await provisionTestInfra(
      { ...noEnv, databaseUrl: 'postgres://me@db:5432/x', kafkaBrokers: ['k1:9092', 'k2:9092'] },
      deps,
    );

    expect(infra.postgres).toMatchObject({ source: 'env', url: 'postgres://me@db:5432/x' });
    expect(infra.kafka).toMatchObject({ source: 'env', brokers: ['k1:9092', 'k2:9092'] });
    expect(deps.probeDocker).not.toHaveBeenCalled();
    expect(deps.startLocalPostgres).not.toHaveBeenCalled();
    expect(deps.startLocalKafka).not.toHaveBeenCalled();
    await infra.stop();
  });

  it('falls back to local processes when the Docker engine does not answer the ping', async () => {
    const deps = dependencies(absentDocker);
    const infra = await provisionTestInfra(noEnv, deps);

    expect(infra.postgres.source).toBe('local-process');
    expect(infra.kafka.source).toBe('local-process');
    expect(deps.startPostgresContainer).not.toHaveBeenCalled();
    expect(deps.startKafkaContainer).not.toHaveBeenCalled();
    await infra.stop();
    await infra.stop();
    expect(stops.get('postgres:local-process')).toHaveBeenCalledTimes(1);
    expect(stops.get('kafka:local-process')).toHaveBeenCalledTimes(1);
  });

  it('skips Docker quickly and starts local processes when the engine accepts but never answers', async () => {
    const sockets: net.Socket[] = [];
    const silentEngine = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) =>
      silentEngine.listen({ host: '127.0.0.1', port: 0 }, resolve),
    );
    const { port } = silentEngine.address() as net.AddressInfo;
    try {
      const deps = {
        ...dependencies(absentDocker),
        probeDocker: (host: string | undefined) => probeDockerEngine(host, 300),
      };
      const infra = await provisionTestInfra(
        { ...noEnv, dockerHost: `tcp://127.0.0.1:${port}` },
        deps,
      );

      expect(infra.postgres.source).toBe('local-process');
      expect(infra.kafka.source).toBe('local-process');
      expect(deps.startPostgresContainer).not.toHaveBeenCalled();
    } finally {
      for (const socket of sockets) socket.destroy();
      silentEngine.close();
    }
  });

  it('uses testcontainers when the Docker engine answers', async () => {
    const deps = dependencies({ state: 'answered', endpoint: 'unix:///var/run/docker.sock' });
    const infra = await provisionTestInfra({ ...noEnv, kafkaImage: 'apache/kafka:4.1.1' }, deps);

    expect(infra.postgres.source).toBe('testcontainers');
    expect(infra.kafka.source).toBe('testcontainers');
    expect(deps.startKafkaContainer).toHaveBeenCalledWith('apache/kafka:4.1.1');
    expect(deps.startLocalPostgres).not.toHaveBeenCalled();
  });

  it('takes each piece from the environment on its own: DATABASE_URL alone still starts Kafka', async () => {
    const deps = dependencies(absentDocker);
    const infra = await provisionTestInfra(
      { ...noEnv, databaseUrl: 'postgres://me@db:5432/x' },
      deps,
    );

    expect(infra.postgres.source).toBe('env');
    expect(infra.kafka.source).toBe('local-process');
    expect(deps.startLocalPostgres).not.toHaveBeenCalled();
  });

  it('fails with one message saying what to install or set, after stopping what did start', async () => {
    const deps = dependencies(absentDocker);
    deps.startLocalPostgres.mockResolvedValue(
      fakePostgres(
        'local-process',
        'postgres://postgres@127.0.0.1:3/postgres',
        'started-before-failure',
      ),
    );
    deps.startLocalKafka.mockRejectedValue(
      new Error('Kafka needs a JDK 17+ but `java -version` was not found'),
    );

    const error = await provisionTestInfra(noEnv, deps).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TestInfraUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain(
      'Kafka could not be started as a local process: Kafka needs a JDK 17+',
    );
    expect(message).toMatch(/install a JDK 17\+ and Maven/);
    expect(message).toMatch(/KAFKA_BROKERS=host:port/);
    expect(message).toMatch(/start a Docker engine/);
    expect(message).toContain('No Docker engine answered at unix:///var/run/docker.sock');
    expect(message).not.toContain('Postgres could not be started');
    expect(stops.get('started-before-failure')).toHaveBeenCalledTimes(1);
  });

  it('names both failures in the same message when neither can start', async () => {
    const deps = dependencies(absentDocker);
    deps.startLocalPostgres.mockRejectedValue(new Error('no binaries for freebsd-x64'));
    deps.startLocalKafka.mockRejectedValue(new Error('no JDK'));

    await expect(provisionTestInfra(noEnv, deps)).rejects.toThrow(
      /Postgres could not be started as a local process: no binaries[\s\S]*Kafka could not be started[\s\S]*DATABASE_URL=/,
    );
  });
});

describe('describeTestInfra', () => {
  it('says in one line where each piece came from, without passwords', async () => {
    const deps = dependencies(absentDocker);
    const infra = await provisionTestInfra(
      { ...noEnv, databaseUrl: 'postgres://me:secret@db:5432/x' },
      deps,
    );

    const line = describeTestInfra(infra);
    expect(line).toBe(
      'test infrastructure: Postgres from the environment (postgres://me:***@db:5432/x), ' +
        'Kafka as a local process (127.0.0.1:4)',
    );
  });
});

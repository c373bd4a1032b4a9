import { describe, expect, it } from 'vitest';
import { TestInfraEnvInvalidError } from './errors.js';
import { commandEnvWithInfra, readTestInfraEnv } from './test-infra-env.js';

describe('readTestInfraEnv', () => {
  it('provides by default and treats empty values as unset', () => {
    expect(readTestInfraEnv({ DATABASE_URL: '', KAFKA_BROKERS: ' ' })).toEqual({
      mode: 'provide',
      databaseUrl: undefined,
      kafkaBrokers: undefined,
      dockerHost: undefined,
      postgresImage: undefined,
      kafkaImage: undefined,
    });
  });

  it('reads the given servers and the unit-only switch', () => {
    const env = readTestInfraEnv({
      TESSERA_TEST_INFRA: 'none',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      KAFKA_BROKERS: '127.0.0.1:9092, broker-2:9093',
      DOCKER_HOST: 'tcp://docker:2375',
    });
    expect(env).toMatchObject({
      mode: 'none',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      kafkaBrokers: ['127.0.0.1:9092', 'broker-2:9093'],
      dockerHost: 'tcp://docker:2375',
    });
  });

  it('lists every unusable value in one error', () => {
    const read = (): unknown =>
      readTestInfraEnv({
        TESSERA_TEST_INFRA: 'sometimes',
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
      });
    expect(read).toThrow(TestInfraEnvInvalidError);
    expect(read).toThrow(
      /TESSERA_TEST_INFRA.*"sometimes".*DATABASE_URL.*KAFKA_BROKERS entry "nohost"/,
    );
  });
});

describe('commandEnvWithInfra', () => {
  it('adds where the provisioned Postgres and Kafka are to the environment', () => {
    const env = commandEnvWithInfra(
      {
        databaseUrl: 'postgres://postgres@127.0.0.1:5555/postgres',
        kafkaBrokers: ['127.0.0.1:1', '127.0.0.1:2'],
      },
      { PATH: '/bin', DATABASE_URL: 'postgres://elsewhere/db' },
    );
    expect(env).toEqual({
      PATH: '/bin',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5555/postgres',
      KAFKA_BROKERS: '127.0.0.1:1,127.0.0.1:2',
    });
  });

  it('passes the environment on unchanged when nothing was provisioned', () => {
    const env = { PATH: '/bin' };
    expect(commandEnvWithInfra(undefined, env)).toBe(env);
  });
});

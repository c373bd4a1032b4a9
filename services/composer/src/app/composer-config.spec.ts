import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { ConfigInvalidError } from '@tessera/api-kit/server';
import { loadComposerConfig } from './composer-config.js';

const databaseUrl = 'postgres://composer@db.example:5432/tessera';
const ownerId = () => 'composer-test-1';

describe('the composer configuration', () => {
  it('needs only DATABASE_URL and defaults everything else', () => {
    expect(loadComposerConfig({ DATABASE_URL: databaseUrl, KAFKA_BROKERS: ' ' }, ownerId)).toEqual({
      databaseUrl,
      grpcHost: '127.0.0.1',
      grpcPort: 50062,
      kafkaBrokers: undefined,
      ownerId: 'composer-test-1',
    });
  });

  it('reads every variable it is given', () => {
    expect(
      loadComposerConfig(
        {
          DATABASE_URL: databaseUrl,
          GRPC_HOST: '0.0.0.0',
          GRPC_PORT: '7000',
          KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092',
          COMPOSER_OWNER_ID: 'composer-a',
        },
        ownerId,
      ),
    ).toEqual({
      databaseUrl,
      grpcHost: '0.0.0.0',
      grpcPort: 7000,
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      ownerId: 'composer-a',
    });
  });

  it('fails once, naming every bad variable', () => {
    let failure: unknown;
    try {
      loadComposerConfig({
        GRPC_HOST: 'not a host',
        GRPC_PORT: '70000',
        KAFKA_BROKERS: 'kafka-1',
        COMPOSER_OWNER_ID: 'has spaces',
      });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigInvalidError);
    const problems = (failure as ConfigInvalidError).problems;
    expect(problems.map((problem) => problem.variable).sort()).toEqual([
      'COMPOSER_OWNER_ID',
      'DATABASE_URL',
      'GRPC_HOST',
      'GRPC_PORT',
      'KAFKA_BROKERS',
    ]);
    expect((failure as Error).message).toContain('GRPC_PORT: must be from 0 to 65535');
  });
});

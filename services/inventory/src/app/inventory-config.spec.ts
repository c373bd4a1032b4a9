import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { ConfigInvalidError } from '@tessera/api-kit/server';
import { loadInventoryConfig } from './inventory-config.js';

const databaseUrl = 'postgres://inventory@db.example:5432/tessera';

describe('the inventory configuration', () => {
  it('needs only DATABASE_URL and defaults everything else', () => {
    expect(loadInventoryConfig({ DATABASE_URL: databaseUrl, KAFKA_BROKERS: ' ' })).toEqual({
      databaseUrl,
      grpcHost: '127.0.0.1',
      grpcPort: 50061,
      kafkaBrokers: undefined,
      syncEnabled: true,
    });
  });

  it('reads every variable it is given', () => {
    expect(
      loadInventoryConfig({
        DATABASE_URL: databaseUrl,
        GRPC_HOST: '0.0.0.0',
        GRPC_PORT: '7000',
        KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092',
        INVENTORY_SYNC_ENABLED: 'false',
      }),
    ).toEqual({
      databaseUrl,
      grpcHost: '0.0.0.0',
      grpcPort: 7000,
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      syncEnabled: false,
    });
  });

  it('fails once, naming every bad variable', () => {
    let failure: unknown;
    try {
      loadInventoryConfig({
        GRPC_HOST: 'not a host',
        GRPC_PORT: '70000',
        KAFKA_BROKERS: 'kafka-1',
        INVENTORY_SYNC_ENABLED: 'yes',
      });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigInvalidError);
    const problems = (failure as ConfigInvalidError).problems;
    expect(problems.map((problem) => problem.variable).sort()).toEqual([
      'DATABASE_URL',
      'GRPC_HOST',
      'GRPC_PORT',
      'INVENTORY_SYNC_ENABLED',
      'KAFKA_BROKERS',
    ]);
    expect((failure as Error).message).toContain('GRPC_PORT: must be from 0 to 65535');
  });
});

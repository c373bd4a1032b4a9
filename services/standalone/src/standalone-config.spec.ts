import 'reflect-metadata';
import path from 'node:path';
import { ConfigInvalidError } from '@tessera/api-kit/server';
import { describe, expect, it } from 'vitest';
import { loadStandaloneConfig } from './standalone-config.js';

describe('the standalone configuration', () => {
  it('needs nothing: the embedded Postgres in .tessera, the Postgres log, port 8080', () => {
    expect(loadStandaloneConfig({ DATABASE_URL: ' ' }, '/home/ada/tessera')).toEqual({
      dataDir: '/home/ada/tessera/.tessera',
      httpHost: '127.0.0.1',
      httpPort: 8080,
      grpcPort: 50060,
      adminToken: undefined,
      databaseUrl: undefined,
      kafkaBrokers: undefined,
      lab: { seed: 7, hosts: 24 },
    });
  });

  it('reads every variable it is given', () => {
    expect(
      loadStandaloneConfig(
        {
          TESSERA_DATA_DIR: 'var/tessera',
          TESSERA_HTTP_HOST: '0.0.0.0',
          TESSERA_HTTP_PORT: '0',
          TESSERA_GRPC_PORT: '0',
          TESSERA_ADMIN_TOKEN: 'correct-horse-battery',
          DATABASE_URL: 'postgres://tessera@db:5432/tessera',
          KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092',
          TESSERA_LAB_SEED: '42',
          TESSERA_LAB_HOSTS: '48',
        },
        '/srv',
      ),
    ).toEqual({
      dataDir: path.resolve('/srv/var/tessera'),
      httpHost: '0.0.0.0',
      httpPort: 0,
      grpcPort: 0,
      adminToken: 'correct-horse-battery',
      databaseUrl: 'postgres://tessera@db:5432/tessera',
      kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      lab: { seed: 42, hosts: 48 },
    });
  });

  it('fails once, naming every bad variable', () => {
    let failure: unknown;
    try {
      loadStandaloneConfig({
        TESSERA_HTTP_HOST: 'not a host',
        TESSERA_HTTP_PORT: '80800',
        TESSERA_ADMIN_TOKEN: 'short',
        DATABASE_URL: 'mysql://db',
        KAFKA_BROKERS: 'kafka-1',
        TESSERA_LAB_SEED: 'seven',
        TESSERA_LAB_HOSTS: '0',
      });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigInvalidError);
    expect((failure as ConfigInvalidError).problems).toEqual([
      { variable: 'TESSERA_HTTP_HOST', message: 'must be an IPv4 address or a host name' },
      { variable: 'TESSERA_HTTP_PORT', message: 'must be from 0 to 65535' },
      { variable: 'TESSERA_ADMIN_TOKEN', message: 'must be at least 16 characters' },
      { variable: 'DATABASE_URL', message: 'must be a postgres:// or postgresql:// URL' },
      { variable: 'KAFKA_BROKERS', message: 'must be a comma-separated list of host:port' },
      { variable: 'TESSERA_LAB_SEED', message: 'must be an integer' },
      { variable: 'TESSERA_LAB_HOSTS', message: 'must be from 1 to 2000' },
    ]);
    expect((failure as Error).message).toMatch(/^the standalone process's environment is invalid/);
  });
});

import { describe, expect, it } from 'vitest';
import { loadDistributedConfig } from './distributed-config.js';
import { DistributedError } from './errors.js';

describe('the settings of npm run distributed', () => {
  it('defaults to the data folder in the working directory and the services own ports', () => {
    expect(loadDistributedConfig({}, '/work/tessera')).toEqual({
      dataDir: '/work/tessera/.tessera-distributed',
      httpHost: '127.0.0.1',
      httpPort: 8080,
      grpcPorts: { gateway: 50060, inventory: 50061, composer: 50062 },
      adminToken: undefined,
      kafkaBrokers: undefined,
      databaseUrl: undefined,
      databasePrefix: 'tessera',
      lab: { seed: 7, hosts: 24 },
      runFrom: 'dist',
    });
  });

  it('reads what is given, empty values counting as unset', () => {
    const config = loadDistributedConfig(
      {
        TESSERA_DATA_DIR: '/var/lib/tessera',
        TESSERA_HTTP_PORT: '0',
        KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
        TESSERA_ADMIN_TOKEN: '',
        TESSERA_RUN_FROM: 'source',
      },
      '/ignored',
    );
    expect(config).toMatchObject({
      dataDir: '/var/lib/tessera',
      httpPort: 0,
      kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      adminToken: undefined,
      runFrom: 'source',
    });
  });

  it('names every bad variable at once', () => {
    const read = () =>
      loadDistributedConfig({
        TESSERA_HTTP_PORT: '80a',
        TESSERA_ADMIN_TOKEN: 'short',
        KAFKA_BROKERS: 'kafka',
        TESSERA_DATABASE_PREFIX: 'Tessera-1',
        TESSERA_RUN_FROM: 'docker',
      });
    expect(read).toThrow(DistributedError);
    expect(read).toThrow(
      [
        'the environment is invalid:',
        '  TESSERA_HTTP_PORT: must be an integer from 0 to 65535',
        '  TESSERA_ADMIN_TOKEN: must be at least 16 characters, no spaces',
        '  KAFKA_BROKERS: must be a comma-separated list of host:port',
        '  TESSERA_DATABASE_PREFIX: must be a-z, 0-9 and _, starting with a letter, at most 41',
        '  TESSERA_RUN_FROM: must be one of dist, source',
      ].join('\n'),
    );
  });
});

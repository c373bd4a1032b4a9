import { describe, expect, it } from 'vitest';
import { readBenchConfig } from './bench-config.js';
import { BenchConfigInvalidError } from './core/errors.js';

describe('readBenchConfig', () => {
  it('starts everything when nothing is set (empty counts as unset)', () => {
    expect(readBenchConfig({})).toEqual({ databaseUrl: undefined, kafkaBrokers: undefined });
    expect(readBenchConfig({ DATABASE_URL: ' ', KAFKA_BROKERS: '' })).toEqual({
      databaseUrl: undefined,
      kafkaBrokers: undefined,
    });
  });

  it('uses the given servers', () => {
    expect(
      readBenchConfig({
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
        KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
      }),
    ).toEqual({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
    });
  });

  it('lists every bad variable at once', () => {
    expect(() => readBenchConfig({ DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL; KAFKA_BROKERS entry "nohost" is not host:port/,
    );
    expect(() => readBenchConfig({ DATABASE_URL: 'mysql://x' })).toThrow(BenchConfigInvalidError);
  });
});

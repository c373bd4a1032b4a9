import { describe, expect, it } from 'vitest';
import { InvalidResponderOptionsError } from '../responder-errors.js';
import { readResponderConfig } from './responder-config.js';

describe('the responder command line', () => {
  it('reads the flags and the brokers', () => {
    expect(
      readResponderConfig(
        [
          '--latency-min-ms',
          '10',
          '--latency-max-ms',
          '40',
          '--failure-rate',
          '0.1',
          '--seed',
          '3',
        ],
        { KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093' },
      ),
    ).toEqual({
      latencyMs: { min: 10, max: 40 },
      failureRate: 0.1,
      seed: 3,
      brokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
      intentsTopic: 'tessera.composer.events.v1',
      observationsTopic: 'tessera.fleet.events.v1',
      group: 'tessera.simulated-agents',
    });
  });

  it('names every bad value at once', () => {
    const read = () => readResponderConfig(['--failure-rate', 'lots', '--latency-min-ms=-5'], {});
    expect(read).toThrow(InvalidResponderOptionsError);
    expect(read).toThrow(
      'KAFKA_BROKERS is not set; latencyMs.min must be a number >= 0, got -5; ' +
        'failureRate must be within 0..1, got NaN',
    );
  });

  it('refuses an unknown flag', () => {
    expect(() =>
      readResponderConfig(['--failure-ratio', '1'], { KAFKA_BROKERS: 'k:9092' }),
    ).toThrow(/Unknown option '--failure-ratio'/);
  });
});

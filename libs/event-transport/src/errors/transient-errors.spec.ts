import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import {
  describeError,
  isTransientInfrastructureError,
  TransientInfrastructureError,
} from './transient-errors.js';

const {
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} = kafkajs;

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isTransientInfrastructureError', () => {
  it('recognises our own transient error, also wrapped as a cause', () => {
    expect(isTransientInfrastructureError(new TransientInfrastructureError('db down'))).toBe(true);
    const wrapped = new Error('saving failed', { cause: new TransientInfrastructureError('x') });
    expect(isTransientInfrastructureError(wrapped)).toBe(true);
  });

  it('recognises Postgres outages but not bad requests', () => {
    expect(isTransientInfrastructureError(withCode('terminating connection', '57P01'))).toBe(true);
    expect(isTransientInfrastructureError(withCode('connect failed', 'ECONNREFUSED'))).toBe(true);
    expect(isTransientInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(
      true,
    );
    expect(isTransientInfrastructureError(withCode('duplicate key', '23505'))).toBe(false);
    expect(isTransientInfrastructureError(withCode('syntax error', '42601'))).toBe(false);
  });

  it('recognises retriable and connection errors of kafkajs', () => {
    expect(isTransientInfrastructureError(new KafkaJSConnectionError('closed'))).toBe(true);
    expect(isTransientInfrastructureError(new KafkaJSError('busy'))).toBe(true);
    expect(
      isTransientInfrastructureError(
        new KafkaJSNumberOfRetriesExceeded(new KafkaJSError('busy'), {
          retryCount: 5,
          retryTime: 100,
        }),
      ),
    ).toBe(true);
    expect(isTransientInfrastructureError(new KafkaJSNonRetriableError('bad config'))).toBe(false);
    expect(
      isTransientInfrastructureError(
        new KafkaJSProtocolError(
          Object.assign(new Error('denied'), {
            retriable: false,
            type: 'TOPIC_AUTHORIZATION_FAILED',
          }),
        ),
      ),
    ).toBe(false);
  });

  it('treats ordinary failures and non-errors as not transient', () => {
    expect(isTransientInfrastructureError(new Error('validation failed'))).toBe(false);
    expect(isTransientInfrastructureError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientInfrastructureError('ECONNREFUSED')).toBe(false);
    expect(isTransientInfrastructureError(undefined)).toBe(false);
  });
});

describe('describeError', () => {
  it('names the error class and message', () => {
    expect(describeError(new TransientInfrastructureError('db down'))).toBe(
      'TransientInfrastructureError: db down',
    );
    expect(describeError('plain')).toBe('plain');
    expect(describeError({ reason: 1 })).toBe('{ reason: 1 }');
  });
});

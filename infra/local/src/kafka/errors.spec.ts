import { describe, expect, it } from 'vitest';
import {
  KafkaExitedDuringStartupError,
  KafkaFetchError,
  KafkaStartTimeoutError,
  LocalKafkaError,
} from './errors.js';

describe('KafkaExitedDuringStartupError', () => {
  it('says what exited, names the log, the first error and ends with the tail', () => {
    const error = new KafkaExitedDuringStartupError('broker', 'exited with code 1', {
      logFile: '/data/broker.log',
      tail: 'line 1\nline 2',
      firstError: 'ERROR bind failed',
    });
    expect(error).toBeInstanceOf(LocalKafkaError);
    expect(error.code).toBe('KAFKA_EXITED_DURING_STARTUP');
    expect(error.name).toBe('KafkaExitedDuringStartupError');
    expect(error.message).toBe(
      'the Kafka broker exited with code 1 during start-up (log: /data/broker.log)\n' +
        'first error: ERROR bind failed\n--- end of the log ---\nline 1\nline 2',
    );
    expect(error.logTail).toBe('line 1\nline 2');
  });

  it('tells how to keep the log when the temporary folder is gone', () => {
    const error = new KafkaExitedDuringStartupError('storage-format', 'exited with code 1', {
      logFile: undefined,
      tail: '',
      firstError: undefined,
    });
    expect(error.message).toBe(
      'formatting Kafka storage exited with code 1 during start-up (its temporary data folder ' +
        'was removed; pass a data folder to keep the whole log)\nthe log is empty',
    );
  });
});

describe('KafkaStartTimeoutError', () => {
  it('carries the last client error as its cause', () => {
    const cause = new Error('Connection timeout');
    const error = new KafkaStartTimeoutError(
      90_000,
      { logFile: '/d/broker.log', tail: 'x', firstError: undefined },
      cause,
    );
    expect(error.code).toBe('KAFKA_START_TIMEOUT');
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('within 90 s');
    expect(error.message).toContain('last client error: Connection timeout');
  });
});

describe('KafkaFetchError', () => {
  it("appends Maven's output", () => {
    const error = new KafkaFetchError('download failed', '[ERROR] no network');
    expect(error.code).toBe('KAFKA_FETCH_FAILED');
    expect(error.message).toBe(
      "download failed\n--- end of Maven's output ---\n[ERROR] no network",
    );
  });
});

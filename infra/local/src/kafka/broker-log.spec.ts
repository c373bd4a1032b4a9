import { describe, expect, it } from 'vitest';
import { findFirstError } from './broker-log.js';

const bindFailure = `[2026-11-23 05:23:01,945] INFO [BrokerServer id=1] Starting broker (kafka.server.BrokerServer)
[2026-11-23 05:23:02,386] ERROR Unable to start acceptor for PLAINTEXT (kafka.network.DataPlaneAcceptor)
org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:45123: Address already in use.
\tat org.apache.kafka.server.ServerSocketFactory.openServerSocket(ServerSocketFactory.java:56)
Caused by: java.net.BindException: Address already in use
\tat java.base/sun.nio.ch.Net.bind0(Native Method)
[2026-11-23 05:23:02,387] ERROR [BrokerServer id=1] Received a fatal error (kafka.server.BrokerServer)
Caused by: java.lang.RuntimeException: later
[2026-11-23 05:23:09,097] INFO shut down completely (kafka.server.KafkaRequestHandlerPool)`;

describe('findFirstError', () => {
  it('names the first error with its exception and causes, not the later ones', () => {
    expect(findFirstError(bindFailure)).toBe(
      'ERROR Unable to start acceptor for PLAINTEXT (kafka.network.DataPlaneAcceptor); ' +
        'org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:45123: ' +
        'Address already in use.; caused by java.net.BindException: Address already in use',
    );
  });

  it("finds the JVM's own errors, which come before log4j", () => {
    const log =
      'Error: Could not find or load main class kafka.Kafka\nCaused by: java.lang.ClassNotFoundException: kafka.Kafka';
    expect(findFirstError(log)).toBe(
      'Error: Could not find or load main class kafka.Kafka; caused by java.lang.ClassNotFoundException: kafka.Kafka',
    );
    expect(findFirstError('Terminating due to java.lang.OutOfMemoryError: Java heap space')).toBe(
      'Terminating due to java.lang.OutOfMemoryError: Java heap space',
    );
  });

  it('is undefined for a log without errors', () => {
    expect(findFirstError('[2026-11-23 05:23:01,945] INFO all good (x)\n')).toBeUndefined();
    expect(findFirstError('')).toBeUndefined();
  });
});

import { InvalidKafkaOptionsError } from './errors.js';

/**
 * Fixed KRaft cluster id (base64url of 16 bytes). It must stay the same: formatting an existing
 * data folder with another id fails, and `--ignore-formatted` only skips a matching one.
 */
export const LOCAL_CLUSTER_ID = 'dGVzc2VyYS1sb2NhbC1rZg';

export interface BrokerConfigInput {
  /** Port of the PLAINTEXT listener clients use, on 127.0.0.1. */
  brokerPort: number;
  /** Port of the KRaft controller listener, on 127.0.0.1. */
  controllerPort: number;
  /** Folder of the partition and metadata logs. */
  logDirs: string;
  /** Extra or overriding settings, applied last. */
  overrides?: Readonly<Record<string, string>>;
}

/**
 * Settings of a single-node KRaft broker that is also its own controller, sized for a laptop or
 * CI runner (NOTES.md):
 * - the replication factors of internal topics are 1, or consumer groups never find a coordinator;
 * - the log cleaner's dedupe buffer (128 MiB by default, allocated on the heap at start) is 8 MiB
 *   and internal topics have one partition, so the broker fits a 192 MiB heap;
 * - `controller.quorum.bootstrap.servers`, not `controller.quorum.voters`, which 4.x refuses
 *   together with `StorageTool format --standalone`.
 */
export function brokerProperties(input: BrokerConfigInput): Record<string, string> {
  const controller = `127.0.0.1:${input.controllerPort}`;
  return {
    'process.roles': 'broker,controller',
    'node.id': '1',
    listeners: `PLAINTEXT://127.0.0.1:${input.brokerPort},CONTROLLER://${controller}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${input.brokerPort}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'controller.quorum.bootstrap.servers': controller,
    'log.dirs': input.logDirs,
    'num.partitions': '1',
    'offsets.topic.replication.factor': '1',
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'transaction.state.log.num.partitions': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    'group.initial.rebalance.delay.ms': '0',
    'log.cleaner.dedupe.buffer.size': '8388608',
    ...input.overrides,
  };
}

/** Renders settings in Java's .properties syntax, escaping what that syntax would misread. */
export function renderProperties(properties: Readonly<Record<string, string>>): string {
  return Object.entries(properties)
    .map(([key, value]) => {
      if (!/^[\w.-]+$/.test(key)) {
        throw new InvalidKafkaOptionsError(`"${key}" is not a valid Kafka property name`);
      }
      return `${key}=${escapePropertyValue(value)}`;
    })
    .join('\n')
    .concat('\n');
}

function escapePropertyValue(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replace(/^\s/, (space) => `\\${space}`);
}

/**
 * A log4j 2 configuration that writes the broker's log (INFO and up, WARN for the chatty request,
 * state-change and configuration-dump loggers) to `logFile` and nowhere else.
 */
export function renderLog4jConfig(logFile: string): string {
  return renderProperties({
    status: 'warn',
    name: 'tessera-local-kafka',
    'appender.file.type': 'File',
    'appender.file.name': 'file',
    'appender.file.fileName': logFile,
    'appender.file.append': 'true',
    'appender.file.layout.type': 'PatternLayout',
    'appender.file.layout.pattern': '[%d] %p %m (%c)%n',
    'rootLogger.level': 'INFO',
    'rootLogger.appenderRef.file.ref': 'file',
    'logger.request.name': 'kafka.request.logger',
    'logger.request.level': 'WARN',
    'logger.state.name': 'state.change.logger',
    'logger.state.level': 'WARN',
    // Each component dumps its whole configuration (hundreds of lines, some 30 times) at start.
    'logger.config.name': 'org.apache.kafka.common.config.AbstractConfig',
    'logger.config.level': 'WARN',
  });
}

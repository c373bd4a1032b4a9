import { describe, expect, it } from 'vitest';
import { InvalidKafkaOptionsError } from './errors.js';
import {
  brokerProperties,
  LOCAL_CLUSTER_ID,
  renderLog4jConfig,
  renderProperties,
} from './broker-config.js';

const input = { brokerPort: 41234, controllerPort: 41235, logDirs: '/tmp/k/kraft-logs' };

describe('brokerProperties', () => {
  it('describes a combined broker and controller on loopback', () => {
    const properties = brokerProperties(input);
    expect(properties).toMatchObject({
      'process.roles': 'broker,controller',
      'node.id': '1',
      listeners: 'PLAINTEXT://127.0.0.1:41234,CONTROLLER://127.0.0.1:41235',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:41234',
      'controller.listener.names': 'CONTROLLER',
      'controller.quorum.bootstrap.servers': '127.0.0.1:41235',
      'log.dirs': '/tmp/k/kraft-logs',
    });
    expect(properties).not.toHaveProperty('controller.quorum.voters');
  });

  it('sizes internal topics for one broker so consumer groups find a coordinator', () => {
    expect(brokerProperties(input)).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'group.initial.rebalance.delay.ms': '0',
    });
  });

  it('keeps the heap small: an 8 MiB dedupe buffer and one partition per internal topic', () => {
    expect(brokerProperties(input)).toMatchObject({
      'log.cleaner.dedupe.buffer.size': '8388608',
      'offsets.topic.num.partitions': '1',
      'transaction.state.log.num.partitions': '1',
    });
  });

  it('applies overrides last', () => {
    const properties = brokerProperties({ ...input, overrides: { 'num.partitions': '3' } });
    expect(properties['num.partitions']).toBe('3');
  });
});

describe('renderProperties', () => {
  it('writes one key=value line per setting', () => {
    expect(renderProperties({ 'node.id': '1', 'log.dirs': '/a/b' })).toBe(
      'node.id=1\nlog.dirs=/a/b\n',
    );
  });

  it('escapes backslashes, line breaks and a leading space', () => {
    expect(renderProperties({ a: 'C:\\data', b: 'x\ny', c: ' z' })).toBe(
      'a=C:\\\\data\nb=x\\ny\nc=\\ z\n',
    );
  });

  it('refuses a key the format would misread', () => {
    expect(() => renderProperties({ 'bad key=': 'x' })).toThrow(InvalidKafkaOptionsError);
  });
});

describe('renderLog4jConfig', () => {
  it('logs to the given file only, without the configuration dumps', () => {
    const config = renderLog4jConfig('/tmp/k/broker.log');
    expect(config).toContain('appender.file.type=File\n');
    expect(config).toContain('appender.file.fileName=/tmp/k/broker.log\n');
    expect(config).toContain('rootLogger.appenderRef.file.ref=file\n');
    expect(config).not.toMatch(/Console/);
    expect(config).toContain('logger.config.name=org.apache.kafka.common.config.AbstractConfig\n');
  });
});

describe('LOCAL_CLUSTER_ID', () => {
  it('is a Kafka Uuid: 16 bytes in 22 base64url characters', () => {
    expect(LOCAL_CLUSTER_ID).toMatch(/^[\w-]{22}$/);
    expect(Buffer.from(LOCAL_CLUSTER_ID, 'base64url')).toHaveLength(16);
  });
});

import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKafkaEnvironment } from './kafka-env.js';

describe('readKafkaEnvironment', () => {
  it('puts the cache in TESSERA_CACHE_DIR first', () => {
    const env = { TESSERA_CACHE_DIR: '/c/tessera', XDG_CACHE_HOME: '/xdg' };
    expect(readKafkaEnvironment(env).cacheRoot).toBe('/c/tessera');
  });

  it('then in $XDG_CACHE_HOME/tessera, ignoring a relative XDG_CACHE_HOME', () => {
    expect(readKafkaEnvironment({ XDG_CACHE_HOME: '/xdg' }).cacheRoot).toBe('/xdg/tessera');
    expect(readKafkaEnvironment({ XDG_CACHE_HOME: 'rel' }).cacheRoot).toBe(
      join(homedir(), '.cache', 'tessera'),
    );
  });

  it('then in ~/.cache/tessera; blank values count as unset', () => {
    expect(readKafkaEnvironment({ TESSERA_CACHE_DIR: ' ' }).cacheRoot).toBe(
      join(homedir(), '.cache', 'tessera'),
    );
  });

  it('reads the Kafka version and the JDK from JAVA_HOME', () => {
    const env = readKafkaEnvironment({ TESSERA_KAFKA_VERSION: '4.1.1', JAVA_HOME: '/opt/jdk' });
    expect(env.kafkaVersion).toBe('4.1.1');
    expect(env.javaCommand).toBe('/opt/jdk/bin/java');
    expect(readKafkaEnvironment({}).javaCommand).toBeUndefined();
  });
});

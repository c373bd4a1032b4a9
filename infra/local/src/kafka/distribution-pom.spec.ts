import { describe, expect, it } from 'vitest';
import { findLog4jCoreVersion, renderDistributionPom } from './distribution-pom.js';

describe('renderDistributionPom', () => {
  it('depends on the broker and the slf4j 1.7 binding of log4j at the given version', () => {
    const pom = renderDistributionPom({ kafkaVersion: '4.4.0', log4jVersion: '2.25.5' });
    expect(pom).toContain(
      '<groupId>org.apache.kafka</groupId>\n      <artifactId>kafka_2.13</artifactId>\n      <version>4.4.0</version>',
    );
    expect(pom).toContain(
      '<artifactId>log4j-slf4j-impl</artifactId>\n      <version>2.25.5</version>',
    );
    expect(pom).not.toContain('log4j-slf4j2-impl');
    expect(pom).toContain('<packaging>pom</packaging>');
  });

  it('leaves the binding out when its version is not known yet', () => {
    const pom = renderDistributionPom({ kafkaVersion: '4.1.1', log4jVersion: undefined });
    expect(pom).toContain('<version>4.1.1</version>');
    expect(pom).not.toContain('log4j');
  });

  it('escapes XML in versions', () => {
    const pom = renderDistributionPom({ kafkaVersion: '4.4.0<x>&', log4jVersion: undefined });
    expect(pom).toContain('4.4.0&lt;x&gt;&amp;');
  });
});

describe('findLog4jCoreVersion', () => {
  it('reads the version from the copied jar names', () => {
    expect(findLog4jCoreVersion(['log4j-api-2.25.5.jar', 'log4j-core-2.25.5.jar'])).toBe('2.25.5');
    expect(findLog4jCoreVersion(['log4j-core-2.24.3-rc1.jar'])).toBe('2.24.3-rc1');
  });

  it('is undefined without log4j-core', () => {
    expect(findLog4jCoreVersion(['log4j-api-2.25.5.jar', 'reload4j-1.2.25.jar'])).toBeUndefined();
  });
});

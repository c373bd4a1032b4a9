export interface DistributionPomInput {
  kafkaVersion: string;
  /** log4j-core's version in that release; omit to resolve Kafka's own dependencies only. */
  log4jVersion: string | undefined;
}

/**
 * A pom whose runtime dependencies are exactly the broker's class path: `kafka_2.13` plus the
 * slf4j 1.7 binding for log4j 2 (`log4j-slf4j-impl`; `log4j-slf4j2-impl` does not bind), without
 * which the broker logs nothing and start-up failures are invisible.
 */
export function renderDistributionPom(input: DistributionPomInput): string {
  const dependencies = [dependency('org.apache.kafka', 'kafka_2.13', input.kafkaVersion)];
  if (input.log4jVersion !== undefined) {
    dependencies.push(
      dependency('org.apache.logging.log4j', 'log4j-slf4j-impl', input.log4jVersion),
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.tessera.local</groupId>
  <artifactId>kafka-distribution</artifactId>
  <version>${xml(input.kafkaVersion)}</version>
  <packaging>pom</packaging>
  <dependencies>
${dependencies.join('\n')}
  </dependencies>
</project>
`;
}

function dependency(groupId: string, artifactId: string, version: string): string {
  return `    <dependency>
      <groupId>${xml(groupId)}</groupId>
      <artifactId>${xml(artifactId)}</artifactId>
      <version>${xml(version)}</version>
    </dependency>`;
}

function xml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** log4j-core's version, read from the file names Maven copied (`log4j-core-2.25.5.jar`). */
export function findLog4jCoreVersion(jarNames: readonly string[]): string | undefined {
  for (const name of jarNames) {
    const match = /^log4j-core-(\d[\w.-]*)\.jar$/.exec(name);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

/** Environment helpers for the Kafka runner's tests (the only test code that touches process.env). */

/** This process's environment with a different PATH, to hide programs such as `mvn` or `java`. */
export function environmentWithPath(path: string): NodeJS.ProcessEnv {
  return { ...process.env, PATH: path };
}

/** This process's environment plus `extra`. */
export function environmentWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** kafkajs 2 warns about its partitioner change on every producer unless this is set. */
export function silenceKafkajsPartitionerWarning(): void {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
}

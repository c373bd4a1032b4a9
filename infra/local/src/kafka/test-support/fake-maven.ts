import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for `mvn` that answers `-v` and, for `dependency:copy-dependencies`, writes empty
 * jars named after the pom's dependencies (plus log4j-core 2.99.1) into -DoutputDirectory. It
 * appends one line per run to `callsFile`. Env: FAKE_MVN_FAIL=1 fails like a network error,
 * FAKE_MVN_DELAY=<seconds> makes it slow.
 */
export interface FakeMaven {
  command: string;
  calls(): Promise<number>;
  remove(): Promise<void>;
}

const script = `#!/bin/sh
if [ "$1" = "-v" ]; then echo "Apache Maven 3.8.7 (fake)"; exit 0; fi
echo run >> "$(dirname "$0")/calls"
if [ -n "$FAKE_MVN_FAIL" ]; then echo "[ERROR] Could not transfer artifact (fake)"; exit 1; fi
if [ -n "$FAKE_MVN_DELAY" ]; then sleep "$FAKE_MVN_DELAY"; fi
previous=""; out=""; pom=""
for arg in "$@"; do
  case "$arg" in -DoutputDirectory=*) out="\${arg#-DoutputDirectory=}";; esac
  if [ "$previous" = "-f" ]; then pom="$arg"; fi
  previous="$arg"
done
version_after() { grep -A1 "<artifactId>$1</artifactId>" "$pom" | sed -n 's:.*<version>\\(.*\\)</version>.*:\\1:p'; }
mkdir -p "$out"
touch "$out/kafka_2.13-$(version_after kafka_2.13).jar" "$out/log4j-core-2.99.1.jar"
log4j="$(version_after log4j-slf4j-impl)"
if [ -n "$log4j" ]; then touch "$out/log4j-slf4j-impl-$log4j.jar"; fi
`;

export async function createFakeMaven(): Promise<FakeMaven> {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-fake-mvn-'));
  const command = join(dir, 'mvn');
  await writeFile(command, script);
  await chmod(command, 0o755);
  return {
    command,
    calls: async () => {
      const text = await readFile(join(dir, 'calls'), 'utf8').catch(() => '');
      return text.split('\n').filter((line) => line === 'run').length;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

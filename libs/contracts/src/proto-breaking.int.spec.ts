import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyProtoModule, runBuf, type ProtoCopy } from './test-support/buf.js';

/** buf's exit code for "the check ran and found breaking changes". */
const BREAKING_CHANGES_FOUND = 100;

const envelopeFile = join('tessera', 'common', 'v1', 'event_envelope.proto');

/** The same check as `npx nx run proto:breaking`, on a copy of proto/. */
function checkBreaking(protoDir: string) {
  return runBuf(['breaking', protoDir, '--against', join(protoDir, 'published', 'tessera.txtpb')]);
}

async function editEnvelope(protoDir: string, from: string, to: string): Promise<void> {
  const path = join(protoDir, envelopeFile);
  const source = await readFile(path, 'utf8');
  if (!source.includes(from)) {
    throw new Error(`${envelopeFile} no longer contains "${from}"; update this test`);
  }
  await writeFile(path, source.replace(from, to));
}

describe('proto:breaking against the published baseline', () => {
  let copy: ProtoCopy;

  beforeEach(async () => {
    copy = await copyProtoModule();
  });

  afterEach(async () => {
    await copy.remove();
  });

  it('passes for proto/ as it is', async () => {
    const result = await checkBreaking(copy.protoDir);

    expect(result.stdout + result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('fails naming a deleted field of a published message', async () => {
    await editEnvelope(copy.protoDir, '  optional string tenant = 11;', '  reserved 11;');

    const result = await checkBreaking(copy.protoDir);

    expect(result.exitCode).toBe(BREAKING_CHANGES_FOUND);
    expect(result.stdout).toContain(
      'Previously present field "11" with name "tenant" on message "EventEnvelope" was deleted.',
    );
  });

  it('fails naming a field whose type changed', async () => {
    await editEnvelope(copy.protoDir, '  int64 position = 6;', '  string position = 6;');

    const result = await checkBreaking(copy.protoDir);

    expect(result.exitCode).toBe(BREAKING_CHANGES_FOUND);
    expect(result.stdout).toContain(
      'Field "6" with name "position" on message "EventEnvelope" changed type from "int64" to "string".',
    );
  });

  it('passes an added field', async () => {
    await editEnvelope(
      copy.protoDir,
      '  bytes payload = 12;',
      '  bytes payload = 12;\n  // Added after publication.\n  string trace_parent = 13;',
    );

    const result = await checkBreaking(copy.protoDir);

    expect(result.stdout + result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });
});

describe('the published baseline', () => {
  it('is proto/ as it is: every change is published in its own commit (npx nx run proto:publish)', async () => {
    const copy = await copyProtoModule();
    try {
      const rebuilt = join(copy.root, 'rebuilt.txtpb');
      const build = await runBuf(['build', copy.protoDir, '--exclude-source-info', '-o', rebuilt]);
      expect(build.stderr).toBe('');

      const published = await readFile(join(copy.protoDir, 'published', 'tessera.txtpb'), 'utf8');
      expect(
        await readFile(rebuilt, 'utf8'),
        'proto/published/tessera.txtpb is stale: run `npx nx run proto:publish` and commit it',
      ).toBe(published);
    } finally {
      await copy.remove();
    }
  });
});

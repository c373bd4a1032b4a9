import { cp, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { copyProtoModule, runBuf, workspaceRoot, type ProtoCopy } from './buf.js';

/** What the test imports from a module generated at test time. */
export interface GeneratedFixture<TModule> {
  readonly module: TModule;
  readonly remove: ProtoCopy['remove'];
}

/**
 * Generates TypeScript for proto/ plus the test-only packages in ./fixtures, with the real
 * proto/buf.gen.yaml, into a temp folder, and imports one generated file from it. Fixture
 * packages are linted with the same rules as proto/ but never join the published module.
 *
 * @param generatedFile the file to import, relative to the generated root, without extension,
 *   for example "tessera/testing/v1/envelope_echo_service"
 */
export async function generateWithFixtures<TModule>(
  generatedFile: string,
): Promise<GeneratedFixture<TModule>> {
  const copy = await copyProtoModule();
  try {
    await cp(new URL('./fixtures/tessera/', import.meta.url), join(copy.protoDir, 'tessera'), {
      recursive: true,
    });
    await expectBufSucceeds(['lint', copy.protoDir]);
    const outputRoot = join(copy.root, 'out');
    await expectBufSucceeds([
      'generate',
      copy.protoDir,
      '--template',
      join(workspaceRoot, 'proto', 'buf.gen.yaml'),
      '-o',
      outputRoot,
    ]);
    // The generated code imports @bufbuild/protobuf and @grpc/grpc-js by package name.
    await symlink(join(workspaceRoot, 'node_modules'), join(copy.root, 'node_modules'), 'dir');
    const file = join(outputRoot, 'libs', 'contracts', 'src', 'gen', `${generatedFile}.ts`);
    const module = (await import(pathToFileURL(file).href)) as TModule;
    return { module, remove: copy.remove };
  } catch (error) {
    await copy.remove();
    throw error;
  }
}

async function expectBufSucceeds(args: readonly string[]): Promise<void> {
  const result = await runBuf(args);
  if (result.exitCode !== 0) {
    throw new Error(
      `buf ${args.join(' ')} exited ${result.exitCode}: ${result.stdout}${result.stderr}`,
    );
  }
}

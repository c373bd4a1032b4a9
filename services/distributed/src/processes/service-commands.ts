import { existsSync } from 'node:fs';
import path from 'node:path';
import { DistributedError } from '../errors.js';
import { workspaceRoot } from '../workspace.js';

/** The processes distributed mode runs, in the order it starts them. */
export const serviceNames = ['inventory', 'composer', 'agents', 'gateway'] as const;
export type ServiceName = (typeof serviceNames)[number];

/**
 * What the services run: the compiled `dist/` files (`nx run <project>:build`), or the
 * TypeScript sources through the SWC loader in `scripts/source-loader/` (no build needed; tests).
 */
export type RunFrom = 'dist' | 'source';

/** A command line for `spawn`, and the script in it that identifies the process later. */
export interface ProcessCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly script: string;
}

interface Entry {
  /** The Nx project that builds it. */
  readonly project: string;
  readonly dist: string;
  readonly source: string;
  /** Node.js options of its own (docs/operations.md, "Node.js settings"). */
  readonly nodeOptions?: readonly string[];
}

/**
 * The composer's young generation: 64 MB semi-spaces instead of Node's 16 MB, so that its
 * allocation-heavy scheduling decisions meet a minor collection four times less often.
 */
export const composerNodeOptions = ['--max-semi-space-size=64'] as const;

const entries: Readonly<Record<ServiceName, Entry>> = {
  inventory: {
    project: 'inventory',
    dist: 'services/inventory/dist/main.js',
    source: 'services/inventory/src/main.ts',
  },
  composer: {
    project: 'composer',
    dist: 'services/composer/dist/main.js',
    source: 'services/composer/src/main.ts',
    nodeOptions: composerNodeOptions,
  },
  agents: {
    project: 'simulated-agents',
    dist: 'test/simulated-agents/dist/cli/main.js',
    source: 'test/simulated-agents/src/cli/main.ts',
  },
  gateway: {
    project: 'gateway',
    dist: 'services/gateway/dist/main.js',
    source: 'services/gateway/src/main.ts',
  },
};

const sourceLoader = path.join(workspaceRoot, 'scripts/source-loader/register.mjs');

/** How to start `name` with this Node.js binary, from `runFrom`. */
export function serviceCommand(
  name: ServiceName,
  runFrom: RunFrom,
  args: readonly string[] = [],
): ProcessCommand {
  const entry = entries[name];
  const nodeOptions = entry.nodeOptions ?? [];
  if (runFrom === 'dist') {
    const script = path.join(workspaceRoot, entry.dist);
    return { command: process.execPath, args: [...nodeOptions, script, ...args], script };
  }
  const script = path.join(workspaceRoot, entry.source);
  return {
    command: process.execPath,
    args: [
      ...nodeOptions,
      '--enable-source-maps',
      '--conditions=@tessera/source',
      '--import',
      sourceLoader,
      script,
      ...args,
    ],
    script,
  };
}

/** Fails naming the build to run when a service's compiled entry point is missing. */
export function assertBuilt(runFrom: RunFrom): void {
  if (runFrom === 'source') return;
  const missing = serviceNames.filter(
    (name) => !existsSync(path.join(workspaceRoot, entries[name].dist)),
  );
  if (missing.length === 0) return;
  const projects = missing.map((name) => entries[name].project).join(' ');
  throw new DistributedError(
    'DISTRIBUTED_BUILD_MISSING',
    `not built: ${missing.map((name) => entries[name].dist).join(', ')}; ` +
      `run \`npx nx run-many -t build -p ${projects}\` (npm run distributed does), ` +
      'or run from the sources (TESSERA_RUN_FROM=source)',
  );
}

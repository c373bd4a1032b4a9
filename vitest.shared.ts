import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defaultServerConditions } from 'vite';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const globalSetup = fileURLToPath(new URL('./libs/testing/src/global-setup.ts', import.meta.url));

/** Workspace packages resolve to their TypeScript sources (see docs/conventions.md). */
const conditions = ['@tessera/source', ...defaultServerConditions];

/**
 * The vitest settings every project shares. SWC keeps decorator metadata for NestJS. The global
 * setup provides Postgres and Kafka to integration specs (`*.int.spec.ts`); see libs/testing.
 * Vitest runs global setup files in its own `__vitest__` environment, which needs the source
 * condition as much as the `ssr` environment that runs the test files.
 */
export function projectTestConfig(options: { testTimeout?: number } = {}): ViteUserConfig {
  return defineConfig({
    plugins: [swc.vite({ module: { type: 'es6' } })],
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    environments: { __vitest__: { resolve: { conditions } } },
    test: {
      include: ['src/**/*.spec.ts'],
      globalSetup: [globalSetup],
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: 120_000,
      teardownTimeout: 60_000,
      pool: 'forks',
    },
  });
}

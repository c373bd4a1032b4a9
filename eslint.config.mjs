// Type-checked ESLint for the whole workspace. Module boundaries are real constraints:
// every project carries `scope:*` and `type:*` tags (see docs/conventions.md).
import nx from '@nx/eslint-plugin';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Which layer may import which (STYLE.md: domain depends on domain only). */
const layerConstraints = [
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
  {
    sourceTag: 'type:application',
    onlyDependOnLibsWithTags: ['type:domain', 'type:application', 'type:contracts'],
  },
  {
    sourceTag: 'type:infrastructure',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:application',
      'type:infrastructure',
      'type:contracts',
    ],
  },
  // API plumbing every service shares (libs/api-kit); the logger port is the transports'.
  {
    sourceTag: 'type:util',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infrastructure', 'type:util'],
  },
  {
    sourceTag: 'type:api',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:application',
      'type:infrastructure',
      'type:contracts',
      'type:util',
      'type:api',
    ],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:infrastructure',
      'type:contracts',
      'type:testing',
    ],
  },
  // The standalone process wires every service, the local infrastructure and the simulated lab.
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:app',
      'type:domain',
      'type:application',
      'type:infrastructure',
      'type:contracts',
      'type:testing',
      'type:util',
      'type:api',
    ],
  },
  {
    sourceTag: 'type:tooling',
    onlyDependOnLibsWithTags: [
      'type:app',
      'type:domain',
      'type:application',
      'type:infrastructure',
      'type:contracts',
      'type:testing',
      'type:util',
      'type:api',
    ],
  },
];

/** A service depends on its own scope and on shared libraries; shared code on shared code only. */
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:shared'] },
  { sourceTag: 'scope:composer', onlyDependOnLibsWithTags: ['scope:composer', 'scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
  // The CLI speaks only the public REST API.
  { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:cli', 'scope:shared'] },
  {
    sourceTag: 'scope:standalone',
    onlyDependOnLibsWithTags: [
      'scope:standalone',
      'scope:shared',
      'scope:inventory',
      'scope:composer',
      'scope:gateway',
    ],
  },
  // Benchmarks and cross-service suites drive the services themselves.
  {
    sourceTag: 'scope:tooling',
    onlyDependOnLibsWithTags: [
      'scope:tooling',
      'scope:shared',
      'scope:inventory',
      'scope:composer',
      'scope:gateway',
      'scope:standalone',
      'scope:cli',
    ],
  },
];

/** Test files may also use the test harness. */
const withTesting = (constraints) =>
  constraints.map((c) =>
    c.sourceTag.startsWith('type:') && !c.onlyDependOnLibsWithTags.includes('type:testing')
      ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] }
      : c,
  );

const boundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    banTransitiveDependencies: true,
    depConstraints: [...constraints, ...scopeConstraints],
  },
];

const testFiles = ['**/*.spec.ts', '**/test-support/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.nx/**',
      '**/src/gen/**',
      '**/coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(layerConstraints),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': 'error',
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': boundaries(withTesting(layerConstraints)),
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    // Tool configuration at a project's root imports the workspace's shared settings.
    files: ['**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Domain code is pure: no framework, database, broker, transport or Node I/O.
    files: ['**/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'pg', 'kafkajs', '@grpc/*', 'node:*'],
              message: 'domain/ is pure: no I/O or framework imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // A service's use cases depend on ports, never on adapters or frameworks (STYLE.md).
    files: ['services/*/src/application/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/infrastructure/**', '**/api/**', '**/app/**'],
              message: 'application/ depends on its ports; adapters implement them.',
            },
            {
              group: [
                '@nestjs/*',
                'pg',
                'kafkajs',
                '@grpc/*',
                '@tessera/event-store',
                '@tessera/event-transport',
                '@tessera/postgres',
                '@tessera/api-kit/server',
                '@tessera/api-kit/test-support',
              ],
              message: 'application/ is framework- and storage-free: use a port.',
            },
          ],
        },
      ],
    },
  },
  {
    // Adapters serve the application; only the API layer and the app wiring sit above them.
    files: ['services/*/src/infrastructure/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/**', '**/app/**'],
              message: 'infrastructure/ must not depend on the API layer or the app wiring.',
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line entry points and benchmarks talk to people on stdout.
    files: ['**/src/cli/**/*.ts', 'test/bench/src/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);

import { type InfraSource } from './provision/provisioned.js';

/** What the global setup hands to every test file (through vitest `provide` / `inject`). */
export interface ProvidedTestInfra {
  /** A Postgres server URL (its maintenance database); tests create their own databases. */
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly sources: { readonly postgres: InfraSource; readonly kafka: InfraSource };
}

/** The key under which it is provided. */
export const PROVIDED_TEST_INFRA_KEY = 'tesseraTestInfra';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absent when the run provides no infrastructure (`TESSERA_TEST_INFRA=none`). */
    tesseraTestInfra: ProvidedTestInfra | undefined;
  }
}

export type BenchErrorCode =
  'BENCH_ABORTED' | 'BENCH_CONFIG_INVALID' | 'BENCH_INFRA_FAILED' | 'BENCH_PHASE_FAILED';

/** Every failure the benchmarks raise themselves carries a stable `code`. */
export class BenchError extends Error {
  constructor(
    readonly code: BenchErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The run was interrupted (Ctrl-C, SIGTERM or the overall time limit). */
export class BenchAbortedError extends BenchError {
  constructor(reason: string) {
    super('BENCH_ABORTED', `benchmark interrupted: ${reason}`);
  }
}

export class BenchConfigInvalidError extends BenchError {
  constructor(problems: readonly string[]) {
    super('BENCH_CONFIG_INVALID', `invalid benchmark environment: ${problems.join('; ')}`);
  }
}

/** Postgres or Kafka could not be provided or prepared. */
export class BenchInfraError extends BenchError {
  constructor(message: string, options?: ErrorOptions) {
    super('BENCH_INFRA_FAILED', message, options);
  }
}

/** A phase could not produce a measurement (e.g. the consumer never received a warm-up event). */
export class BenchPhaseError extends BenchError {
  constructor(phase: string, message: string) {
    super('BENCH_PHASE_FAILED', `${phase}: ${message}`);
  }
}

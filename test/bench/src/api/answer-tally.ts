/** Answers that were not 2xx, counted by route and status; never dropped from a report. */
export interface UnexpectedAnswers {
  readonly total: number;
  /** `"<route> → <status>"` (status `network` when no answer came) → count, most frequent first. */
  readonly byRouteAndStatus: Readonly<Record<string, number>>;
  /** The first answers of each route and status (their problem details), to tell what went wrong. */
  readonly examples: readonly string[];
}

/** Counts every request by route, and the answers that were not 2xx. */
export class AnswerTally {
  private readonly requests = new Map<string, number>();
  private readonly unexpected = new Map<string, number>();
  private readonly examples: string[] = [];

  constructor(private readonly examplesPerKey = 2) {}

  /** `status` undefined: the request got no answer (connection refused, reset, timed out). */
  record(route: string, status: number | undefined, detail?: string): void {
    this.requests.set(route, (this.requests.get(route) ?? 0) + 1);
    if (status !== undefined && status >= 200 && status < 300) return;
    const key = `${route} → ${status ?? 'network'}`;
    const count = (this.unexpected.get(key) ?? 0) + 1;
    this.unexpected.set(key, count);
    if (count <= this.examplesPerKey && detail !== undefined) {
      this.examples.push(`${key}: ${detail.slice(0, 300)}`);
    }
  }

  /** Requests sent per route. */
  requestCounts(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.requests);
  }

  unexpectedAnswers(): UnexpectedAnswers {
    const sorted = [...this.unexpected].sort((a, b) => b[1] - a[1]);
    return {
      total: sorted.reduce((sum, [, count]) => sum + count, 0),
      byRouteAndStatus: Object.fromEntries(sorted),
      examples: [...this.examples],
    };
  }
}

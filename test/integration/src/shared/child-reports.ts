import { type OutboxRelayRole } from '@tessera/event-store';

/** Where a child stopped to wait for its SIGKILL. */
export type HoldPoint = 'before-publish' | 'after-publish' | 'after-effect';

/** What a child process tells its parent, one JSON object per stdout line. */
export type ChildReport =
  | { readonly type: 'relay-role'; readonly role: OutboxRelayRole }
  | { readonly type: 'subscribed' }
  /** The child is parked at `point`, with these events in hand, until it is killed. */
  | { readonly type: 'holding'; readonly point: HoldPoint; readonly eventIds: readonly string[] }
  | { readonly type: 'failed'; readonly error: string };

export type ChildReportType = ChildReport['type'];

const reportTypes: readonly string[] = [
  'relay-role',
  'subscribed',
  'holding',
  'failed',
] satisfies readonly ChildReportType[];

export function sendReport(report: ChildReport): void {
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** The report on a stdout line, or undefined for any other output. */
export function parseReport(line: string): ChildReport | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    const type = (value as { type?: unknown } | null)?.type;
    return typeof type === 'string' && reportTypes.includes(type)
      ? (value as ChildReport)
      : undefined;
  } catch {
    return undefined;
  }
}

import { LatencyRecorder } from '../core/latency-recorder.js';
import type { LatencySummary } from '../core/percentiles.js';
import type { RestClient } from './rest-client.js';

export type ListLatency =
  | {
      readonly path: string;
      readonly served: true;
      readonly requests: number;
      /** Answers that were not 200 among the measured requests (also in the run's tally). */
      readonly notOk: number;
      /** Items on the first measured page, and whether a next page was offered. */
      readonly itemsPerPage: number | undefined;
      readonly hasNextPage: boolean;
      readonly latencyMs: LatencySummary;
    }
  /** The gateway has no such route (404 on the first request): nothing timed. */
  | { readonly path: string; readonly served: false; readonly status: number | undefined };

/**
 * `measured` GETs of `path` one after another (one client paging a console), after `warmUp`
 * that are not timed. A route answered 404 at once is reported as not served.
 */
export async function timeList(
  client: RestClient,
  path: string,
  counts: { readonly warmUp: number; readonly measured: number },
  options: { readonly authenticated?: boolean; readonly signal: AbortSignal },
): Promise<ListLatency> {
  const route = `GET ${path}`;
  const first = await client.call(route, 'GET', path, undefined, options);
  if (first.status === 404) return { path, served: false, status: first.status };
  for (let at = 1; at < counts.warmUp && !options.signal.aborted; at += 1) {
    await client.call(route, 'GET', path, undefined, options);
  }
  const recorder = new LatencyRecorder();
  let notOk = 0;
  let page: unknown;
  for (let at = 0; at < counts.measured && !options.signal.aborted; at += 1) {
    const answer = await client.call(route, 'GET', path, undefined, options);
    recorder.record(answer.ms);
    if (answer.status !== 200) notOk += 1;
    else page ??= answer.body;
  }
  const { items, nextPageToken } = (page ?? {}) as { items?: unknown; nextPageToken?: unknown };
  return {
    path,
    served: true,
    requests: recorder.count,
    notOk,
    itemsPerPage: Array.isArray(items) ? items.length : undefined,
    hasNextPage: typeof nextPageToken === 'string' && nextPageToken !== '',
    latencyMs: recorder.summary(),
  };
}

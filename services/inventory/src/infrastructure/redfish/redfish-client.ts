import { redfishServiceRoot, type RedfishResources } from '@tessera/inventory-domain';
import { discoveryLinks } from './discovery-links.js';
import { RedfishCrawlLimitError } from './redfish-errors.js';
import { RedfishHttp } from './redfish-http.js';

export interface CrawlRedfishOptions {
  /** Scheme, host and port of the service (`https://bmc.example:443`); its path is ignored. */
  readonly baseUrl: string;
  readonly username?: string;
  readonly password?: string;
  /** For each request, headers and body. */
  readonly timeoutMs: number;
  /** The most resources (documents) one crawl reads; default 5,000. */
  readonly maxResources?: number;
  readonly signal?: AbortSignal;
}

const defaultMaxResources = 5_000;
const maxConcurrentRequests = 8;

/** A collection may be paged: its pages' Members are merged into the first page. */
async function readPaged(http: RedfishHttp, path: string, origin: string, spend: () => void) {
  const body = await http.getObject(path, path !== redfishServiceRoot);
  if (body === undefined) return undefined;
  let next = body['Members@odata.nextLink'];
  const members = Array.isArray(body.Members) ? [...(body.Members as unknown[])] : undefined;
  const seenPages = new Set<string>();
  while (members !== undefined && typeof next === 'string' && !seenPages.has(next)) {
    seenPages.add(next);
    const url = new URL(next, origin);
    if (url.origin !== origin) break;
    spend();
    const page = await http.getObject(`${url.pathname}${url.search}`, true);
    if (!Array.isArray(page?.Members)) break;
    members.push(...(page.Members as unknown[]));
    next = page['Members@odata.nextLink'];
  }
  if (members === undefined) return body;
  const { 'Members@odata.nextLink': _paged, ...whole } = body;
  return { ...whole, Members: members };
}

/**
 * Reads what discovery needs from a Redfish service: GET the service root, then follow its
 * links breadth-first through Chassis, Systems, Fabrics, CompositionService and Storage (see
 * `discoveryLinks`), never leaving the service's origin, at most 8 requests at once and at most
 * `maxResources` documents (pages of a paged collection are merged into it). Keys are paths
 * (`RedfishResources`), sorted. A 404 below the root is
 * skipped (the mapping reports the dangling link); any other failure fails the whole crawl with
 * a typed error naming the URL (see redfish-errors.ts), so no partial inventory is ever taken as
 * complete. The caller's `signal` aborts it with the signal's reason.
 */
export async function crawlRedfishService(options: CrawlRedfishOptions): Promise<RedfishResources> {
  const origin = new URL(options.baseUrl).origin;
  const limit = options.maxResources ?? defaultMaxResources;
  const crawl = new AbortController();
  const signal =
    options.signal === undefined ? crawl.signal : AbortSignal.any([options.signal, crawl.signal]);
  const http = new RedfishHttp({ ...options, origin, signal });
  const resources = new Map<string, unknown>();
  const seen = new Set<string>([redfishServiceRoot]);
  const queue: string[] = [redfishServiceRoot];
  let spent = 0;
  const spend = () => {
    spent += 1;
    if (spent > limit) throw new RedfishCrawlLimitError(origin, limit);
  };

  const visit = async (path: string) => {
    spend();
    const body = await readPaged(http, path, origin, spend);
    if (body === undefined) return;
    resources.set(path, body);
    for (const link of discoveryLinks(body, origin)) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  };

  const inFlight = new Set<Promise<void>>();
  try {
    while (queue.length > 0 || inFlight.size > 0) {
      while (inFlight.size < maxConcurrentRequests) {
        const path = queue.shift();
        if (path === undefined) break;
        const task: Promise<void> = visit(path).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
      await Promise.race(inFlight);
    }
  } catch (error) {
    crawl.abort();
    await Promise.allSettled(inFlight);
    throw error;
  }
  return new Map([...resources.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

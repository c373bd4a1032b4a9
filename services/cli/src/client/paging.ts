import type { ApiClient, QueryValue } from './api-client.js';

/** One page of a list as the API answers it. */
export interface Page {
  readonly items: readonly unknown[];
  readonly nextPageToken: string | undefined;
}

export interface ListRequest {
  readonly path: string;
  readonly query: Readonly<Record<string, QueryValue>>;
  /** Follow `nextPageToken` to the end. */
  readonly all: boolean;
}

/**
 * The items of a list: one page, or with `all` every page. The last page's token is returned
 * so that a caller can say where to go on.
 */
export async function listItems(client: ApiClient, request: ListRequest): Promise<Page> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let pageToken = request.query.pageToken;
  for (;;) {
    const answer = await client.get(request.path, { ...request.query, pageToken });
    const page = pageOf(answer.body);
    items.push(...page.items);
    if (!request.all || page.nextPageToken === undefined || seen.has(page.nextPageToken)) {
      return { items, nextPageToken: request.all ? undefined : page.nextPageToken };
    }
    seen.add(page.nextPageToken);
    pageToken = page.nextPageToken;
  }
}

/** `{items, nextPageToken?}`; a bare array is read as one complete page. */
export function pageOf(body: unknown): Page {
  if (Array.isArray(body)) return { items: body, nextPageToken: undefined };
  if (typeof body === 'object' && body !== null) {
    const { items, nextPageToken } = body as Record<string, unknown>;
    return {
      items: Array.isArray(items) ? items : [],
      nextPageToken:
        typeof nextPageToken === 'string' && nextPageToken !== '' ? nextPageToken : undefined,
    };
  }
  return { items: [], nextPageToken: undefined };
}

import { describe, expect, it } from 'vitest';
import type { Principal } from '../../domain/access.js';
import type { EventFeed, FeedEntry, FeedQuery } from '../ports/event-feed.js';
import { readEvents, visibleEventsQuery } from './watch-events.js';

const financeViewer: Principal = {
  subject: 'token:f',
  grants: [{ role: 'viewer', tenant: 'finance' }],
};

describe('visibleEventsQuery', () => {
  it("reads a caller's tenants and the shared events unless it names one tenant", () => {
    const all = { kinds: undefined, tenant: undefined, after: undefined };
    expect(visibleEventsQuery(financeViewer, all)).toMatchObject({
      tenants: ['finance'],
      tenantOnly: false,
    });
    expect(visibleEventsQuery(financeViewer, { ...all, tenant: 'finance' })).toMatchObject({
      tenants: ['finance'],
      tenantOnly: true,
    });
  });

  it('refuses a tenant the caller holds nothing on', () => {
    expect(() =>
      visibleEventsQuery(financeViewer, { kinds: undefined, tenant: 'research', after: undefined }),
    ).toThrow('this needs the viewer role on tenant "research"');
  });
});

describe('readEvents without following', () => {
  it('reads on from each batch until a short one, then ends', async () => {
    const cursors = Array.from({ length: 450 }, (_, index) => `1:${index + 1}`);
    const reads: (string | undefined)[] = [];
    const feed: EventFeed = {
      append: () => Promise.resolve(),
      read: (query: FeedQuery) => {
        reads.push(query.after);
        const from = query.after === undefined ? 0 : cursors.indexOf(query.after) + 1;
        const entries = cursors
          .slice(from, from + query.limit)
          .map((cursor) => ({ cursor, event: {} }) as FeedEntry);
        return Promise.resolve(entries);
      },
    };
    const seen: string[] = [];
    const query = visibleEventsQuery(financeViewer, {
      kinds: undefined,
      tenant: undefined,
      after: undefined,
    });
    const wakeups = { listen: () => () => undefined };
    const stop = new AbortController().signal;
    for await (const entry of readEvents(feed, wakeups, query, { follow: false, stop })) {
      seen.push(entry.cursor);
    }
    expect(seen).toEqual(cursors);
    expect(reads).toEqual([undefined, '1:200', '1:400']);
  });
});

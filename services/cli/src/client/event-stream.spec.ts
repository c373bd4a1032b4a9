import { describe, expect, it } from 'vitest';
import { ApiError, UnavailableError } from '../errors.js';
import { ApiClient } from './api-client.js';
import { followEvents } from './event-stream.js';
import type { SseMessage } from './sse-parser.js';

/** A response streaming `chunks`, then ending (a dropped connection, for a follower). */
function stream(chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
}

/** A fetch answering each connection in turn, recording the request headers. */
function connections(answers: (() => Response)[]) {
  const seen: Headers[] = [];
  const fetch = ((_url: string, init?: RequestInit) => {
    seen.push(new Headers(init?.headers));
    const answer = answers.shift();
    if (answer === undefined) return Promise.reject(new TypeError('fetch failed'));
    return Promise.resolve(answer());
  }) as typeof globalThis.fetch;
  return { seen, client: new ApiClient({ server: 'http://api.test', token: 't', fetch }) };
}

async function follow(
  client: ApiClient,
  options: { follow?: boolean; stopAfter?: number; lastEventId?: string } = {},
) {
  const messages: SseMessage[] = [];
  const notices: string[] = [];
  const stop = new AbortController();
  await followEvents(client, {
    path: '/v1/events',
    query: { kind: 'composition' },
    lastEventId: options.lastEventId,
    follow: options.follow ?? true,
    signal: stop.signal,
    onMessage: (message) => {
      messages.push(message);
      if (messages.length === options.stopAfter) stop.abort();
    },
    onNotice: (text) => notices.push(text),
    sleep: () => Promise.resolve(),
  });
  return { messages, notices };
}

describe('followEvents', () => {
  it('reconnects after a drop, resuming with Last-Event-ID', async () => {
    const { client, seen } = connections([
      () =>
        stream(['retry: 10\n\n', 'id: 1:1\ndata: {"n":1}\n\n', 'id: 1:2\nda', 'ta: {"n":2}\n\n']),
      () => stream(['id: 1:3\ndata: {"n":3}\n\n']),
    ]);
    const { messages, notices } = await follow(client, { stopAfter: 3 });
    expect(messages.map((message) => message.data)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(seen[0]?.get('last-event-id')).toBeNull();
    expect(seen[1]?.get('last-event-id')).toBe('1:2');
    expect(seen[1]?.get('accept')).toContain('text/event-stream');
    expect(notices).toEqual(['the event stream ended; reconnecting']);
  });

  it('reconnects after a network failure and a 503 once it has been connected', async () => {
    const { client, seen } = connections([
      () => stream(['id: 2:1\ndata: a\n\n']),
      () => {
        throw new TypeError('fetch failed');
      },
      () => new Response('{"status":503,"detail":"down","code":"UNAVAILABLE"}', { status: 503 }),
      () => stream(['id: 2:2\ndata: b\n\n']),
    ]);
    const { messages, notices } = await follow(client, { stopAfter: 2 });
    expect(messages.map((message) => message.data)).toEqual(['a', 'b']);
    expect(seen.map((headers) => headers.get('last-event-id'))).toEqual([
      null,
      '2:1',
      '2:1',
      '2:1',
    ]);
    expect(notices).toHaveLength(3);
  });

  it('starts after a given event id', async () => {
    const { client, seen } = connections([() => stream(['id: 9:2\ndata: x\n\n'])]);
    await follow(client, { stopAfter: 1, lastEventId: '9:1' });
    expect(seen[0]?.get('last-event-id')).toBe('9:1');
  });

  it('reads to the end without following (follow=false), then returns', async () => {
    const { client } = connections([() => stream(['id: 1:1\ndata: a\n\n'])]);
    const { messages, notices } = await follow(client, { follow: false });
    expect(messages).toHaveLength(1);
    expect(notices).toEqual([]);
  });

  it('throws when the first connection fails: nothing to resume', async () => {
    const { client } = connections([]);
    await expect(follow(client)).rejects.toThrow(UnavailableError);
  });

  it('throws a refusal (4xx) at any time: retrying will not mend it', async () => {
    const { client } = connections([
      () => stream(['id: 1:1\ndata: a\n\n']),
      () =>
        new Response(
          JSON.stringify({ status: 401, detail: 'revoked', code: 'INVALID_CREDENTIALS' }),
          {
            status: 401,
          },
        ),
    ]);
    await expect(follow(client)).rejects.toThrow(ApiError);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, eventually } from './test-support/api-client.js';
import { type ControlPlane, startControlPlane } from './test-support/control-plane.js';

interface StreamedEvent {
  id: string;
  type: string;
  kind: string;
  streamId: string;
  tenant?: string;
  actor: string;
  data: unknown;
}

interface Message {
  readonly id: string;
  readonly event: StreamedEvent;
}

let plane: ControlPlane;
let finance: ApiClient;
let research: ApiClient;

beforeAll(async () => {
  plane = await startControlPlane('e2e-events');
  finance = await plane.clientWith('operator:finance');
  research = await plane.clientWith('operator:research');
});

afterAll(async () => {
  await plane.close();
});

/** Reads a finished stream (`follow=false`) and parses its messages. */
async function readStream(
  client: ApiClient,
  query: string,
  headers: Record<string, string> = {},
): Promise<Message[]> {
  const response = await fetch(`${plane.baseUrl}/v1/events?follow=false&${query}`, {
    headers: { authorization: `Bearer ${client.token ?? ''}`, ...headers },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return parseMessages(await response.text());
}

function parseMessages(text: string): Message[] {
  return text
    .split('\n\n')
    .map((block) => block.split('\n'))
    .filter((lines) => lines.some((line) => line.startsWith('data: ')))
    .map((lines) => ({
      id: lines.find((line) => line.startsWith('id: '))?.slice(4) ?? '',
      event: JSON.parse(
        lines.find((line) => line.startsWith('data: '))?.slice(6) ?? 'null',
      ) as StreamedEvent,
    }));
}

async function compose(name: string): Promise<string> {
  const created = await finance.post('/v1/compositions', {
    spec: {
      name,
      tenant: 'finance',
      hostSelector: {},
      groups: [{ name: 'g', kind: 'gpu', count: 1 }],
    },
  });
  expect(created.status).toBe(202);
  return (created.body as { id: string }).id;
}

describe('the event stream', () => {
  it("shows a tenant its compositions' events, with the actor, and not to another tenant", async () => {
    const id = await compose('watched-01');
    const messages = await eventually(
      () => readStream(finance, 'kind=composition'),
      (read) =>
        read.some(
          (m) => m.event.streamId === `composition-${id}` && m.event.type.endsWith('Ready'),
        ),
    );
    const mine = messages.filter((m) => m.event.streamId === `composition-${id}`);
    expect(mine.every((m) => m.event.tenant === 'finance' && m.event.kind === 'composition')).toBe(
      true,
    );
    expect(mine[0]?.event.actor).toMatch(/^token:/);
    const theirs = await readStream(research, 'kind=composition');
    expect(theirs.filter((m) => m.event.streamId === `composition-${id}`)).toEqual([]);
  });

  it('shows everyone the shared hardware, and filters by kind', async () => {
    const devices = await readStream(research, 'kind=device');
    expect(devices.length).toBeGreaterThan(0);
    expect(devices.every((m) => m.event.kind === 'device' && m.event.tenant === undefined)).toBe(
      true,
    );
    const onlyFinance = await readStream(finance, 'tenant=finance');
    expect(onlyFinance.every((m) => m.event.tenant === 'finance')).toBe(true);
  });

  it('resumes after the last event id it sent, without repeating or skipping', async () => {
    const before = await readStream(finance, 'kind=composition');
    const last = before[before.length - 1]?.id;
    expect(last).toBeDefined();
    const id = await compose('watched-02');
    const after = await eventually(
      () => readStream(finance, 'kind=composition', { 'last-event-id': last ?? '' }),
      (read) =>
        read.some(
          (m) => m.event.streamId === `composition-${id}` && m.event.type.endsWith('Ready'),
        ),
    );
    expect(after.map((m) => m.id)).not.toContain(last);
    expect(after.every((m) => m.event.streamId === `composition-${id}`)).toBe(true);
  });

  it('delivers new events to a follower as they happen', async () => {
    const controller = new AbortController();
    const response = await fetch(`${plane.baseUrl}/v1/events?kind=composition&tenant=finance`, {
      headers: { authorization: `Bearer ${finance.token ?? ''}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const id = await compose('watched-03');
    let text = '';
    const decoder = new TextDecoder();
    const deadline = Date.now() + 20_000;
    while (!text.includes(`composition-${id}`) && Date.now() < deadline) {
      const { value, done } = (await reader.read()) as {
        value?: Uint8Array;
        done: boolean;
      };
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toContain(`"streamId":"composition-${id}"`);
  });

  it("refuses another tenant's stream and a forged resume id", async () => {
    const refused = await research.get('/v1/events?tenant=finance');
    expect(refused.status).toBe(403);
    const forged = await finance.request('GET', '/v1/events?follow=false', undefined, {
      'last-event-id': 'not-an-id',
    });
    expect(forged.status).toBe(400);
  });
});

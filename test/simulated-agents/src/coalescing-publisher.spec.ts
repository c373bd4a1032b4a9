import type { EventTransport, OutgoingMessage } from '@tessera/event-transport';
import { describe, expect, it } from 'vitest';
import { CoalescingPublisher } from './coalescing-publisher.js';

/** A transport whose publishes finish when the test says so; records what each carried. */
function gatedTransport() {
  const publishes: string[][] = [];
  const gates: { open: () => void; fail: (error: Error) => void }[] = [];
  const transport: EventTransport = {
    name: 'postgres',
    publish: (_topic, messages) => {
      publishes.push(messages.map((message) => message.key));
      return new Promise<void>((resolve, reject) => {
        gates.push({ open: resolve, fail: reject });
      });
    },
    subscribe: () => Promise.reject(new Error('not used')),
    close: () => Promise.resolve(),
  };
  return { transport, publishes, gates };
}

const message = (key: string) => ({ key, envelope: {} }) as unknown as OutgoingMessage;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingPublisher', () => {
  it('publishes at once when idle, and joins what comes meanwhile into the next, in order', async () => {
    const { transport, publishes, gates } = gatedTransport();
    const publisher = new CoalescingPublisher(transport, 'observations');

    const first = publisher.publish([message('h1')]);
    const second = publisher.publish([message('h2'), message('h2')]);
    const third = publisher.publish([message('h3')]);
    await tick();
    expect(publishes).toEqual([['h1']]);

    gates[0]?.open();
    await first;
    await tick();
    expect(publishes).toEqual([['h1'], ['h2', 'h2', 'h3']]);
    gates[1]?.open();
    await Promise.all([second, third]);
    expect(publishes).toHaveLength(2);
  });

  it('fails every caller whose messages a failed publish carried, and goes on after', async () => {
    const { transport, publishes, gates } = gatedTransport();
    const publisher = new CoalescingPublisher(transport, 'observations');

    const first = publisher.publish([message('h1')]);
    const second = publisher.publish([message('h2')]);
    const third = publisher.publish([message('h3')]);
    gates[0]?.open();
    await first;
    await tick();
    gates[1]?.fail(new Error('log unavailable'));
    await expect(second).rejects.toThrow('log unavailable');
    await expect(third).rejects.toThrow('log unavailable');

    const fourth = publisher.publish([message('h4')]);
    await tick();
    gates[2]?.open();
    await fourth;
    expect(publishes).toEqual([['h1'], ['h2', 'h3'], ['h4']]);
  });
});

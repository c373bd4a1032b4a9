import { describe, expect, it } from 'vitest';
import { stopPostmaster } from './stop-postmaster.js';

const budget = { fastMs: 1, immediateMs: 1, killMs: 1 };

/** A fake process that dies on the first signal in `diesOn`; records what it was sent. */
function fakeProcess(diesOn: NodeJS.Signals[]) {
  const sent: NodeJS.Signals[] = [];
  let alive = true;
  return {
    sent,
    signal: (name: NodeJS.Signals): boolean => {
      if (!alive) return false;
      sent.push(name);
      if (diesOn.includes(name)) alive = false;
      return true;
    },
    waitGone: (): Promise<boolean> => Promise.resolve(!alive),
  };
}

describe('stopPostmaster', () => {
  it('asks for a fast shutdown first and stops there when it is obeyed', async () => {
    const server = fakeProcess(['SIGINT']);
    expect(await stopPostmaster(server.signal, server.waitGone, budget)).toBe(true);
    expect(server.sent).toEqual(['SIGINT']);
  });

  it('escalates to immediate shutdown, then SIGKILL, never using the smart SIGTERM', async () => {
    const server = fakeProcess(['SIGKILL']);
    expect(await stopPostmaster(server.signal, server.waitGone, budget)).toBe(true);
    expect(server.sent).toEqual(['SIGINT', 'SIGQUIT', 'SIGKILL']);
  });

  it('reports a process that survives SIGKILL', async () => {
    const server = fakeProcess([]);
    expect(await stopPostmaster(server.signal, server.waitGone, budget)).toBe(false);
  });

  it('does nothing to a process that is already gone', async () => {
    const server = fakeProcess([]);
    const gone = (): boolean => false;
    expect(await stopPostmaster(gone, server.waitGone, budget)).toBe(true);
    expect(server.sent).toEqual([]);
  });
});

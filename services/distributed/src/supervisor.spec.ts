import { describe, expect, it } from 'vitest';
import { DistributedError } from './errors.js';
import { type PartEnd, Supervisor } from './supervisor.js';

function supervisorLog(): { supervisor: Supervisor; log: string[] } {
  const log: string[] = [];
  const supervisor = new Supervisor({
    onFailure: ({ part }) => log.push(`${part} failed`),
    onStopError: (part) => log.push(`${part} did not stop`),
  });
  return { supervisor, log };
}

function stopping(log: string[], name: string): () => Promise<void> {
  return () => {
    log.push(`stop ${name}`);
    return Promise.resolve();
  };
}

describe('the supervisor of the parts', () => {
  it('stops the parts in the reverse order of start, once', async () => {
    const { supervisor, log } = supervisorLog();
    supervisor.add('kafka', stopping(log, 'kafka'));
    supervisor.add('inventory', () => Promise.reject(new Error('stuck')));
    supervisor.add('gateway', stopping(log, 'gateway'));
    await Promise.all([supervisor.stopAll(), supervisor.stopAll()]);
    expect(log).toEqual(['stop gateway', 'inventory did not stop', 'stop kafka']);
    expect(supervisor.stopSignal.aborted).toBe(true);
  });

  it('stops everything when a part ends on its own, and says which', async () => {
    const { supervisor, log } = supervisorLog();
    let endComposer: (end: PartEnd) => void = () => undefined;
    supervisor.add('kafka', stopping(log, 'kafka'));
    supervisor.add(
      'composer',
      stopping(log, 'composer'),
      new Promise<PartEnd>((resolve) => (endComposer = resolve)),
    );
    supervisor.add('gateway', stopping(log, 'gateway'));
    endComposer({ how: 'was killed by SIGKILL', lines: ['out of memory'] });
    await expect(supervisor.failedEarly).rejects.toThrow(DistributedError);
    await expect(supervisor.failedEarly).rejects.toThrow(
      'composer was killed by SIGKILL; its last lines:\n  out of memory',
    );
    await expect(supervisor.failed).resolves.toEqual({
      part: 'composer',
      how: 'was killed by SIGKILL',
      lines: ['out of memory'],
    });
    expect(log).toEqual(['composer failed', 'stop gateway', 'stop composer', 'stop kafka']);
  });

  it('does not call a part that ends during the stop a failure', async () => {
    const { supervisor, log } = supervisorLog();
    let endKafka: (end: PartEnd) => void = () => undefined;
    const ended = new Promise<PartEnd>((resolve) => (endKafka = resolve));
    supervisor.add(
      'kafka',
      () => {
        endKafka({ how: 'exited with code 0', lines: [] });
        return Promise.resolve();
      },
      ended,
    );
    await supervisor.stopAll();
    await ended;
    expect(log).toEqual([]);
  });
});

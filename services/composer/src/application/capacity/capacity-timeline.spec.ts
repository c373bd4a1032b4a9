import { InvalidCapacityQuestionError, scheduler } from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { capacityTimeline } from './capacity-timeline.handler.js';
import { noPromisedDevices } from './promised-devices.js';

const deps = {
  candidates: () => Promise.resolve(new scheduler.CandidateIndex()),
  promised: noPromisedDevices,
};
const start = new Date('2025-12-28T00:00:00Z');
const hour = 60 * 60_000;

describe('capacityTimeline', () => {
  it.each([
    [
      'a step under a minute',
      { start, end: new Date(start.getTime() + hour), stepMs: 1000 },
      'stepMs',
    ],
    [
      'more than 1000 steps',
      { start, end: new Date(start.getTime() + 1001 * hour), stepMs: hour },
      'stepMs',
    ],
    [
      'an end before the start',
      { start, end: new Date(start.getTime() - hour), stepMs: hour },
      'window.end',
    ],
    ['an invalid start', { start: new Date('soon'), end: start, stepMs: hour }, 'window.start'],
  ])('refuses %s', async (_case, query, field) => {
    const attempt = capacityTimeline(deps, query);
    await expect(attempt).rejects.toThrow(InvalidCapacityQuestionError);
    await expect(attempt).rejects.toMatchObject({ field });
  });

  it('gives one step per started step length, the last one cut at the end', async () => {
    const timeline = await capacityTimeline(deps, {
      start,
      end: new Date(start.getTime() + 2.5 * hour),
      stepMs: hour,
    });
    expect(timeline.map((step) => (step.end.getTime() - step.start.getTime()) / hour)).toEqual([
      1, 1, 0.5,
    ]);
  });
});

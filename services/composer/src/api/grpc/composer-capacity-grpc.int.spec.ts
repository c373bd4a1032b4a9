import 'reflect-metadata';
import { status } from '@grpc/grpc-js';
import { failureOf, violatedFields } from '@tessera/api-kit/test-support';
import { composer } from '@tessera/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gpuSpec } from './test-support/composer-calls.js';
import { type PlanningCalls, planningCalls, templateSpec } from './test-support/planning-calls.js';
import { type RunningComposer, startRunningComposer } from './test-support/running-composer.js';

const { CapacityOutcome } = composer;

let composerProcess: RunningComposer;
let planning: PlanningCalls;
beforeAll(async () => {
  composerProcess = await startRunningComposer('composer_cap_grpc');
  planning = planningCalls(composerProcess.grpcUrl);
});
afterAll(async () => {
  planning.close();
  await composerProcess.close();
});

const window = { windowStart: '2025-12-28T00:00:00Z', windowEnd: '2026-01-03T00:00:00Z' };
/** smallLab: h1 reaches 3 GPUs behind sw1 and 3 NVMe drives behind sw2. */
const twoGpus = { ...gpuSpec('finance', 2), name: '' };

describe('capacity over gRPC', () => {
  it('answers how many fit and, when not enough, what is short per group', async () => {
    const answer = await planning.capacity({ spec: twoGpus, wanted: 2, limit: 0, ...window });
    expect(answer).toMatchObject({
      outcome: CapacityOutcome.CAPACITY_OUTCOME_ANSWERED,
      fits: 1,
      wanted: 2,
      enough: false,
    });
    expect(answer.placements).toEqual([
      { hostId: 'h1', groups: [{ group: 'gpus', deviceIds: expect.any(Array) as string[] }] },
    ]);
    expect(answer.shortage?.groups).toEqual([
      expect.objectContaining({
        group: 'gpus',
        kind: 'gpu',
        count: 2,
        bestFit: 1,
        missing: 1,
        closestHost: 'h1',
        switches: ['sw1'],
        reachable: 3,
        free: 1,
      }),
    ]);
    expect(answer.shortage?.reason).not.toBe('');

    const enough = await planning.capacity({ spec: twoGpus, wanted: 1, limit: 1, ...window });
    expect(enough).toMatchObject({ fits: 1, enough: true, shortage: undefined });
  });

  it('answers for a template reference', async () => {
    await planning.defineTemplate({
      template: {
        name: 'scratch',
        description: 'NVMe drives on any host',
        parameters: [{ name: 'drives', type: 'number', description: '', min: 1, allowed: [] }],
        body: {
          tenant: 'finance',
          host: { selector: {} },
          groups: [{ name: 'drives', kind: 'nvme', count: '${drives}' }],
        },
      },
    });
    const spec = templateSpec({ name: 'scratch', parameters: { drives: 1 } });
    const answer = await planning.capacity({ spec, wanted: 2, limit: 10, ...window });
    expect(answer).toMatchObject({ fits: 3, wanted: 2, enough: true });
  });

  it('refuses bad questions naming the field, and stores nothing', async () => {
    const before = await composerProcess.storedEvents();
    const backwards = await failureOf(
      planning.capacity({
        spec: twoGpus,
        wanted: 1,
        limit: 0,
        windowStart: window.windowEnd,
        windowEnd: window.windowStart,
      }),
    );
    expect(backwards.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(backwards.detail)).toEqual(['window_end']);
    const noStart = await failureOf(
      planning.capacity({ spec: twoGpus, wanted: 1, limit: 0, windowEnd: window.windowEnd }),
    );
    expect(violatedFields(noStart.detail)).toEqual(['window_start']);
    const none = await failureOf(
      planning.capacity({ spec: twoGpus, wanted: 0, limit: 0, ...window }),
    );
    expect(violatedFields(none.detail)).toEqual(['wanted']);
    const badSpec = await failureOf(
      planning.capacity({
        spec: { ...twoGpus, groups: [{ ...twoGpus.groups[0]!, count: -1 }] },
        wanted: 1,
        limit: 0,
        ...window,
      }),
    );
    expect(violatedFields(badSpec.detail)).toEqual(['spec.groups[0].count']);
    expect(await composerProcess.storedEvents()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown template', async () => {
    const { error, detail } = await failureOf(
      planning.capacity({
        spec: templateSpec({ name: 'nothing' }),
        wanted: 1,
        limit: 0,
        ...window,
      }),
    );
    expect(error.code).toBe(status.NOT_FOUND);
    expect(detail?.code).toBe('TEMPLATE_NOT_FOUND');
  });

  it('charts free and committed capacity per kind, step by step', async () => {
    const { steps } = await planning.timeline({
      start: '2025-12-28T00:00:00Z',
      end: '2025-12-29T12:00:00Z',
      stepSeconds: 24 * 60 * 60,
    });
    expect(steps).toEqual([
      {
        start: '2025-12-28T00:00:00.000Z',
        end: '2025-12-29T00:00:00.000Z',
        kinds: [
          { kind: 'gpu', total: 3, free: 3, committed: 0 },
          { kind: 'nvme', total: 3, free: 3, committed: 0 },
        ],
      },
      expect.objectContaining({ end: '2025-12-29T12:00:00.000Z' }),
    ]);
  });

  it('refuses a bad timeline naming the field', async () => {
    const shortStep = await failureOf(
      planning.timeline({
        start: '2025-12-28T00:00:00Z',
        end: '2025-12-29T00:00:00Z',
        stepSeconds: 5,
      }),
    );
    expect(shortStep.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(shortStep.detail)).toEqual(['step_seconds']);
    const tooMany = await failureOf(
      planning.timeline({
        start: '2025-01-01T00:00:00Z',
        end: '2026-01-01T00:00:00Z',
        stepSeconds: 60,
      }),
    );
    expect(violatedFields(tooMany.detail)).toEqual(['step_seconds']);
    const backwards = await failureOf(
      planning.timeline({
        start: '2025-12-29T00:00:00Z',
        end: '2025-12-28T00:00:00Z',
        stepSeconds: 60,
      }),
    );
    expect(violatedFields(backwards.detail)).toEqual(['end']);
    const noEnd = await failureOf(
      planning.timeline({ start: '2025-12-29T00:00:00Z', stepSeconds: 60 }),
    );
    expect(violatedFields(noEnd.detail)).toEqual(['end']);
  });
});

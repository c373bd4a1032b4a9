import {
  type CompositionSpec,
  InvalidCapacityQuestionError,
  scheduler,
} from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStoreTemplateRepository } from '../../infrastructure/templates/index.js';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
  device,
  host,
} from '../../test-support/composer-fixture.js';
import { requestComposition } from '../compose/request-composition.handler.js';
import { defineTemplate } from '../templates/define-template.handler.js';
import { capacityFor } from './capacity-for.handler.js';
import { capacityTimeline } from './capacity-timeline.handler.js';
import { noPromisedDevices, type PromisedDevices } from './promised-devices.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

/** Host h1 reaches 5 GPUs `<prefix>-g0..4` behind sw1 and 3 NVMe drives `<prefix>-n0..2` behind sw2. */
function lab(prefix: string): () => scheduler.CandidateIndex {
  return () => {
    const index = new scheduler.CandidateIndex();
    index.upsertHost(host('h1'));
    const gpus = [0, 1, 2, 3, 4].map((at) => `${prefix}-g${at}`);
    const drives = [0, 1, 2].map((at) => `${prefix}-n${at}`);
    for (const id of gpus) index.upsertDevice(device(id));
    for (const id of drives)
      index.upsertDevice(device(id, { kind: 'nvme', attributes: { capacityTB: 8 } }));
    index.setRoutes('h1', [
      ...gpus.map((deviceId) => ({ deviceId, hops: 1, switchPath: ['sw1'] })),
      ...drives.map((deviceId) => ({ deviceId, hops: 2, switchPath: ['sw1', 'sw2'] })),
    ]);
    return index;
  };
}

const node: CompositionSpec = {
  name: 'node',
  tenant: 'finance',
  host: { selector: {} },
  groups: [
    { name: 'gpus', kind: 'gpu', count: 2 },
    { name: 'scratch', kind: 'nvme', count: 1 },
  ],
};
const window = { start: new Date('2025-12-28T00:00:00Z'), end: new Date('2026-01-03T00:00:00Z') };
const day = 24 * 60 * 60_000;

/** Promises two GPUs to a lease from Dec 29 to Dec 30. */
function leaseOf(prefix: string): PromisedDevices & { asked: [Date, Date][] } {
  const asked: [Date, Date][] = [];
  const from = Date.parse('2025-12-29T00:00:00Z');
  const to = from + day;
  return {
    asked,
    promisedDuring: (start, end) => {
      asked.push([start, end]);
      const overlaps = start.getTime() < to && end.getTime() > from;
      return Promise.resolve(new Set(overlaps ? [`${prefix}-g0`, `${prefix}-g1`] : []));
    },
  };
}

describe('capacity equals what composing really achieves', () => {
  it('answers N, then exactly N requests are scheduled and the next fails the same way', async () => {
    const { deps } = fixture.replica('replica-a', lab('real'));
    const capacity = await capacityFor(
      { ...deps, promised: noPromisedDevices },
      { spec: node, wanted: 3, window },
    );
    if (capacity.outcome !== 'answered') throw new Error(capacity.reason);
    expect(capacity).toMatchObject({ fits: 2, wanted: 3, enough: false });
    expect(capacity.shortage?.groups).toEqual([
      expect.objectContaining({
        group: 'gpus',
        kind: 'gpu',
        count: 2,
        bestFit: 1,
        missing: 1,
        closestHost: 'h1',
        switches: ['sw1'],
        reachable: 5,
        free: 1,
      }),
      expect.objectContaining({ group: 'scratch', kind: 'nvme', bestFit: 1, missing: 0 }),
    ]);

    const outcomes = [];
    for (let at = 0; at <= capacity.fits; at += 1) {
      const spec = { ...node, name: `node-${at}` };
      outcomes.push(
        await requestComposition(
          deps,
          { spec, idempotencyKey: `real-${at}`, requestedBy: 'alice' },
          commandContext(),
        ),
      );
    }
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['scheduled', 'scheduled', 'failed']);
    expect(outcomes.slice(0, 2).map((outcome) => outcome.assignment)).toEqual(capacity.placements);
    expect(outcomes[2]?.failure).toEqual({
      reason: capacity.shortage?.reason,
      unschedulable: capacity.shortage?.unschedulable,
    });
  });

  it('leaves out devices promised during the window, and only then', async () => {
    const { deps } = fixture.replica('replica-b', lab('lease'));
    const lease = leaseOf('lease');
    const during = await capacityFor(
      { ...deps, promised: lease },
      { spec: node, wanted: 2, window },
    );
    const after = await capacityFor(
      { ...deps, promised: lease },
      {
        spec: node,
        wanted: 2,
        window: { start: new Date('2026-01-05T00:00:00Z'), end: new Date('2026-01-06T00:00:00Z') },
      },
    );
    expect(during).toMatchObject({ fits: 1, enough: false });
    expect(after).toMatchObject({ fits: 2, enough: true });
    expect(lease.asked[0]).toEqual([window.start, window.end]);
  });

  it('charts free and committed capacity per kind, step by step', async () => {
    const { deps, index } = fixture.replica('replica-c', lab('chart'));
    index.setAllocations('chart-n0', 1);
    const timeline = await capacityTimeline(
      { ...deps, promised: leaseOf('chart') },
      {
        start: new Date('2025-12-28T00:00:00Z'),
        end: new Date('2025-12-30T12:00:00Z'),
        stepMs: day,
      },
    );
    expect(
      timeline.map((step) => [
        step.start.toISOString().slice(0, 10),
        step.end.toISOString().slice(0, 13),
        step.kinds,
      ]),
    ).toEqual([
      [
        '2025-12-28',
        '2025-12-29T00',
        [
          { kind: 'gpu', total: 5, free: 5, committed: 0 },
          { kind: 'nvme', total: 3, free: 2, committed: 1 },
        ],
      ],
      [
        '2025-12-29',
        '2025-12-30T00',
        [
          { kind: 'gpu', total: 5, free: 3, committed: 2 },
          { kind: 'nvme', total: 3, free: 2, committed: 1 },
        ],
      ],
      [
        '2025-12-30',
        '2025-12-30T12',
        [
          { kind: 'gpu', total: 5, free: 5, committed: 0 },
          { kind: 'nvme', total: 3, free: 2, committed: 1 },
        ],
      ],
    ]);
  });

  it('answers for a template, with no composition name needed', async () => {
    const replica = fixture.replica('replica-d', lab('template'));
    const templates = new EventStoreTemplateRepository(
      replica.persistence.store,
      replica.persistence.pool,
    );
    await templates.migrate();
    const { name: _name, ...body } = node;
    await defineTemplate(
      { templates, clock: replica.deps.clock },
      {
        definition: { name: 'node', description: 'two GPUs and a drive', parameters: [], body },
        definedBy: 'alice',
      },
      commandContext(),
    );
    const capacity = await capacityFor(
      { ...replica.deps, templates, promised: noPromisedDevices },
      { spec: { template: { name: 'node' } }, wanted: 1, limit: 10, window },
    );
    expect(capacity).toMatchObject({ fits: 2, enough: true });
  });

  it('refuses a window that ends before it starts', async () => {
    const { deps } = fixture.replica('replica-e', lab('window'));
    const backwards = { start: window.end, end: window.start };
    await expect(
      capacityFor(
        { ...deps, promised: noPromisedDevices },
        { spec: node, wanted: 1, window: backwards },
      ),
    ).rejects.toThrow(InvalidCapacityQuestionError);
    await expect(
      capacityTimeline({ ...deps, promised: noPromisedDevices }, { ...backwards, stepMs: day }),
    ).rejects.toThrow(InvalidCapacityQuestionError);
  });
});

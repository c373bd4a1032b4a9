import 'reflect-metadata';
import { status } from '@grpc/grpc-js';
import { failureOf, violatedFields } from '@tessera/api-kit/test-support';
import { composer } from '@tessera/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  groupOf,
  type PlanningCalls,
  planningCalls,
  templateSpec,
} from './test-support/planning-calls.js';
import { type RunningComposer, startRunningComposer } from './test-support/running-composer.js';

const { CompositionPhase, PreviewOutcome, TemplateStatus } = composer;
const eventually = { timeout: 20_000, interval: 50 };

let composerProcess: RunningComposer;
let planning: PlanningCalls;
beforeAll(async () => {
  composerProcess = await startRunningComposer('composer_tpl_grpc');
  planning = planningCalls(composerProcess.grpcUrl);
});
afterAll(async () => {
  planning.close();
  await composerProcess.close();
});

/** GPUs of at least `minMemoryGiB` and NVMe scratch on h1, `gpus` of them (default 1). */
const gpuNode = (minMemoryGiB: number): composer.TemplateDefinition => ({
  name: 'gpu-node',
  description: `GPUs of at least ${minMemoryGiB} GiB on h1`,
  parameters: [
    {
      name: 'gpus',
      type: 'number',
      description: 'how many GPUs',
      defaultValue: 1,
      min: 1,
      max: 3,
      allowed: [],
    },
  ],
  body: {
    tenant: 'finance',
    labels: { team: 'quant' },
    host: { hostId: 'h1' },
    groups: [
      {
        name: 'gpus',
        kind: 'gpu',
        count: '${gpus}',
        selectors: [{ attribute: 'memoryGiB', op: '>=', value: minMemoryGiB }],
      },
      { name: 'scratch', kind: 'nvme', count: 1 },
    ],
  },
});

describe('templates over gRPC', () => {
  it('defines versions, reads the latest or one of them, and lists templates', async () => {
    expect(await planning.defineTemplate({ template: gpuNode(80) })).toEqual({
      name: 'gpu-node',
      version: 1,
    });
    expect(await planning.defineTemplate({ template: gpuNode(40) })).toEqual({
      name: 'gpu-node',
      version: 2,
    });
    const latest = await planning.getTemplate({ name: 'gpu-node' });
    expect(latest.template).toMatchObject({
      version: 2,
      latestVersion: 2,
      status: TemplateStatus.TEMPLATE_STATUS_ACTIVE,
      definedBy: 'user:alice',
      definition: { name: 'gpu-node', description: 'GPUs of at least 40 GiB on h1' },
    });
    expect(latest.template?.definition?.parameters[0]).toMatchObject({
      name: 'gpus',
      defaultValue: 1,
      min: 1,
      max: 3,
    });
    const first = await planning.getTemplate({ name: 'gpu-node', version: 1 });
    expect(first.template?.definition?.body?.groups).toEqual(gpuNode(80).body?.groups);
    expect((await planning.listTemplates()).templates).toEqual([
      {
        name: 'gpu-node',
        latestVersion: 2,
        description: 'GPUs of at least 40 GiB on h1',
        status: TemplateStatus.TEMPLATE_STATUS_ACTIVE,
      },
    ]);
  });

  it('refuses a bad definition naming every bad field, and stores nothing', async () => {
    const before = await composerProcess.storedEvents();
    const good = gpuNode(80);
    const { error, detail } = await failureOf(
      planning.defineTemplate({
        template: {
          ...good,
          name: 'Bad Name',
          parameters: [{ ...good.parameters[0]!, defaultValue: 7 }],
          body: { ...good.body, groups: [{ name: 'gpus', kind: 'gpu', count: '${cards}' }] },
        },
      }),
    );
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(detail)).toEqual([
      'template.body.groups[0].count',
      'template.name',
      'template.parameters[0].default_value',
    ]);
    const missing = await failureOf(planning.defineTemplate({}));
    expect(violatedFields(missing.detail)).toEqual(['template']);
    expect(await composerProcess.storedEvents()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown template or version, INVALID_ARGUMENT without a name', async () => {
    const unknown = await failureOf(planning.getTemplate({ name: 'nothing' }));
    expect(unknown.error.code).toBe(status.NOT_FOUND);
    expect(unknown.detail?.code).toBe('TEMPLATE_NOT_FOUND');
    const noVersion = await failureOf(planning.getTemplate({ name: 'gpu-node', version: 9 }));
    expect(noVersion.error.code).toBe(status.NOT_FOUND);
    const noName = await failureOf(planning.getTemplate({ name: ' ' }));
    expect(noName.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(noName.detail)).toEqual(['name']);
  });

  it('previews and composes from a version with parameters and overrides', async () => {
    const spec = templateSpec(
      { name: 'gpu-node', version: 1, parameters: { gpus: 2 } },
      {
        name: 'quant-1',
        labels: { owner: 'bob' },
        groups: [groupOf({ name: 'scratch', count: 2 })],
      },
    );
    const preview = await composerProcess.calls.preview({ spec });
    expect(preview).toMatchObject({ outcome: PreviewOutcome.PREVIEW_OUTCOME_FITS, hostId: 'h1' });
    expect(preview.groups.map((group) => group.deviceIds.length)).toEqual([2, 2]);

    const created = await composerProcess.calls.create({ spec, idempotencyKey: 'template-1' });
    expect(created.status?.phase).toBe(CompositionPhase.COMPOSITION_PHASE_ATTACHING);
    const composition = async () =>
      (await composerProcess.calls.get(created.compositionId)).composition;
    await expect
      .poll(async () => (await composition())?.status?.phase, eventually)
      .toBe(CompositionPhase.COMPOSITION_PHASE_READY);
    expect((await composition())?.spec).toMatchObject({
      name: 'quant-1',
      tenant: 'finance',
      labels: { team: 'quant', owner: 'bob' },
      template: { name: 'gpu-node', version: 1, parameters: { gpus: 2 } },
    });
  });

  it('refuses a composition naming an unknown template or bad parameters, and stores nothing', async () => {
    const before = await composerProcess.storedEvents();
    const unknown = await failureOf(
      composerProcess.calls.create({
        spec: templateSpec({ name: 'nothing' }, { name: 'x' }),
        idempotencyKey: 'template-2',
      }),
    );
    expect(unknown.error.code).toBe(status.NOT_FOUND);
    expect(unknown.detail?.code).toBe('TEMPLATE_NOT_FOUND');
    const bad = await failureOf(
      composerProcess.calls.create({
        spec: templateSpec(
          { name: 'gpu-node', parameters: { gpus: 9, colour: 'red' } },
          { name: 'x', groups: [groupOf({ name: 'extra', count: 1 })] },
        ),
        idempotencyKey: 'template-3',
      }),
    );
    expect(bad.error.code).toBe(status.INVALID_ARGUMENT);
    expect(violatedFields(bad.detail)).toEqual([
      'spec.groups[0].name',
      'spec.template.parameters["colour"]',
      'spec.template.parameters["gpus"]',
    ]);
    expect(await composerProcess.storedEvents()).toBe(before);
  });

  it('retires a template: readable, but no new composition may name it', async () => {
    const noReason = await failureOf(planning.retireTemplate({ name: 'gpu-node', reason: '' }));
    expect(violatedFields(noReason.detail)).toEqual(['reason']);
    const unknown = await failureOf(planning.retireTemplate({ name: 'nothing', reason: 'old' }));
    expect(unknown.error.code).toBe(status.NOT_FOUND);

    const retired = await planning.retireTemplate({ name: 'gpu-node', reason: 'replaced' });
    expect(retired).toEqual({ name: 'gpu-node', status: TemplateStatus.TEMPLATE_STATUS_RETIRED });
    expect((await planning.getTemplate({ name: 'gpu-node' })).template?.status).toBe(
      TemplateStatus.TEMPLATE_STATUS_RETIRED,
    );
    const before = await composerProcess.storedEvents();
    const refused = await failureOf(
      composerProcess.calls.create({
        spec: templateSpec({ name: 'gpu-node' }, { name: 'late' }),
        idempotencyKey: 'template-4',
      }),
    );
    expect(refused.error.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.detail?.code).toBe('TEMPLATE_RETIRED');
    expect(await composerProcess.storedEvents()).toBe(before);
  });
});

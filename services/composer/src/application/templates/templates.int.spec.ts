import {
  CompositionSpecInvalidError,
  TemplateDefinitionInvalidError,
  type TemplateDefinition,
  TemplateNotFoundError,
  TemplateRetiredError,
} from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStoreTemplateRepository } from '../../infrastructure/templates/index.js';
import {
  type ComposerFixture,
  type ComposerReplica,
  commandContext,
  createComposerFixture,
  smallLab,
} from '../../test-support/composer-fixture.js';
import { previewComposition } from '../compose/preview-composition.handler.js';
import { requestComposition } from '../compose/request-composition.handler.js';
import { defineTemplate, retireTemplate } from './define-template.handler.js';
import { getTemplate, listTemplates } from './get-template.handler.js';

let fixture: ComposerFixture;
let replica: ComposerReplica;
let templates: EventStoreTemplateRepository;
beforeAll(async () => {
  fixture = await createComposerFixture();
  replica = fixture.replica('replica-a', smallLab);
  templates = new EventStoreTemplateRepository(replica.persistence.store, replica.persistence.pool);
  await templates.migrate();
});
afterAll(async () => {
  await fixture.close();
});

/** v1 asks for 80 GiB GPUs; v2 accepts 40 GiB ones too. */
const gpuNode = (minMemoryGiB: number): TemplateDefinition => ({
  name: 'gpu-node',
  description: `GPUs of at least ${minMemoryGiB} GiB and NVMe scratch on h1`,
  parameters: [
    { name: 'gpus', type: 'number', default: 2, min: 1, max: 8 },
    { name: 'scratch', type: 'number', default: 2, min: 1, max: 3 },
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
      { name: 'scratch', kind: 'nvme', count: '${scratch}' },
    ],
  },
});

let keys = 0;
const request = (spec: unknown) => ({
  spec,
  idempotencyKey: `template-key-${(keys += 1)}`,
  requestedBy: 'alice',
});
const deps = () => ({ ...replica.deps, templates });
const define = (definition: unknown) =>
  defineTemplate(
    { templates, clock: replica.deps.clock },
    { definition, definedBy: 'alice' },
    commandContext(),
  );

describe('templates', () => {
  it('stores each definition as the next version and keeps the older ones', async () => {
    expect(await define(gpuNode(80))).toEqual({ name: 'gpu-node', version: 1 });
    expect(await define(gpuNode(40))).toEqual({ name: 'gpu-node', version: 2 });
    const events = (await fixture.storedCounts()).events;
    expect(await define(gpuNode(40))).toEqual({ name: 'gpu-node', version: 2 });
    expect((await fixture.storedCounts()).events).toBe(events);

    expect(await getTemplate({ templates }, 'gpu-node')).toMatchObject({
      version: 2,
      latestVersion: 2,
      status: 'active',
      description: 'GPUs of at least 40 GiB and NVMe scratch on h1',
    });
    expect((await getTemplate({ templates }, 'gpu-node', 1)).description).toMatch(/80 GiB/);
    await expect(getTemplate({ templates }, 'gpu-node', 3)).rejects.toThrow(TemplateNotFoundError);
    expect(await listTemplates({ templates })).toEqual([
      {
        name: 'gpu-node',
        latestVersion: 2,
        description: 'GPUs of at least 40 GiB and NVMe scratch on h1',
        status: 'active',
      },
    ]);
  });

  it('refuses a bad definition and stores nothing', async () => {
    const before = await fixture.storedCounts();
    await expect(define({ ...gpuNode(80), name: 'Bad Name' })).rejects.toThrow(
      TemplateDefinitionInvalidError,
    );
    expect(await fixture.storedCounts()).toEqual(before);
  });

  it('composes from version 1 with overrides, recording the template in the spec', async () => {
    const spec = {
      template: { name: 'gpu-node', version: '1', parameters: { gpus: 2 } },
      name: 'quant-1',
      labels: { owner: 'bob' },
      groups: [{ name: 'scratch', count: 1 }],
    };
    const preview = await previewComposition(deps(), spec);
    expect(preview).toMatchObject({ outcome: 'fits' });

    const outcome = await requestComposition(deps(), request(spec), commandContext());
    expect(outcome).toMatchObject({
      status: 'scheduled',
      assignment: {
        hostId: 'h1',
        groups: [
          { group: 'gpus', deviceIds: ['g1', 'g2'] },
          { group: 'scratch', deviceIds: ['n1'] },
        ],
      },
    });
    const { state } = await replica.persistence.compositions.load(outcome.compositionId);
    expect(state).toMatchObject({
      spec: {
        name: 'quant-1',
        labels: { team: 'quant', owner: 'bob' },
        groups: [
          { name: 'gpus', count: 2, selectors: [{ attribute: 'memoryGiB', op: '>=', value: 80 }] },
          { name: 'scratch', kind: 'nvme', count: 1 },
        ],
        template: { name: 'gpu-node', version: '1', parameters: { gpus: 2, scratch: 2 } },
      },
    });
  });

  it.each([
    ['an unknown template', { name: 'no-such' }, TemplateNotFoundError],
    ['an unknown version', { name: 'gpu-node', version: '9' }, TemplateNotFoundError],
    ['a bad parameter', { name: 'gpu-node', parameters: { gpus: 9 } }, CompositionSpecInvalidError],
    [
      'a version that is no number',
      { name: 'gpu-node', version: 'v1' },
      CompositionSpecInvalidError,
    ],
  ])('refuses %s and stores nothing', async (_case, template, error) => {
    const before = await fixture.storedCounts();
    const spec = { template, name: 'quant-2' };
    await expect(requestComposition(deps(), request(spec), commandContext())).rejects.toThrow(
      error,
    );
    await expect(previewComposition(deps(), spec)).rejects.toThrow(error);
    expect(await fixture.storedCounts()).toEqual(before);
  });

  it('names the missing template in the error', async () => {
    const spec = { template: { name: 'gpu-node', version: '9' }, name: 'quant-3' };
    const attempt = requestComposition(deps(), request(spec), commandContext());
    await expect(attempt).rejects.toMatchObject({
      code: 'TEMPLATE_NOT_FOUND',
      message: 'template "gpu-node" has no version 9',
    });
  });

  it('refuses compositions from a retired template, storing nothing', async () => {
    await define({ ...gpuNode(80), name: 'old-node' });
    await retireTemplate(
      { templates, clock: replica.deps.clock },
      { name: 'old-node', reason: 'replaced by gpu-node', retiredBy: 'alice' },
      commandContext(),
    );
    const before = await fixture.storedCounts();
    const spec = { template: { name: 'old-node' }, name: 'quant-4' };
    await expect(requestComposition(deps(), request(spec), commandContext())).rejects.toThrow(
      TemplateRetiredError,
    );
    expect(await fixture.storedCounts()).toEqual(before);
    expect((await listTemplates({ templates })).map((t) => [t.name, t.status])).toEqual([
      ['gpu-node', 'active'],
      ['old-node', 'retired'],
    ]);
  });
});

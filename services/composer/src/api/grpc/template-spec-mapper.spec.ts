import { renderTemplate, type TemplateVersion } from '@tessera/composer-domain';
import { describe, expect, it } from 'vitest';
import { templateFieldPath } from './field-paths.js';
import { specInputOf, specOf } from './spec-mapper.js';

const version: TemplateVersion = {
  name: 'gpu-node',
  description: 'GPUs and scratch',
  parameters: [{ name: 'gpus', type: 'number', default: 2 }],
  body: {
    tenant: 'finance',
    labels: { team: 'quant' },
    host: { hostId: 'h1' },
    groups: [
      { name: 'gpus', kind: 'gpu', count: '${gpus}' },
      { name: 'scratch', kind: 'nvme', count: 1, labels: { tier: 'fast' } },
    ],
  },
  version: 3,
  definedBy: 'alice',
  definedAt: '2026-01-01T00:00:00.000Z',
};

describe('the template spec mapper', () => {
  it('keeps only the fields a request sets as overrides, and shows the template back', () => {
    const input = specInputOf({
      name: 'quant-1',
      tenant: '',
      labels: {},
      groups: [
        { name: 'scratch', kind: '', count: 2, selectors: [], labels: {}, alternatives: [] },
      ],
      template: { name: 'gpu-node', version: 3, parameters: { gpus: 4 } },
    });
    expect(input).toEqual({
      template: { name: 'gpu-node', version: 3, parameters: { gpus: 4 } },
      name: 'quant-1',
      groups: [{ name: 'scratch', count: 2 }],
    });
    const { template, ...overrides } = input as Record<string, unknown>;
    const rendered = renderTemplate(
      version,
      (template as { parameters: never }).parameters,
      overrides,
    );
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
    expect(specOf(rendered.spec)).toMatchObject({
      name: 'quant-1',
      tenant: 'finance',
      hostId: 'h1',
      groups: [
        { name: 'gpus', count: 4 },
        { name: 'scratch', count: 2, labels: { tier: 'fast' } },
      ],
      template: { name: 'gpu-node', version: 3, parameters: { gpus: 4 } },
    });
  });

  it('names definition problems as DefineTemplateRequest does', () => {
    expect(templateFieldPath('')).toBe('template');
    expect(templateFieldPath('name')).toBe('template.name');
    expect(templateFieldPath('parameters[0].default')).toBe('template.parameters[0].default_value');
    expect(templateFieldPath('parameters[1].allowed[2]')).toBe('template.parameters[1].allowed[2]');
    expect(templateFieldPath('body.host.selector.minCores')).toBe(
      'template.body.host.selector.minCores',
    );
  });
});

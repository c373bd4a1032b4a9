import type { TemplateDefinition, TemplateVersion } from './template-types.js';

/** An analytics node: `gpus` GPUs (1..8, default 2), optional fast scratch, a required team. */
export const analyticsDefinition: TemplateDefinition = {
  name: 'analytics',
  description: 'A host with GPUs and NVMe scratch',
  parameters: [
    { name: 'gpus', type: 'number', default: 2, min: 1, max: 8 },
    { name: 'team', type: 'string' },
    { name: 'heal', type: 'boolean', default: true },
    { name: 'site', type: 'string', default: 'par-1', allowed: ['par-1', 'fra-1'] },
  ],
  body: {
    tenant: 'finance',
    labels: { team: '${team}', tier: 'gold' },
    host: { selector: { minCores: 32, site: '${site}' } },
    groups: [
      { name: 'gpus', kind: 'gpu', count: '${gpus}', constraints: { sameSwitchAs: 'host' } },
      { name: 'scratch', kind: 'nvme', count: 2 },
    ],
    healing: { replaceFailed: '${heal}' },
  },
};

export function versionOf(definition: TemplateDefinition, version = 1): TemplateVersion {
  return { ...definition, version, definedBy: 'alice', definedAt: '2025-12-01T00:00:00.000Z' };
}

import { validateCompositionSpec } from '@tessera/composer-domain';
import type { composer } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { specFieldPath } from './field-paths.js';
import { specInputOf, specOf } from './spec-mapper.js';

const request: composer.CompositionSpec = {
  name: 'analytics',
  tenant: 'finance',
  labels: { team: 'quant' },
  hostSelector: { minCores: 32, minMemoryGib: 256, labels: { tier: 'gold' }, rack: 'r1' },
  groups: [
    {
      name: 'gpus',
      kind: 'gpu',
      count: 2,
      selectors: [
        { attribute: 'memoryGiB', field: '', op: '>=', value: 80, values: [] },
        { attribute: '', field: 'vendor', op: 'in', value: 0, values: ['NVIDIA'] },
      ],
      labels: {},
      constraints: { sameSwitchAs: 'group', maxHops: 2, spreadAcross: '', allowShared: false },
      alternatives: [{ kind: 'gpu', count: 4, selectors: [], labels: {} }],
    },
  ],
  healing: { replaceFailed: true },
  priority: 300,
};

describe('the spec mapper', () => {
  it('turns a request spec into one the domain accepts, and shows it back unchanged', () => {
    const validation = validateCompositionSpec(specInputOf(request));
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(specOf(validation.spec)).toEqual({
      ...request,
      groups: [
        {
          ...request.groups[0],
          alternatives: [
            { kind: 'gpu', count: 4, selectors: [], labels: {}, constraints: undefined },
          ],
        },
      ],
    });
  });

  it('names problems by the request fields that hold them', () => {
    expect(specFieldPath('')).toBe('spec');
    expect(specFieldPath('host')).toBe('spec.host');
    expect(specFieldPath('host.hostId')).toBe('spec.host_id');
    expect(specFieldPath('host.selector.minMemoryGiB')).toBe('spec.host_selector.min_memory_gib');
    expect(specFieldPath('groups[1].constraints.sameSwitchAs')).toBe(
      'spec.groups[1].constraints.same_switch_as',
    );
    expect(specFieldPath('labels["team/Name"]')).toBe('spec.labels["team/Name"]');
  });

  it('leaves a selector with neither or both of attribute and field for the validator to refuse', () => {
    const both = { attribute: 'memoryGiB', field: 'vendor', op: '>=', value: 1, values: [] };
    const validation = validateCompositionSpec(
      specInputOf({ ...request, groups: [{ ...request.groups[0]!, selectors: [both] }] }),
    );
    expect(validation.ok ? [] : validation.problems.map((problem) => problem.path)).toEqual([
      'groups[0].selectors[0]',
    ]);
  });
});

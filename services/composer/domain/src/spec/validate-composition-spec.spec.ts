import { describe, expect, it } from 'vitest';
import { CompositionSpecInvalidError, describeProblem } from './spec-problems.js';
import { validateCompositionSpec } from './validate-composition-spec.js';
import { validateDeviceGroup } from './validate-device-group.js';

const analytics = {
  name: 'analytics-1',
  tenant: 'finance',
  labels: { team: 'quarter-end' },
  host: { selector: { minCores: 32, minMemoryGiB: 256, site: 'par-1' } },
  groups: [
    {
      name: 'gpus',
      kind: 'gpu',
      count: 2,
      selectors: [
        { attribute: 'memoryGiB', op: '>=', value: 80 },
        { field: 'vendor', op: 'in', values: ['NVIDIA'] },
      ],
      constraints: { sameSwitchAs: 'group', maxHops: 2 },
      alternatives: [
        { kind: 'gpu', count: 4, selectors: [{ attribute: 'memoryGiB', op: '>=', value: 40 }] },
      ],
    },
    { name: 'scratch', kind: 'nvme', count: 4, constraints: { spreadAcross: 'enclosure' } },
  ],
  healing: { replaceFailed: true },
  template: { name: 'analytics', version: '3', parameters: { gpus: 2, fast: true } },
};

/** The problems of a spec, as people read them. */
function problemsOf(input: unknown): string[] {
  const result = validateCompositionSpec(input);
  return result.ok ? [] : result.problems.map(describeProblem);
}

function withGroup(group: Record<string, unknown>): unknown {
  return { ...analytics, groups: [group] };
}

describe('validateCompositionSpec', () => {
  it('accepts a complete spec and fills in the default priority', () => {
    const result = validateCompositionSpec(analytics);
    expect(result).toEqual({ ok: true, spec: { ...analytics, priority: 100 } });
  });

  it('keeps a given priority and accepts a named host', () => {
    const result = validateCompositionSpec({
      ...analytics,
      host: { hostId: 'host-7' },
      priority: 0,
    });
    expect(result.ok && result.spec.priority).toBe(0);
    expect(result.ok && result.spec.host).toEqual({ hostId: 'host-7' });
  });

  it('refuses what is not an object', () => {
    expect(problemsOf('analytics')).toEqual(['must be an object']);
    expect(problemsOf(null)).toEqual(['must be an object']);
  });

  it('reports every problem at once, each with its path', () => {
    const input = {
      name: 'Analytics!',
      host: { hostId: 'host-7', selector: {} },
      groups: [
        { name: 'gpus', kind: 'gpus', count: 2 },
        { name: 'drives', kind: 'nvme', count: 65 },
      ],
      colour: 'blue',
      priority: 1001,
    };
    expect(problemsOf(input)).toEqual([
      'colour: is not a known field',
      'name: must be 1 to 63 lowercase letters, digits or "-", starting and ending alphanumeric',
      'tenant: must be 1 to 63 lowercase letters, digits or "-", starting and ending alphanumeric',
      'host: must give exactly one of hostId and selector',
      'groups[0].kind: "gpus" is not a device kind (expected gpu, nvme, ssd, hdd, nic, dpu, fpga, cxl-memory, pmem, accelerator)',
      'groups[1].count: must be an integer from 1 to 64',
      'priority: must be an integer from 0 to 1000',
    ]);
  });

  it('needs a host, named or selected', () => {
    expect(problemsOf({ ...analytics, host: {} })).toEqual([
      'host: must give exactly one of hostId and selector',
    ]);
    expect(problemsOf({ ...analytics, host: { hostId: ' ' } })).toEqual([
      'host.hostId: must be a non-empty string of at most 253 characters',
    ]);
    expect(
      problemsOf({ ...analytics, host: { selector: { minCores: 0, minMemoryGiB: -1, cpu: 'x' } } }),
    ).toEqual([
      'host.selector.cpu: is not a known field',
      'host.selector.minCores: must be an integer from 1 to 100000',
      'host.selector.minMemoryGiB: must be a number greater than 0',
    ]);
  });

  it('needs 1 to 16 groups with distinct names', () => {
    expect(problemsOf({ ...analytics, groups: [] })).toEqual([
      'groups: must be a list of 1 to 16 items',
    ]);
    const group = { name: 'g', kind: 'ssd', count: 1 };
    expect(problemsOf({ ...analytics, groups: Array.from({ length: 17 }, () => group) })).toEqual([
      'groups: must be a list of 1 to 16 items',
    ]);
    expect(problemsOf({ ...analytics, groups: [group, group] })).toEqual([
      'groups[1].name: "g" is the name of an earlier group',
    ]);
  });

  it('reports unknown fields wherever they are', () => {
    expect(
      problemsOf(
        withGroup({
          name: 'g',
          kind: 'gpu',
          count: 1,
          colour: 'red',
          constraints: { nearby: true },
          alternatives: [{ kind: 'gpu', count: 1, name: 'other' }],
        }),
      ),
    ).toEqual([
      'groups[0].colour: is not a known field',
      'groups[0].constraints.nearby: is not a known field',
      'groups[0].alternatives[0].name: is not a known field',
    ]);
  });

  it('checks every kind of selector', () => {
    const selectors = [
      { attribute: 'weight', op: '>=', value: 1 },
      { attribute: 'memoryGiB', op: '~', value: Number.NaN },
      { field: 'colour', op: 'in', values: [] },
      { field: 'model', op: 'not-in', values: ['A100', ''] },
      { anything: true },
    ];
    expect(problemsOf(withGroup({ name: 'g', kind: 'gpu', count: 1, selectors }))).toEqual([
      'groups[0].selectors[0].attribute: "weight" is not an attribute (expected memoryGiB, capacityTB, pcieGeneration, pcieLanes, bandwidthGbps, numaNode)',
      'groups[0].selectors[1].op: "~" is not a comparison (expected <, <=, =, !=, >=, >)',
      'groups[0].selectors[1].value: must be a finite number',
      'groups[0].selectors[2].field: "colour" is not a listed field (expected model, vendor)',
      'groups[0].selectors[2].values: must be a list of 1 to 64 items',
      'groups[0].selectors[3].values[1]: must be a non-empty string',
      'groups[0].selectors[4]: must be { attribute, op, value } or { field: "model" | "vendor", op, values }',
    ]);
  });

  it('refuses impossible constraints and accepts a spread over a single device', () => {
    expect(
      problemsOf(
        withGroup({
          name: 'g',
          kind: 'gpu',
          count: 1,
          constraints: { sameSwitchAs: 'group', maxHops: -1 },
        }),
      ),
    ).toEqual([
      'groups[0].constraints.sameSwitchAs: "group" needs a count of at least 2: one device shares a switch with nothing',
      'groups[0].constraints.maxHops: must be an integer from 0 to 16',
    ]);
    expect(
      problemsOf(
        withGroup({
          name: 'g',
          kind: 'gpu',
          count: 1,
          constraints: { sameSwitchAs: 'rack', spreadAcross: 'site', allowShared: 'yes' },
        }),
      ),
    ).toEqual([
      'groups[0].constraints.sameSwitchAs: "rack" is not a locality (expected host, group)',
      'groups[0].constraints.spreadAcross: "site" is not a failure domain (expected enclosure, rack)',
      'groups[0].constraints.allowShared: must be true or false',
    ]);
    expect(
      problemsOf(
        withGroup({ name: 'g', kind: 'nvme', count: 1, constraints: { spreadAcross: 'rack' } }),
      ),
    ).toEqual([]);
  });

  it('judges an alternative by its own count', () => {
    const group = {
      name: 'g',
      kind: 'gpu',
      count: 2,
      constraints: { sameSwitchAs: 'group' },
      alternatives: [{ kind: 'gpu', count: 1, constraints: { sameSwitchAs: 'group' } }],
    };
    expect(problemsOf(withGroup(group))).toEqual([
      'groups[0].alternatives[0].constraints.sameSwitchAs: "group" needs a count of at least 2: one device shares a switch with nothing',
    ]);
  });

  it('checks labels, healing and the template', () => {
    expect(
      problemsOf({
        ...analytics,
        labels: { 'bad key!': 'x', team: 'not ok' },
        healing: { replaceFailed: 'always' },
        template: { version: '', parameters: { nested: { no: 1 } } },
      }),
    ).toEqual([
      'labels["bad key!"]: is not a valid label key',
      'labels["team"]: must be up to 63 letters, digits, ".", "_" or "-", starting and ending alphanumeric',
      'healing.replaceFailed: must be true or false',
      'template.name: must be a non-empty string of at most 253 characters',
      'template.version: must be a non-empty string of at most 253 characters',
      'template.parameters["nested"]: must be a string, a number or a boolean',
    ]);
  });
});

describe('validateDeviceGroup', () => {
  it('accepts a group on its own and reports its problems under the path given', () => {
    const group = analytics.groups[1];
    expect(validateDeviceGroup(group)).toEqual({ ok: true, group });
    expect(validateDeviceGroup({ name: 'x', kind: 'tape', count: 0 })).toEqual({
      ok: false,
      problems: [
        {
          path: 'group.kind',
          message: expect.stringContaining('"tape" is not a device kind') as unknown,
        },
        { path: 'group.count', message: 'must be an integer from 1 to 64' },
      ],
    });
  });
});

describe('CompositionSpecInvalidError', () => {
  it('carries every problem and names them in its message', () => {
    const result = validateCompositionSpec({ ...analytics, name: '', priority: -1 });
    if (result.ok) {
      throw new Error('expected problems');
    }
    const error = new CompositionSpecInvalidError(result.problems);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.problems).toHaveLength(2);
    expect(error.message).toBe(
      'the composition spec is invalid: name: must be 1 to 63 lowercase letters, digits or "-", ' +
        'starting and ending alphanumeric; priority: must be an integer from 0 to 1000',
    );
  });
});

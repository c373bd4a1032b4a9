import { inventory } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import type { InvalidQueryError } from '../../application/queries/query-errors.js';
import { deviceFilterOf } from './filter-mapper.js';

const { DeviceKind, DeviceAttribute, ComparisonOperator, Health, Lifecycle } = inventory;

const emptyFilter: inventory.DeviceFilter = {
  kinds: [],
  attributes: [],
  labels: {},
  health: [],
  lifecycle: [],
};

const request = (fields: Partial<inventory.ListDevicesRequest>): inventory.ListDevicesRequest => ({
  filterExpression: '',
  ...fields,
});

function problemsOf(work: () => unknown): { field: string; message: string }[] {
  try {
    work();
  } catch (error) {
    return [...(error as InvalidQueryError).problems];
  }
  throw new Error('the filter was accepted');
}

describe('the device filter of a ListDevices request', () => {
  it('maps a structured filter onto the domain filter, leaving out what was not given', () => {
    expect(deviceFilterOf(request({}))).toEqual({});
    expect(
      deviceFilterOf(
        request({
          filter: {
            kinds: [DeviceKind.DEVICE_KIND_GPU, DeviceKind.DEVICE_KIND_CXL_MEMORY],
            attributes: [
              {
                attribute: DeviceAttribute.DEVICE_ATTRIBUTE_MEMORY_GIB,
                operator: ComparisonOperator.COMPARISON_OPERATOR_GREATER_OR_EQUAL,
                value: 80,
              },
            ],
            labels: { tier: 'gold' },
            health: [Health.HEALTH_OK],
            lifecycle: [Lifecycle.LIFECYCLE_AVAILABLE],
            reachableFromHostId: 'host-7',
            schedulable: false,
          },
        }),
      ),
    ).toEqual({
      kinds: ['gpu', 'cxl-memory'],
      attributes: [{ attribute: 'memoryGiB', operator: '>=', value: 80 }],
      labels: { tier: 'gold' },
      health: ['ok'],
      lifecycle: ['available'],
      reachableFromHostId: 'host-7',
      schedulable: false,
    });
  });

  it('reads a filter expression', () => {
    expect(deviceFilterOf(request({ filterExpression: 'kind=nvme, capacityTB>7' }))).toEqual({
      kinds: ['nvme'],
      attributes: [{ attribute: 'capacityTB', operator: '>', value: 7 }],
    });
  });

  it('reports every bad criterion of a structured filter by its request field', () => {
    const problems = problemsOf(() =>
      deviceFilterOf(
        request({
          filter: {
            ...emptyFilter,
            kinds: [DeviceKind.DEVICE_KIND_GPU, DeviceKind.DEVICE_KIND_UNSPECIFIED],
            attributes: [
              {
                attribute: DeviceAttribute.DEVICE_ATTRIBUTE_UNSPECIFIED,
                operator: ComparisonOperator.COMPARISON_OPERATOR_LESS,
                value: 1,
              },
              {
                attribute: DeviceAttribute.DEVICE_ATTRIBUTE_PCIE_LANES,
                operator: ComparisonOperator.COMPARISON_OPERATOR_EQUAL,
                value: Number.NaN,
              },
            ],
            health: [Health.UNRECOGNIZED],
            labels: { '': 'x' },
          },
        }),
      ),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'filter.kinds[1]',
      'filter.health[0]',
      'filter.attributes[0].attribute',
      'filter.attributes[1].value',
      'filter.labels[""]',
    ]);
  });

  it('reports the clauses of a bad expression, and refuses a filter given both ways', () => {
    expect(
      problemsOf(() => deviceFilterOf(request({ filterExpression: 'kind=gpus, oops' }))),
    ).toEqual([
      { field: 'filter_expression', message: 'clause 2: "oops" is not "name op value"' },
      {
        field: 'filter_expression',
        message: expect.stringContaining('kinds[0]: "gpus" is not one of') as string,
      },
    ]);
    expect(
      problemsOf(() =>
        deviceFilterOf(
          request({
            filter: { ...emptyFilter, vendor: 'NVIDIA' },
            filterExpression: 'kind=gpu',
          }),
        ),
      ).map((problem) => problem.field),
    ).toEqual(['filter_expression']);
  });
});

import { status } from '@grpc/grpc-js';
import {
  type GrpcFailure,
  grpcFailureOf as failureFor,
  internalFailure as internalFailureFor,
} from '@tessera/api-kit/server';
import { readErrorDetail } from '@tessera/contracts';
import type { TesseraError } from '@tessera/errors';
import {
  InvalidItemCommandError,
  ItemNotFoundError,
  ItemRetiredError,
  ManifestInvalidError,
  SourceAlreadyExistsError,
  SourceNotFoundError,
} from '@tessera/inventory-domain';
import { describe, expect, it } from 'vitest';
import { VersionConflictError } from '../../application/ports/item-repository.js';
import { InvalidQueryError } from '../../application/queries/query-errors.js';
import { inventoryErrorMapping } from './grpc-failure.js';

const grpcFailureOf = (error: unknown) => failureFor(error, inventoryErrorMapping);
const internalFailure = () => internalFailureFor(inventoryErrorMapping);

const detailOf = (failure: GrpcFailure | undefined) =>
  failure === undefined ? undefined : readErrorDetail(failure.metadata);

describe('gRPC failures', () => {
  it('maps each error code to its status, with the code in the ErrorDetail', () => {
    const cases: [TesseraError, status][] = [
      [new ItemNotFoundError('device', 'gpu-9'), status.NOT_FOUND],
      [new SourceNotFoundError('bmc-9'), status.NOT_FOUND],
      [new ItemRetiredError('device', 'gpu-1', 'cordoned'), status.FAILED_PRECONDITION],
      [new VersionConflictError('device-gpu-1'), status.ABORTED],
      [new SourceAlreadyExistsError('bmc-1'), status.ALREADY_EXISTS],
      [new InvalidItemCommandError('reason', 'must not be empty'), status.INVALID_ARGUMENT],
    ];
    for (const [error, code] of cases) {
      const failure = grpcFailureOf(error);
      expect(failure?.code).toBe(code);
      expect(failure?.details).toBe(error.message);
      expect(detailOf(failure)?.code).toBe(error.code);
    }
  });

  it('names bad request fields in proto names and manifest problems by their paths', () => {
    const command = grpcFailureOf(new InvalidItemCommandError('intervalSeconds', 'too short'));
    expect(detailOf(command)?.fieldViolations).toEqual([
      { field: 'interval_seconds', code: 'INVALID', description: 'intervalSeconds: too short' },
    ]);
    const query = grpcFailureOf(
      new InvalidQueryError([
        { field: 'page.page_size', message: 'too big' },
        { field: 'filter.labels["rackRow"]', message: 'bad key' },
      ]),
    );
    expect(detailOf(query)?.fieldViolations.map((violation) => violation.field)).toEqual([
      'page.page_size',
      'filter.labels["rackRow"]',
    ]);
    const manifest = grpcFailureOf(
      new ManifestInvalidError([
        { path: 'racks[0].hosts[1].cpuCores', message: 'must be a whole number' },
        { path: '', message: 'not valid YAML' },
      ]),
    );
    expect(manifest?.code).toBe(status.INVALID_ARGUMENT);
    expect(detailOf(manifest)?.code).toBe('MANIFEST_INVALID');
    expect(detailOf(manifest)?.fieldViolations.map((violation) => violation.field)).toEqual([
      'racks[0].hosts[1].cpuCores',
      '',
    ]);
  });

  it('leaves unexpected errors to INTERNAL, which says nothing about them', () => {
    expect(grpcFailureOf(new Error('connect ECONNREFUSED 10.0.0.7:5432'))).toBeUndefined();
    expect(grpcFailureOf({ code: 'INVENTORY_ITEM_NOT_FOUND' })).toBeUndefined();
    const internal = internalFailure();
    expect(internal.code).toBe(status.INTERNAL);
    expect(detailOf(internal)?.code).toBe('INTERNAL');
    expect(internal.details).not.toMatch(/ECONNREFUSED/);
  });
});

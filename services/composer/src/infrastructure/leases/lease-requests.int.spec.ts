import { LeaseIdempotencyConflictError } from '@tessera/composer-domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComposerFixture,
  commandContext,
  createComposerFixture,
} from '../../test-support/composer-fixture.js';
import {
  getLease,
  type RequestLeaseCommand,
  requestLease,
} from '../../application/leases/index.js';
import { defineTemplate } from '../../application/templates/index.js';
import { EventStoreTemplateRepository } from '../templates/index.js';
import { financeLab, financeNode, leaseReplica } from './lease-test-lab.js';

let fixture: ComposerFixture;
beforeAll(async () => {
  fixture = await createComposerFixture();
});
afterAll(async () => {
  await fixture.close();
});

const request = (overrides: Partial<RequestLeaseCommand> = {}): RequestLeaseCommand => ({
  tenant: 'finance',
  name: 'quarter-end',
  spec: financeNode(1, 0),
  count: 2,
  start: '2025-12-29T00:00:00Z',
  end: '2025-12-31T00:00:00Z',
  requestedBy: 'alice',
  ...overrides,
});

describe('lease requests', () => {
  it('holds N compositions of a template the request names, rendered with its parameters', async () => {
    const { deps: base } = await leaseReplica(fixture, 'replica-a', financeLab('tpl', 4, 4));
    const { store, pool } = fixture.replica('templates', financeLab('x', 0, 0)).persistence;
    const templates = new EventStoreTemplateRepository(store, pool);
    await templates.migrate();
    await defineTemplate(
      { templates, clock: base.clock },
      {
        definition: {
          name: 'finance-drive',
          description: 'NVMe drives on h1',
          parameters: [{ name: 'drives', type: 'number', default: 1, min: 1, max: 4 }],
          body: {
            name: 'drive-node',
            tenant: 'finance',
            host: { hostId: 'h1' },
            groups: [{ name: 'scratch', kind: 'nvme', count: '${drives}' }],
          },
        },
        definedBy: 'alice',
      },
      commandContext(),
    );
    const deps = { ...base, templates };
    const answer = await requestLease(
      deps,
      request({ spec: { template: { name: 'finance-drive', parameters: { drives: 2 } } } }),
      commandContext(),
    );
    if (answer.outcome !== 'admitted') throw new Error(JSON.stringify(answer));
    expect(answer.held.map((held) => held.groups[0]?.deviceIds)).toEqual([
      ['tpl-n00', 'tpl-n01'],
      ['tpl-n02', 'tpl-n03'],
    ]);
    expect((await getLease(deps, answer.leaseId)).count).toBe(2);
    const before = await fixture.storedCounts();
    await expect(
      requestLease(deps, request({ spec: { template: { name: 'no-such' } } }), commandContext()),
    ).rejects.toMatchObject({ code: 'TEMPLATE_NOT_FOUND' });
    expect(await fixture.storedCounts()).toEqual(before);
  });

  it('answers the same lease for the same key and request, and refuses the key for another', async () => {
    const { deps } = await leaseReplica(fixture, 'replica-a', financeLab('key', 2, 0));
    const keyed = request({ idempotencyKey: 'quarter-end-2025' });
    const first = await requestLease(deps, keyed, commandContext());
    expect(first.outcome).toBe('admitted');
    const stored = await fixture.storedCounts();
    const again = await requestLease(
      deps,
      { ...keyed, start: '2025-12-29T00:00:00.000Z', spec: { ...financeNode(1, 0) } },
      commandContext(),
    );
    expect(again).toEqual(first);
    const other = requestLease(deps, { ...keyed, count: 1 }, commandContext());
    await expect(other).rejects.toBeInstanceOf(LeaseIdempotencyConflictError);
    await expect(other).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      leaseId: first.leaseId,
    });
    expect(await fixture.storedCounts()).toEqual(stored);

    // A rejection is an answer too: the same key and request get it again, unchanged.
    const tooMany = request({ idempotencyKey: 'too-many', count: 3 });
    const rejected = await requestLease(deps, tooMany, commandContext());
    expect(rejected.outcome).toBe('rejected');
    expect(await requestLease(deps, tooMany, commandContext())).toEqual(rejected);
    await expect(
      requestLease(deps, request({ idempotencyKey: ' ' }), commandContext()),
    ).rejects.toMatchObject({ field: 'idempotencyKey' });
  });

  it('stores one lease for two concurrent requests with the same key', async () => {
    const a = await leaseReplica(fixture, 'replica-a', financeLab('twin', 4, 0));
    const b = await leaseReplica(fixture, 'replica-b', financeLab('twin', 4, 0));
    const keyed = request({ name: 'twins', idempotencyKey: 'twin-request' });
    const [one, two] = await Promise.all([
      requestLease(a.deps, keyed, commandContext()),
      requestLease(b.deps, keyed, commandContext()),
    ]);
    expect(one.outcome).toBe('admitted');
    expect(two).toEqual(one);
    const { pool } = fixture.replica('probe', financeLab('x', 0, 0)).persistence;
    const { rows } = await pool.query<{ leaseId: string }>(
      `SELECT data->>'leaseId' AS "leaseId" FROM composer.events
        WHERE type = 'tessera.composer.v1.LeaseRequested' AND data->>'name' = 'twins'`,
    );
    expect(rows).toEqual([{ leaseId: one.leaseId }]);
  });
});

import { randomUUID } from 'node:crypto';
import {
  createKafkaTransport,
  deadLetterTopicFor,
  type EventTransport,
} from '@tessera/event-transport';
import type { HostFactsReported } from '@tessera/inventory-domain';
import { kafkaBrokers, uniqueTopic } from '@tessera/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInventoryFixture,
  type InventoryFixture,
} from '../../test-support/inventory-fixture.js';
import { subscribeToHostFacts } from './host-facts-consumer.js';

let fixture: InventoryFixture;
let transport: EventTransport;
const topic = uniqueTopic('tessera.fleet.events');

beforeAll(async () => {
  fixture = await createInventoryFixture();
  transport = createKafkaTransport({
    brokers: kafkaBrokers(),
    clientId: uniqueTopic('inventory-test'),
  });
  await subscribeToHostFacts(transport, fixture.persistence, {
    topic,
    group: uniqueTopic('inventory'),
  });
  await Promise.all(
    fixture.persistence.projections.map((projection) =>
      fixture.persistence.store.runProjection(projection, { idlePollMs: 20 }),
    ),
  );
});
afterAll(async () => {
  await transport.close();
  await fixture.close();
});

function report(localIds: string[], sequence: number): HostFactsReported {
  return {
    hostId: 'host-42',
    hostname: 'render-42',
    vendor: 'Dell',
    model: 'PowerEdge R760xa',
    serial: 'D42',
    cpuCores: 64,
    health: 'ok',
    devices: localIds.map((localId) => ({
      localId,
      kind: 'nvme',
      vendor: 'Kioxia',
      model: 'CM7-R',
      serial: `K-${localId}`,
      attributes: { capacityTB: 7.68 },
      health: 'ok',
    })),
    observedAt: new Date(Date.UTC(2026, 10, 23, 8, sequence)).toISOString(),
  };
}

async function publish(data: unknown, type = 'tessera.fleet.v1.HostFactsReported'): Promise<void> {
  await transport.publish(topic, [
    {
      key: 'host-42',
      envelope: {
        id: randomUUID(),
        type,
        schemaVersion: 1,
        streamId: 'agent-host-42',
        streamVersion: 1,
        position: 1,
        recordedAt: new Date().toISOString(),
        correlationId: randomUUID(),
        causationId: null,
        actor: 'agent:host-42',
        tenant: null,
        data,
      },
    },
  ]);
}

async function lifecycles(): Promise<Record<string, unknown>> {
  const rows = await fixture.rows('items');
  return Object.fromEntries(rows.map((row) => [String(row.id), row.lifecycle]));
}

describe('host agent reports arriving through Kafka', () => {
  it('register the host and its local devices, and a device no longer reported goes missing', async () => {
    await publish(report(['nvme0', 'nvme1'], 1));
    await expect.poll(lifecycles, { timeout: 30_000, interval: 100 }).toEqual({
      'host-42': 'available',
      'host-42:nvme0': 'available',
      'host-42:nvme1': 'available',
    });
    const routes = await fixture.rows('routes');
    expect(
      routes.map(
        (route) => `${String(route.host_id)}>${String(route.device_id)}@${String(route.fabric_id)}`,
      ),
    ).toEqual(['host-42>host-42:nvme0@local', 'host-42>host-42:nvme1@local']);

    await publish({ ignored: true }, 'tessera.fleet.v1.AgentEnrolled');
    await publish(report(['nvme0'], 2));
    await expect.poll(lifecycles, { timeout: 30_000, interval: 100 }).toEqual({
      'host-42': 'available',
      'host-42:nvme0': 'available',
      'host-42:nvme1': 'missing',
    });
  });

  it('dead-letters an invalid report with its problems, and keeps consuming', async () => {
    const deadLetters: string[] = [];
    await transport.subscribe({
      topic: deadLetterTopicFor(topic),
      group: uniqueTopic('dlq-reader'),
      handler: ({ headers }) => {
        deadLetters.push(headers['tessera-dlq-error'] ?? '');
        return Promise.resolve();
      },
    });
    await publish({ ...report([], 3), hostname: '' });
    await expect
      .poll(() => deadLetters, { timeout: 60_000, interval: 200 })
      .toEqual([
        'InvalidHostReportError: the host report is invalid: hostname: must be a non-empty string',
      ]);
    await publish(report(['nvme0', 'nvme1'], 4));
    await expect
      .poll(async () => (await lifecycles())['host-42:nvme1'], { timeout: 30_000, interval: 100 })
      .toBe('available');
  });
});

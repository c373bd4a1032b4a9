import { randomUUID } from 'node:crypto';
import { composer } from '@tessera/contracts';
import {
  createKafkaTransport,
  type EventEnvelope,
  type KafkaTransport,
} from '@tessera/event-transport';
import { kafkaBrokers, uniqueTopic } from '@tessera/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachRequestedType,
  detachRequestedType,
  deviceAttachObservedType,
  deviceDetachObservedType,
} from './attach-messages.js';
import { type AttachIntent, decideAttach, type SimulatedBehaviour } from './simulated-decision.js';
import {
  type ResponderCounters,
  type SimulatedResponder,
  startSimulatedResponder,
} from './simulated-responder.js';

const behaviour: SimulatedBehaviour = {
  latencyMs: { min: 30, max: 120 },
  failureRate: 0.2,
  seed: 11,
};
/** Kafka's own delivery time, both ways, on a shared two-core machine. */
const transportSlackMs = 3_000;
const intentsTopic = uniqueTopic('tessera.composer.events');
const observationsTopic = uniqueTopic('tessera.fleet.events');
const deadline = new Date(Date.now() + 3_600_000).toISOString();

let transport: KafkaTransport;
let responder: SimulatedResponder | undefined;
const observations: EventEnvelope[] = [];

beforeAll(async () => {
  transport = createKafkaTransport({
    brokers: kafkaBrokers(),
    clientId: uniqueTopic('simulated-agents-test'),
  });
  responder = await startSimulatedResponder({
    ...behaviour,
    transport,
    intentsTopic,
    observationsTopic,
    group: uniqueTopic('simulated-agents'),
  });
  await transport.subscribe({
    topic: observationsTopic,
    group: uniqueTopic('observer'),
    handler: ({ envelope }) => {
      observations.push(envelope);
      return Promise.resolve();
    },
  });
});

afterAll(async () => {
  await responder?.stop();
  await transport.close();
});

function envelopeOf(type: string, hostId: string, data: unknown): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: `composition-${randomUUID()}`,
    streamVersion: 1,
    position: 1,
    recordedAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    actor: 'system',
    tenant: 'finance',
    data,
  };
}

/** Named after its host, so that the simulated outcomes (seeded by the intent) are the same every run. */
function attachIntent(hostId: string, deviceId: string): AttachIntent {
  return {
    compositionId: `composition-of-${hostId}`,
    hostId,
    deviceId,
    attempt: 1,
    deadline,
    fabricId: 'pcie-a',
  };
}

async function publishAll(envelopes: readonly EventEnvelope[]): Promise<void> {
  await transport.publish(
    intentsTopic,
    envelopes.map((envelope) => ({
      key: (envelope.data as { hostId: string }).hostId,
      envelope,
    })),
  );
}

function counters(): ResponderCounters {
  if (responder === undefined) throw new Error('the responder did not start');
  return responder.counters();
}

function answersTo(intents: readonly EventEnvelope[]): EventEnvelope[] {
  const ids = new Set(intents.map((intent) => intent.id));
  return observations.filter((observation) => ids.has(observation.causationId ?? ''));
}

describe('the simulated responder on Kafka', () => {
  it('answers 200 attach intents at the configured failure rate, after the simulated latency', async () => {
    const intents = Array.from({ length: 200 }, (_, index) =>
      attachIntent(`host-${String(index)}`, `device-${String(index)}`),
    );
    const envelopes = intents.map((intent) =>
      envelopeOf(attachRequestedType, intent.hostId, composer.AttachRequested.toJSON(intent)),
    );
    const publishedAt = Date.now();
    await publishAll(envelopes);
    await expect
      .poll(() => answersTo(envelopes).length, { timeout: 60_000, interval: 100 })
      .toBe(200);

    const expectedFailures = intents.filter(
      (intent) => decideAttach(intent, behaviour, new Date()).outcome === 'failed',
    ).length;
    const answers = answersTo(envelopes);
    const failed = answers.filter(
      (answer) =>
        composer.DeviceAttachObserved.fromJSON(answer.data).outcome ===
        composer.AttachOutcome.ATTACH_OUTCOME_FAILED,
    );
    expect(failed).toHaveLength(expectedFailures);
    expect(Math.abs(expectedFailures / 200 - behaviour.failureRate)).toBeLessThan(0.07);

    for (const [index, envelope] of envelopes.entries()) {
      const intent = intents[index];
      const answer = answers.find((candidate) => candidate.causationId === envelope.id);
      if (intent === undefined || answer === undefined) throw new Error('unanswered intent');
      const observed = composer.DeviceAttachObserved.fromJSON(answer.data);
      expect(answer).toMatchObject({
        type: deviceAttachObservedType,
        schemaVersion: 1,
        correlationId: envelope.correlationId,
        actor: `agent:${intent.hostId}`,
        tenant: 'finance',
      });
      expect(observed).toMatchObject({
        compositionId: intent.compositionId,
        hostId: intent.hostId,
        deviceId: intent.deviceId,
        attempt: 1,
      });
      const latency = Date.parse(observed.observedAt) - publishedAt;
      const simulated = decideAttach(intent, behaviour, new Date()).latencyMs;
      expect(latency).toBeGreaterThanOrEqual(simulated - 1);
      expect(latency).toBeLessThanOrEqual(behaviour.latencyMs.max + transportSlackMs);
    }
  });

  it('answers an intent of several devices (V2) with one observation of them all', async () => {
    const devices = ['gpu-a', 'gpu-b', 'nvme-a', 'nvme-b'].map((deviceId, index) => ({
      deviceId,
      attempt: index === 0 ? 2 : 1,
      fabricId: 'pcie-a',
    }));
    const intent = envelopeOf(
      attachRequestedType,
      'host-batch',
      composer.AttachRequestedV2.toJSON({
        compositionId: 'composition-of-host-batch',
        hostId: 'host-batch',
        devices,
        deadline,
      }),
    );
    await publishAll([{ ...intent, schemaVersion: 2 }]);
    await expect.poll(() => answersTo([intent]).length, { timeout: 60_000 }).toBe(1);
    const [answer] = answersTo([intent]);
    expect(answer).toMatchObject({ type: deviceAttachObservedType, schemaVersion: 2 });
    const observed = composer.DeviceAttachObservedV2.fromJSON(answer?.data);
    const expected = devices.map(({ deviceId, attempt, fabricId }) => {
      const decision = decideAttach(
        {
          compositionId: 'composition-of-host-batch',
          hostId: 'host-batch',
          deviceId,
          attempt,
          deadline,
          fabricId,
        },
        behaviour,
        new Date(),
      );
      return {
        deviceId,
        attempt,
        outcome:
          decision.outcome === 'attached'
            ? composer.AttachOutcome.ATTACH_OUTCOME_ATTACHED
            : composer.AttachOutcome.ATTACH_OUTCOME_FAILED,
        detail: decision.detail,
      };
    });
    expect(observed).toMatchObject({
      compositionId: 'composition-of-host-batch',
      hostId: 'host-batch',
      results: expected,
    });
  });

  it('answers a detach intent of several devices (V2) with one observation of them all', async () => {
    const intent = envelopeOf(
      detachRequestedType,
      'host-batch-detach',
      composer.DetachRequestedV2.toJSON({
        compositionId: 'composition-of-host-batch-detach',
        hostId: 'host-batch-detach',
        deviceIds: ['gpu-a', 'nvme-a'],
        reason: 'decomposed: done',
      }),
    );
    await publishAll([{ ...intent, schemaVersion: 2 }]);
    await expect.poll(() => answersTo([intent]).length, { timeout: 60_000 }).toBe(1);
    const [answer] = answersTo([intent]);
    expect(answer).toMatchObject({ type: deviceDetachObservedType, schemaVersion: 2 });
    expect(composer.DeviceDetachObservedV2.fromJSON(answer?.data)).toMatchObject({
      compositionId: 'composition-of-host-batch-detach',
      hostId: 'host-batch-detach',
      devices: [
        { deviceId: 'gpu-a', detail: 'simulated detach' },
        { deviceId: 'nvme-a', detail: 'simulated detach' },
      ],
    });
  });

  it('answers a repeated intent with the same observation, always detaches, and ignores other events', async () => {
    const before = counters();
    const attaches = Array.from({ length: 10 }, (_, index) => {
      const intent = attachIntent('host-repeat', `device-${String(index)}`);
      return envelopeOf(
        attachRequestedType,
        intent.hostId,
        composer.AttachRequested.toJSON(intent),
      );
    });
    const detaches = Array.from({ length: 10 }, (_, index) =>
      envelopeOf(
        detachRequestedType,
        'host-repeat',
        composer.DetachRequested.toJSON({
          compositionId: randomUUID(),
          hostId: 'host-repeat',
          deviceId: `device-${String(index)}`,
          reason: 'decomposed',
        }),
      ),
    );
    const other = envelopeOf('tessera.composer.v1.Ready', 'host-repeat', {
      compositionId: randomUUID(),
      hostId: 'host-repeat',
    });
    const intents = [...attaches, ...detaches];
    await publishAll([...intents, other]);
    await expect.poll(() => answersTo(intents).length, { timeout: 60_000 }).toBe(20);
    await publishAll(intents);
    await expect.poll(() => answersTo(intents).length, { timeout: 60_000 }).toBe(40);

    for (const intent of intents) {
      const [first, again] = answersTo([intent]);
      expect(again).toEqual(first);
    }
    const detachAnswers = answersTo(detaches);
    expect(new Set(detachAnswers.map((answer) => answer.type))).toEqual(
      new Set([deviceDetachObservedType]),
    );
    expect(answersTo([other])).toEqual([]);
    const after = counters();
    expect(after.repeated - before.repeated).toBe(20);
    expect(after.detached - before.detached).toBe(10);
    expect(after.ignored - before.ignored).toBe(1);
  });
});

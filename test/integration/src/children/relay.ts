/**
 * A child process that runs the publishing service's outbox relay on the scenario's transport.
 * With `relayHold` it parks, to be SIGKILLed, either before the transport publish (the rows are
 * committed, nothing is published) or in `onPublished` (published, the rows not yet deleted).
 */
import { runOutboxRelay, type PublishedBatch } from '@tessera/event-store';
import { type EventTransport, type OutgoingMessage } from '@tessera/event-transport';
import { readChildSettings } from '../shared/child-env.js';
import { sendReport } from '../shared/child-reports.js';
import { holdForKill, runChild, stderrLogger } from '../shared/child-runtime.js';
import { connectTransport } from '../shared/transport-kind.js';

const eventIds = (messages: readonly OutgoingMessage[]): string[] =>
  messages.map((message) => message.envelope.id);

/** The transport, with its publish stopping at the kill point: nothing reaches it. */
function holdingBeforePublish(transport: EventTransport): EventTransport {
  return {
    name: transport.name,
    publish: async (_topic, messages) => {
      sendReport({ type: 'holding', point: 'before-publish', eventIds: eventIds(messages) });
      await holdForKill();
    },
    subscribe: (options) => transport.subscribe(options),
    close: () => transport.close(),
  };
}

async function holdAfterPublish(batch: PublishedBatch): Promise<void> {
  sendReport({ type: 'holding', point: 'after-publish', eventIds: eventIds(batch.messages) });
  await holdForKill();
}

runChild(async () => {
  const settings = readChildSettings();
  const logger = stderrLogger(settings.label);
  const { transport } = await connectTransport(settings, `tessera-it-${settings.label}`, logger);
  runOutboxRelay({
    connectionString: settings.databaseUrl,
    schema: settings.storeSchema,
    transport:
      settings.relayHold === 'before-publish' ? holdingBeforePublish(transport) : transport,
    idlePollMs: 100,
    retryMs: 200,
    ...(settings.relayHold === 'after-publish' ? { onPublished: holdAfterPublish } : {}),
    onRoleChange: (role) => {
      sendReport({ type: 'relay-role', role });
    },
    logger,
  });
});

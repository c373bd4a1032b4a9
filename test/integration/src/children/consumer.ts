/**
 * A child process that subscribes the consuming service's idempotent effect handler to the
 * scenario's topic. With `holdAfterEffects: n` it parks, to be SIGKILLed, right after its n-th
 * effect committed and before the transport acknowledges that message.
 */
import { createPool } from '@tessera/postgres';
import { readChildSettings } from '../shared/child-env.js';
import { sendReport } from '../shared/child-reports.js';
import { holdForKill, runChild, stderrLogger } from '../shared/child-runtime.js';
import { createEffectHandler } from '../shared/effect-handler.js';
import { connectTransport } from '../shared/transport-kind.js';

runChild(async () => {
  const settings = readChildSettings();
  const logger = stderrLogger(settings.label);
  const pool = createPool({ connectionString: settings.databaseUrl, max: 4 });
  const { transport } = await connectTransport(settings, `tessera-it-${settings.label}`, logger);
  const handler = createEffectHandler({
    pool,
    schema: settings.consumerSchema,
    consumer: settings.consumer,
    processLabel: settings.label,
    afterEffect: async (envelope, applied) => {
      if (applied !== settings.holdAfterEffects) return;
      sendReport({ type: 'holding', point: 'after-effect', eventIds: [envelope.id] });
      await holdForKill();
    },
  });
  await transport.subscribe({ topic: settings.topic, group: settings.group, handler });
  sendReport({ type: 'subscribed' });
});

/**
 * A composer replica that is killed mid-attach (run by tsx with `--conditions=@tessera/source`
 * and killed by SIGKILL from crashing-composer.ts). Over the composer database at DATABASE_URL
 * it runs the attach side (relay, observation consumer, deadline job) with a slow simulated
 * responder, and leaves compositions at every step a crash can interrupt: requested but never
 * scheduled, scheduled but never attaching, and attaching with attaches in flight. Then it
 * prints one `CRASH_COMPOSITIONS [ids]` line and waits to be killed.
 */
import {
  absentComposition,
  type CompositionSpec,
  decideComposition,
} from '@tessera/composer-domain';
import { startSimulatedResponder } from '@tessera/simulated-agents';
import { startAttaching } from '../application/attach/index.js';
import { scheduleComposition } from '../application/compose/schedule-composition.js';
import { fleetTopic } from '../infrastructure/attach/index.js';
import { composerTopic } from '../infrastructure/persistence/index.js';
import { startAttachHarness } from './attach-harness.js';
import { crashPool, crashPrefix, crashSpec } from './crashing-composer.js';
import { commandContext } from './composer-fixture.js';
import { requiredWorkerSetting } from './ledger-contention-env.js';

const perStep = Number(requiredWorkerSetting('CRASH_PER_STEP'));
const harness = await startAttachHarness({
  databaseUrl: requiredWorkerSetting('DATABASE_URL'),
  index: crashPool(),
  attachTimeoutMs: Number(requiredWorkerSetting('CRASH_ATTACH_TIMEOUT_MS')),
  deadlineCheckMs: 200,
  owner: 'composer-crashing',
});
await startSimulatedResponder({
  transport: harness.transport,
  intentsTopic: composerTopic,
  observationsTopic: fleetTopic,
  group: 'tessera.simulated-agents',
  latencyMs: { min: 300, max: 900 },
  failureRate: 0.2,
  seed: 7,
});

let keys = 0;
/** Stores a request the way requestComposition does, without scheduling it. */
async function requested(spec: CompositionSpec): Promise<string> {
  const id = `${crashPrefix}${(keys += 1)}`;
  const idempotencyKey = `crash-${keys}`;
  const facts = decideComposition(
    { command: 'Request', id, spec, idempotencyKey, requestedBy: 'alice' },
    absentComposition,
    new Date(),
  );
  await harness.deps.compositions.create({ id, facts, idempotencyKey, spec }, commandContext());
  return id;
}

const ids: string[] = [];
for (let at = 0; at < perStep; at += 1) {
  ids.push(await requested(crashSpec));
  const scheduledOnly = await requested(crashSpec);
  await scheduleComposition(harness.deps, scheduledOnly, commandContext());
  ids.push(scheduledOnly);
  const attaching = await requested(crashSpec);
  await scheduleComposition(harness.deps, attaching, commandContext());
  await startAttaching(harness.deps, attaching, commandContext());
  ids.push(attaching);
}
console.log(`CRASH_COMPOSITIONS ${JSON.stringify(ids)}`);
// Attaches are in flight (the responder answers after 300 to 900 ms): wait for the SIGKILL.
setInterval(() => undefined, 60_000);

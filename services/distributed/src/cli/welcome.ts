import { adminTokenDisplay } from '@tessera/standalone';
import type { RunningDistributed } from '../distributed.js';

/** The first line once everything runs; the gateway's URL follows it. */
export const readyLine = 'Tessera (distributed) is ready at';

type Started = Pick<
  RunningDistributed,
  | 'httpUrl'
  | 'grpcUrl'
  | 'adminToken'
  | 'adminTokenSource'
  | 'adminTokenFile'
  | 'kafkaBrokers'
  | 'kafka'
  | 'postgres'
  | 'databases'
  | 'inventoryUrl'
  | 'composerUrl'
  | 'demoLab'
>;

/**
 * What `npm run distributed` prints once everything runs: the REST API, its OpenAPI page, the
 * event stream, the admin token (itself only when just generated), where the data is, and a
 * first command.
 */
export function welcomeText(started: Started): string {
  const url = started.httpUrl;
  const { shown: token, bearer } = adminTokenDisplay(started);
  const lab =
    started.demoLab.kind === 'imported'
      ? `imported (${String(started.demoLab.registered)} items)`
      : 'not imported: the inventory already has items';
  const { inventory, composer, gateway } = started.databases;
  return [
    `${readyLine} ${url}`,
    '',
    `  REST API      ${url}/v1`,
    `  OpenAPI page  ${url}/docs`,
    `  Event stream  ${url}/v1/events`,
    `  gRPC API      ${started.grpcUrl}`,
    `  Admin token   ${token}`,
    `  Demo lab      ${lab}`,
    `  Services      inventory ${started.inventoryUrl}, composer ${started.composerUrl} (gRPC, loopback)`,
    `  Kafka         ${started.kafkaBrokers.join(',')}: ${started.kafka}`,
    `  Postgres      ${started.postgres}; databases ${inventory}, ${composer}, ${gateway}`,
    '',
    '  Try:',
    `    curl -H "Authorization: Bearer ${bearer}" "${url}/v1/devices?kind=gpu"`,
    '',
    'Stop with Ctrl-C: the services stop in reverse order, then what was started for them.',
  ].join('\n');
}

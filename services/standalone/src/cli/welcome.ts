import { adminTokenDisplay } from '../admin-token.js';
import type { RunningStandalone } from '../standalone.js';
import type { StandaloneConfig } from '../standalone-config.js';

/** The first line once everything runs; the gateway's URL follows it. Supervisors and tests wait for it. */
export const readyLine = 'Tessera is ready at';

type Started = Pick<
  RunningStandalone,
  | 'httpUrl'
  | 'grpcUrl'
  | 'adminToken'
  | 'adminTokenSource'
  | 'adminTokenFile'
  | 'database'
  | 'transport'
  | 'demoLab'
  | 'inventoryUrl'
  | 'composerUrl'
>;

/**
 * What `npm start` prints once it runs: where the API, its OpenAPI page, the event stream and
 * the gateway's gRPC API are, the admin token only when it was just generated (else where it is), and a first command.
 */
export function welcomeText(started: Started, config: Pick<StandaloneConfig, 'lab'>): string {
  const url = started.httpUrl;
  const lab =
    started.demoLab.kind === 'imported'
      ? `imported (${String(config.lab.hosts)} hosts, seed ${String(config.lab.seed)}, ` +
        `${String(started.demoLab.registered)} items)`
      : 'not imported: the inventory already has items';
  const { shown: token, bearer } = adminTokenDisplay(started);
  return [
    `${readyLine} ${url}`,
    '',
    `  REST API      ${url}/v1`,
    `  OpenAPI page  ${url}/docs`,
    `  Event stream  ${url}/v1/events`,
    `  gRPC API      ${started.grpcUrl}`,
    `  Admin token   ${token}`,
    `  Demo lab      ${lab}`,
    `  Data          ${started.database}; transport: ${started.transport}`,
    `  Services      inventory ${started.inventoryUrl}, composer ${started.composerUrl} (gRPC, loopback)`,
    '',
    '  Try:',
    `    curl -H "Authorization: Bearer ${bearer}" "${url}/v1/devices?kind=gpu"`,
    '',
    'Stop with Ctrl-C; the data stays for the next start.',
  ].join('\n');
}
